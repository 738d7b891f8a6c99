import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { aPatient } from '../../test/patient-fixtures.js';
import {
  actingAs,
  aLink,
  anonymous,
  aSignedDocument,
  auditEventsOf,
  inTransaction,
  type StaffContext,
} from '../../test/shared-fixtures.js';
import { redeemLink } from '../links/index.js';
import { contentHash, listAddenda, listSignatures, signDocument, verifySignature } from './index.js';

let database: Database;
let org: TestOrganization;
let clinician: TestUser;
let director: TestUser;
let asClinician: StaffContext;
let asDirector: StaffContext;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  director = await aUser(database.db, org.ctx, ['director']);
  asClinician = actingAs(org, clinician, clock.now());
  asDirector = actingAs(org, director, clock.now());
});
afterAll(async () => {
  await database.close();
});

const note = {
  sections: { data: 'Attended group, engaged.', plan: 'Continue twice weekly.' },
  goals: ['g1', 'g2'],
};

describe('signing a document', () => {
  it('stores who, how, the typed name, the attestation, when and from where, over the content hash', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const documentId = crypto.randomUUID();
    const signature = await aSignedDocument(database.db, asClinician, clinician, {
      documentId,
      content: note,
      patientId: patient.id,
      userAgent: 'Mozilla/5.0 test',
    });
    expect(signature).toMatchObject({
      documentType: 'note',
      documentId,
      documentVersion: 1,
      signerRole: 'author',
      method: 'password',
      signerUserId: clinician.id,
      recordedByUserId: clinician.id,
      typedName: 'Test Author',
      signedAt: clock.now().toISOString(),
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 test',
      contentHash: contentHash(note),
    });
    expect(signature.attestation).toMatch(/electronic signature/);
    expect(signature.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const audits = await auditEventsOf(database.db, org.organizationId, { resourceId: signature.id });
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'signature.create',
        actor_user_id: clinician.id,
        patient_id: patient.id,
        details: expect.objectContaining({ documentType: 'note', documentId, signerRole: 'author' }),
      }),
    ]);
  });

  it('verifies the same content in any field order, and detects a changed word', async () => {
    const signature = await aSignedDocument(database.db, asClinician, clinician, { content: note });
    const reordered = {
      goals: ['g1', 'g2'],
      sections: { plan: 'Continue twice weekly.', data: 'Attended group, engaged.' },
    };
    expect((await verifySignature(database.db, org.organizationId, signature.id, reordered)).matches).toBe(
      true,
    );
    const changed = { ...note, sections: { ...note.sections, plan: 'Continue once weekly.' } };
    const check = await verifySignature(database.db, org.organizationId, signature.id, changed);
    expect(check.matches).toBe(false);
    expect(check.contentHash).not.toBe(signature.contentHash);
    const swapped = { ...note, goals: ['g2', 'g1'] };
    expect((await verifySignature(database.db, org.organizationId, signature.id, swapped)).matches).toBe(
      false,
    );
    const elsewhere = await createTestOrganization(database.db, { now: clock.now() });
    await expect(
      verifySignature(database.db, elsewhere.organizationId, signature.id, note),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('requires the signer’s own password and a typed name, naming the fields', async () => {
    await expect(
      aSignedDocument(database.db, asClinician, clinician, { password: 'not my password' }),
    ).rejects.toMatchObject({
      code: 'validation',
      errors: [{ field: 'password' }],
    });
    await expect(
      aSignedDocument(database.db, asClinician, clinician, { typedName: ' ', fieldPrefix: 'signature.' }),
    ).rejects.toMatchObject({ errors: [{ field: 'signature.typedName' }] });
    expect(
      await database.db.selectFrom('signature').select('id').where('typed_name', '=', ' ').execute(),
    ).toEqual([]);
  });

  it('refuses to sign a version again with other content, or twice by the same person', async () => {
    const documentId = crypto.randomUUID();
    await aSignedDocument(database.db, asClinician, clinician, { documentId, content: note });
    await expect(
      aSignedDocument(database.db, asClinician, clinician, { documentId, content: { ...note, goals: [] } }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/different content/) });
    await expect(
      aSignedDocument(database.db, asClinician, clinician, { documentId, content: note }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already signed/),
    });
    const v2 = await aSignedDocument(database.db, asClinician, clinician, {
      documentId,
      documentVersion: 2,
      content: { ...note, goals: [] },
    });
    expect(v2.documentVersion).toBe(2);
  });
});

