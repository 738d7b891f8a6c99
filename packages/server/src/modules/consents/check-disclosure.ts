import {
  type api,
  consentCoversDisclosure,
  type DisclosureCoverage,
  type DisclosureRequest,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { consentsOfPatient } from './repo.js';
import { toConsentTerms } from './to-api.js';

/**
 * Whether the patient's consents permit a disclosure at `now`. For modules that disclose
 * (exports, FHIR, reports): they audit the disclosure itself, so this does not.
 */
export async function consentCoverage(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  request: Omit<DisclosureRequest, 'now'>,
  now: Date,
): Promise<DisclosureCoverage> {
  const rows = await consentsOfPatient(db, organizationId, patientId);
  return consentCoversDisclosure(rows.map(toConsentTerms), { ...request, now });
}

export type DisclosureCheckInput = z.output<typeof api.DisclosureCheckRequest>;

/** A person asks "may this go to them?": answered from the consents on file, audited. */
export async function checkDisclosure(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
  input: DisclosureCheckInput,
): Promise<DisclosureCoverage> {
  await assertPatientExists(db, ctx.actor.organizationId, patientId);
  const coverage = await consentCoverage(db, ctx.actor.organizationId, patientId, input, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'consent.check',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: {
      purpose: input.purpose,
      informationKinds: input.informationKinds,
      covered: coverage.covered,
      ...(coverage.covered ? { consentId: coverage.consentId } : { code: coverage.code }),
    },
  });
  return coverage;
}
