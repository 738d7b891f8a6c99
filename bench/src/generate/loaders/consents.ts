import { createHash } from 'node:crypto';
import { type ConsentKind, canonicalJson, DEFAULT_ATTESTATIONS, renderConsentText } from '@trellis/domain';
import { Rng } from '../../prng.js';
import type { Loader } from '../loader.js';
import type { World } from '../world.js';

export interface PlannedConsent {
  id: string;
  signatureId: string;
  organizationId: string;
  patientId: string;
  patientName: string;
  kind: ConsentKind;
  templateVersion: number;
  title: string;
  text: string;
  contentHash: string;
  signedAt: Date;
  recordedBy: string | null;
  expiryEvent: 'end_of_treatment' | null;
  endedAt: Date | null;
}

const TERMS = {
  recipient: null,
  purposes: [],
  informationKinds: [],
  informationDescription: null,
  expiresOn: null,
  expiryEvent: null,
};

/**
 * Every consent signed at admission: treatment for everyone, telehealth for some. One plan read
 * by two loaders (signatures writes the signature rows, consents the consent rows), so it draws
 * from its own stream of the seed rather than from either loader's.
 */
export function planConsents(world: World): PlannedConsent[] {
  const rng = Rng.for(world.seed, 'plan:consents');
  const out: PlannedConsent[] = [];
  for (const org of world.organizations) {
    for (const p of org.patients) {
      if (!p.id || !p.registeredAt) continue;
      const patientName = `${p.firstName} ${p.lastName}`;
      const kinds: ConsentKind[] = rng.chance(0.3) ? ['treatment', 'telehealth'] : ['treatment'];
      for (const kind of kinds) {
        const rendered = renderConsentText(kind, { ...TERMS, patientName, organizationName: org.name });
        const signedAt = new Date(p.registeredAt.getTime() + rng.int(5, 60) * 60_000);
        const id = rng.uuidv7(signedAt);
        // The same shape the consents module signs (consentId, patientId, kind, version, text, terms).
        const content = {
          consentId: id,
          patientId: p.id,
          kind,
          templateVersion: rendered.templateVersion,
          text: rendered.text,
          terms: TERMS,
        };
        out.push({
          id,
          signatureId: rng.uuidv7(signedAt),
          organizationId: org.id,
          patientId: p.id,
          patientName,
          kind,
          templateVersion: rendered.templateVersion,
          title: rendered.title,
          text: rendered.text,
          contentHash: createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'),
          signedAt,
          recordedBy: org.staff[p.coordinatorIndex]?.id ?? null,
          expiryEvent: null,
          endedAt: null,
        });
      }
    }
  }
  return out;
}

/** signatures module: the patient's in-person signature of each admission consent. */
export const signaturesLoader: Loader = {
  name: 'signatures',
  module: 'signatures',
  tables: ['signature'],
  after: ['patients', 'users'],
  async load({ world, insert }) {
    const writer = await insert.writer('signature');
    for (const c of planConsents(world)) {
      await writer.add({
        id: c.signatureId,
        organization_id: c.organizationId,
        document_type: 'consent',
        document_id: c.id,
        document_version: 1,
        content_hash: c.contentHash,
        patient_id: c.patientId,
        signer_role: 'patient',
        method: 'in_person',
        signer_user_id: null,
        recorded_by_user_id: c.recordedBy,
        typed_name: c.patientName,
        attestation: DEFAULT_ATTESTATIONS.patient,
        signed_at: c.signedAt,
        ip: null,
        user_agent: null,
        cosigns_signature_id: null,
        addendum_of_type: null,
        addendum_of_id: null,
        link_id: null,
        created_at: c.signedAt,
      });
    }
    await writer.close();
  },
};

/** consents module: the consents themselves, with the text shown and the signature that covers it. */
export const consentsLoader: Loader = {
  name: 'consents',
  module: 'consents',
  tables: ['consent'],
  after: ['signatures'],
  async load({ world, insert }) {
    const writer = await insert.writer('consent');
    for (const c of planConsents(world)) {
      await writer.add({
        id: c.id,
        organization_id: c.organizationId,
        patient_id: c.patientId,
        kind: c.kind,
        template_version: c.templateVersion,
        title: c.title,
        text_shown: c.text,
        content_hash: c.contentHash,
        recipient_kind: null,
        recipient_name: null,
        recipient_description: null,
        information_description: null,
        expires_on: null,
        expires_at: null,
        expiry_event: c.expiryEvent,
        ended_at: c.endedAt,
        signature_id: c.signatureId,
        signed_at: c.signedAt,
        revoked_at: null,
        revoked_on: null,
        revocation_received_via: null,
        revocation_note: null,
        revoked_by: null,
        created_by: c.recordedBy,
        created_at: c.signedAt,
        updated_at: c.signedAt,
      });
    }
    await writer.close();
  },
};