describe('signatures are immutable', () => {
  it('are refused update, delete and truncate by the database itself', async () => {
    const signature = await aSignedDocument(database.db, asClinician, clinician);
    await expect(
      sql`update signature set typed_name = 'Someone Else' where id = ${signature.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update signature set content_hash = ${'0'.repeat(64)} where id = ${signature.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from signature where id = ${signature.id}`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate signature cascade`.execute(database.db)).rejects.toThrow(/append-only/);
    const [stored] = await listSignatures(database.db, org.organizationId, 'note', signature.documentId);
    expect(stored).toEqual(signature);
  });
});

describe('co-signature', () => {
  it('requires clinical.cosign: a clinician may not co-sign, a director may', async () => {
    const signature = await aSignedDocument(database.db, asClinician, clinician, { content: note });
    const other = await aUser(database.db, org.ctx, ['clinician']);
    const cosign = (ctx: StaffContext, user: TestUser, content: unknown = note) =>
      aSignedDocument(database.db, ctx, user, {
        documentId: signature.documentId,
        content,
        signerRole: 'cosigner',
        cosignsSignatureId: signature.id,
        typedName: 'Co Signer',
      });
    await expect(cosign(actingAs(org, other, clock.now()), other)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(cosign(asDirector, director, { ...note, goals: [] })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not the one the author signed/),
    });
    const cosignature = await cosign(asDirector, director);
    expect(cosignature).toMatchObject({
      signerRole: 'cosigner',
      cosignsSignatureId: signature.id,
      signerUserId: director.id,
    });
    const all = await listSignatures(database.db, org.organizationId, 'note', signature.documentId);
    expect(all.map((s) => s.signerRole)).toEqual(['author', 'cosigner']);
  });

  it('must come from someone other than the author', async () => {
    const own = await aSignedDocument(database.db, asDirector, director, { content: note });
    await expect(
      aSignedDocument(database.db, asDirector, director, {
        documentId: own.documentId,
        content: note,
        signerRole: 'cosigner',
        cosignsSignatureId: own.id,
      }),
    ).rejects.toMatchObject({ code: 'validation', errors: [{ field: 'cosignsSignatureId' }] });
  });
});

describe('addenda', () => {
  it('are new signed documents linked to the signed original, which stays as it was', async () => {
    const original = await aSignedDocument(database.db, asClinician, clinician, { content: note });
    const draftId = crypto.randomUUID();
    await expect(
      aSignedDocument(database.db, asClinician, clinician, {
        documentType: 'addendum',
        content: { text: 'too early' },
        addendumTo: { documentType: 'note', documentId: draftId },
      }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    const addendum = await aSignedDocument(database.db, asClinician, clinician, {
      documentType: 'addendum',
      content: { text: 'Late entry: patient called after group to report a new job.' },
      addendumTo: { documentType: 'note', documentId: original.documentId },
    });
    expect(addendum.addendumTo).toEqual({ documentType: 'note', documentId: original.documentId });
    expect(await listAddenda(database.db, org.organizationId, 'note', original.documentId)).toEqual([
      addendum,
    ]);
    expect(await listSignatures(database.db, org.organizationId, 'note', original.documentId)).toEqual([
      original,
    ]);
    expect((await verifySignature(database.db, org.organizationId, original.id, note)).matches).toBe(true);
  });
});

describe('signing as a patient', () => {
  it('records an in-person signature under the staff member who witnessed it, with no password', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const signature = await inTransaction(database.db, (trx) =>
      signDocument(trx, asClinician, {
        documentType: 'treatment_plan',
        documentId: crypto.randomUUID(),
        documentVersion: 3,
        content: { goals: ['Reduce PHQ-9 below 10'] },
        signerRole: 'patient',
        method: 'in_person',
        typedName: 'Avery Patient',
        patientId: patient.id,
      }),
    );
    expect(signature).toMatchObject({
      signerUserId: null,
      recordedByUserId: clinician.id,
      method: 'in_person',
    });
    expect(signature.attestation).toMatch(/same effect as signing on paper/);
  });

  it('signs through a redeemed link, for that document only, with no one signed in', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const planId = crypto.randomUUID();
    const issued = await aLink(database.db, asClinician, {
      purpose: 'plan_signature',
      subject: { type: 'treatment_plan', id: planId },
      patientId: patient.id,
    });
    const ctx = anonymous(clock.now());
    const signature = await inTransaction(database.db, async (trx) => {
      const link = await redeemLink(trx, issued.token, 'plan_signature', ctx);
      return signDocument(trx, ctx, {
        documentType: 'treatment_plan',
        documentId: planId,
        documentVersion: 1,
        content: { goals: ['Attend 3 groups a week'] },
        signerRole: 'guardian',
        method: 'one_time_link',
        typedName: 'Pat Guardian',
        viaLink: link,
        userAgent: 'Phone browser',
      });
    });
    expect(signature).toMatchObject({
      method: 'one_time_link',
      signerUserId: null,
      recordedByUserId: null,
      ip: '198.51.100.20',
    });
    const audits = await auditEventsOf(database.db, org.organizationId, { resourceId: signature.id });
    expect(audits).toEqual([
      expect.objectContaining({ action: 'signature.create', actor_user_id: null, patient_id: patient.id }),
    ]);

    const another = await aLink(database.db, asClinician, {
      purpose: 'plan_signature',
      subject: { type: 'treatment_plan', id: crypto.randomUUID() },
      patientId: patient.id,
    });
    await expect(
      inTransaction(database.db, async (trx) => {
        const link = await redeemLink(trx, another.token, 'plan_signature', ctx);
        return signDocument(trx, ctx, {
          documentType: 'treatment_plan',
          documentId: planId,
          documentVersion: 1,
          content: { goals: ['Attend 3 groups a week'] },
          signerRole: 'patient',
          method: 'one_time_link',
          typedName: 'Avery Patient',
          viaLink: link,
        });
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
