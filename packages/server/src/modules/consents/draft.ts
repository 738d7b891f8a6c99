import { createHash } from 'node:crypto';
import {
  type api,
  type ConsentContentTerms,
  type ConsentKind,
  consentTermsOf,
  type FieldProblem,
  localDate,
  type RenderedConsent,
  renderConsentText,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { getOrganization, organizationTimeZone } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';

export type ConsentTermsInput = z.output<typeof api.ConsentPreviewRequest>;

export interface PreparedConsent {
  kind: ConsentKind;
  terms: ConsentContentTerms;
  rendered: RenderedConsent;
  textHash: string;
  timeZone: string;
  today: string;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Checks the terms against what the kind requires and renders the exact text the signer
 * will read, with the patient's and the program's names. Reads the patient without auditing:
 * the caller audits the consent read or write it serves.
 */
export async function prepareConsent(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  input: ConsentTermsInput,
  now: Date,
  extraProblems: FieldProblem[] = [],
): Promise<PreparedConsent> {
  const patient = await readPatient(db, organizationId, patientId);
  const timeZone = await organizationTimeZone(db, organizationId);
  const organization = await getOrganization(db, organizationId);
  const today = localDate(now, timeZone);
  const terms = consentTermsOf(input, today, extraProblems);
  const rendered = renderConsentText(input.kind, {
    patientName: `${patient.legalFirstName} ${patient.legalLastName}`,
    organizationName: organization.name,
    ...terms,
  });
  return { kind: input.kind, terms, rendered, textHash: hashText(rendered.text), timeZone, today };
}
