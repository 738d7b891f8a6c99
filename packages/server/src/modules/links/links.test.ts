import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { aPatient } from '../../test/patient-fixtures.js';
import {
  actingAs,
  aLink,
  anonymous,
  auditEventsOf,
  inTransaction,
  type StaffContext,
} from '../../test/shared-fixtures.js';
import { peekLink, redeemLink, revokeLinksFor, toLinkInfo } from './index.js';

let database: Database;
let org: TestOrganization;
let asClinician: StaffContext;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrganization(database.db, { now: clock.now() });
  asClinician = actingAs(org, await aUser(database.db, org.ctx, ['clinician']), clock.now());
});
afterAll(async () => {
  await database.close();
});

const redeem = (token: string, purpose: Parameters<typeof redeemLink>[2] = 'self_report', at = clock.now()) =>
  inTransaction(database.db, (trx) => redeemLink(trx, token, purpose, anonymous(at)));

describe('issuing a link', () => {
  it('hands out a 256-bit URL-safe token once and stores only its hash, audited with the patient', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const issued = await aLink(database.db, asClinician, { patientId: patient.id });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.path).toBe(`/self-report/${issued.token}`);
    const row = await database.db
      .selectFrom('one_time_link')
      .selectAll()
      .where('id', '=', issued.link.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({ max_uses: 1, use_count: 0, consumed_at: null, patient_id: patient.id });
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'link.issue',
      resourceId: row.id,
    });
    expect(audits).toEqual([
      expect.objectContaining({
        patient_id: patient.id,
        details: expect.objectContaining({ purpose: 'self_report' }),
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain(issued.token);
  });

  it('refuses an expiry in the past or beyond the purpose’s longest life, and reuse outside join links', async () => {
    const now = clock.now().getTime();
    await expect(aLink(database.db, asClinician, { expiresAt: new Date(now - 1) })).rejects.toMatchObject({
      errors: [{ field: 'expiresAt' }],
    });
    await expect(
      aLink(database.db, asClinician, { expiresAt: new Date(now + 8 * 24 * 3_600_000) }),
    ).rejects.toMatchObject({
      errors: [{ field: 'expiresAt', message: expect.stringMatching(/at most 7 days/) }],
    });
    await expect(aLink(database.db, asClinician, { maxUses: 3 })).rejects.toMatchObject({
      errors: [{ field: 'maxUses' }],
    });
  });
});

describe('redeeming a link', () => {
  it('works once; the second use is told the link was used', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const issued = await aLink(database.db, asClinician, { patientId: patient.id });
    const used = await redeem(issued.token);
    expect(used).toMatchObject({
      id: issued.link.id,
      organizationId: org.organizationId,
      patientId: patient.id,
      usesLeft: 0,
    });
    expect(toLinkInfo(used)).not.toHaveProperty('patientId');
    await expect(redeem(issued.token)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already been used/),
    });
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'link.redeem',
      resourceId: issued.link.id,
    });
    expect(audits).toEqual([
      expect.objectContaining({
        actor_user_id: null,
        patient_id: patient.id,
        ip: '198.51.100.20',
        outcome: 'success',
      }),
    ]);
  });

  it('stays unused when the work it was for fails and rolls back', async () => {
    const issued = await aLink(database.db, asClinician);
    await expect(
      inTransaction(database.db, async (trx) => {
        await redeemLink(trx, issued.token, 'self_report', anonymous(clock.now()));
        throw new Error('saving the answers failed');
      }),
    ).rejects.toThrow(/saving the answers failed/);
    expect((await redeem(issued.token)).usesLeft).toBe(0);
  });

  it('expires at its expiry instant, asking for a new link', async () => {
    const issued = await aLink(database.db, asClinician, {
      expiresAt: new Date(clock.now().getTime() + 3_600_000),
    });
    const later = new Date(clock.now().getTime() + 3_600_000);
    await expect(redeem(issued.token, 'self_report', later)).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/expired.*ask your care team for a new one/),
    });
    await expect(peekLink(database.db, issued.token, 'self_report', later)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect((await redeem(issued.token, 'self_report', new Date(later.getTime() - 1))).usesLeft).toBe(0);
  });

  it('answers "not valid" for another purpose or an unknown token, without using it', async () => {
    const issued = await aLink(database.db, asClinician);
    await expect(redeem(issued.token, 'plan_signature')).rejects.toMatchObject({ code: 'not_found' });
    await expect(redeem('A'.repeat(43))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/not valid/),
    });
    expect((await redeem(issued.token)).usesLeft).toBe(0);
  });

  it('can be peeked at without being used', async () => {
    const issued = await aLink(database.db, asClinician);
    const seen = await peekLink(database.db, issued.token, 'self_report', clock.now());
    expect(seen.usesLeft).toBe(1);
    expect(await peekLink(database.db, issued.token, 'self_report', clock.now())).toEqual(seen);
    await redeem(issued.token);
    await expect(peekLink(database.db, issued.token, 'self_report', clock.now())).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('lets a join link be used up to its max uses', async () => {
    const issued = await aLink(database.db, asClinician, {
      purpose: 'virtual_join',
      subject: { type: 'group_occurrence', id: crypto.randomUUID() },
      maxUses: 3,
    });
    expect(issued.path).toBe(`/join/${issued.token}`);
    const uses = [];
    for (let i = 0; i < 3; i++) uses.push((await redeem(issued.token, 'virtual_join')).usesLeft);
    expect(uses).toEqual([2, 1, 0]);
    await expect(redeem(issued.token, 'virtual_join')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only one of two simultaneous redeems of a single-use link succeed', async () => {
    const issued = await aLink(database.db, asClinician);
    const results = await Promise.allSettled([redeem(issued.token), redeem(issued.token)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('stops working when its subject’s links are withdrawn', async () => {
    const subject = { type: 'treatment_plan', id: crypto.randomUUID() };
    const first = await aLink(database.db, asClinician, { purpose: 'plan_signature', subject });
    const second = await aLink(database.db, asClinician, { purpose: 'plan_signature', subject });
    const kept = await aLink(database.db, asClinician, { purpose: 'plan_signature' });
    await redeem(first.token, 'plan_signature');
    const withdrawn = await inTransaction(database.db, (trx) => revokeLinksFor(trx, asClinician, subject));
    expect(withdrawn).toBe(1);
    await expect(redeem(second.token, 'plan_signature')).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/withdrawn/),
    });
    expect((await redeem(kept.token, 'plan_signature')).usesLeft).toBe(0);
  });
});
