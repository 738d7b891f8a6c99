import {
  type api,
  CONSENT_KIND_LABELS,
  DomainError,
  EXPIRY_EVENT_LABELS,
  INFORMATION_LABELS,
  longDate,
  PURPOSE_LABELS,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { getOrganization, organizationTimeZone } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';
import { formatInstant } from './local-time.js';
import { withSignatures } from './read-consents.js';
import { findConsent } from './repo.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that reaches the page goes through here: names and texts are never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const SIGNER_LABELS: Record<api.Signature['signerRole'], string> = {
  author: 'Author',
  cosigner: 'Co-signer',
  patient: 'Patient',
  guardian: 'Parent, guardian or legal representative',
  witness: 'Witness',
};

const METHOD_LABELS: Record<api.Signature['method'], string> = {
  password: 'signed by a staff member with their password',
  in_person: 'signed in person, recorded by staff',
  one_time_link: 'signed through a personal one-time link',
};

const STATUS_LABELS: Record<api.Consent['status'], string> = {
  active: 'In effect',
  revoked: 'Revoked',
  expired: 'Expired',
};

export interface PrintableParts {
  consent: api.Consent;
  organizationName: string;
  patient: { name: string; dateOfBirth: string; mrn: string };
  timeZone: string;
  printedAt: Date;
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

/** A clean page to print or save as PDF: the exact signed text, its terms, and its signature. */
export function renderPrintableConsent(parts: PrintableParts): string {
  const { consent, patient, timeZone } = parts;
  const at = (iso: string) => formatInstant(new Date(iso), timeZone);
  const [title, ...paragraphs] = consent.text.split('\n\n');
  const signature = consent.signature;
  const terms: string[] = [row('Kind', CONSENT_KIND_LABELS[consent.kind])];
  if (consent.recipient) {
    terms.push(
      row(
        'Recipient',
        consent.recipient.kind === 'named' ? consent.recipient.name : consent.recipient.description,
      ),
    );
  }
  if (consent.purposes.length > 0)
    terms.push(row('Purposes', consent.purposes.map((p) => PURPOSE_LABELS[p]).join('; ')));
  if (consent.informationKinds.length > 0) {
    terms.push(row('Information', consent.informationKinds.map((k) => INFORMATION_LABELS[k]).join('; ')));
  }
  const expiry = [
    consent.expiresOn ? `on ${longDate(consent.expiresOn)}` : null,
    consent.expiryEvent ? EXPIRY_EVENT_LABELS[consent.expiryEvent] : null,
  ].filter((e) => e !== null);
  terms.push(row('Expires', expiry.length > 0 ? expiry.join(', or ') : 'when revoked'));
  terms.push(row('Status when printed', STATUS_LABELS[consent.status]));
  if (consent.revokedOn) {
    terms.push(
      row(
        'Revoked',
        `${longDate(consent.revokedOn)} (received ${consent.revocationReceivedVia?.replace('_', ' ')})`,
      ),
    );
  }
  if (consent.endedAt) terms.push(row('Ended', at(consent.endedAt)));

  const banner =
    consent.status === 'active'
      ? ''
      : `<p class="banner">${escapeHtml(
          consent.status === 'revoked'
            ? 'REVOKED — this consent no longer permits any new use or disclosure.'
            : 'EXPIRED — this consent no longer permits any new use or disclosure.',
        )}</p>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title ?? consent.title)}</title>
<style>
  body { font: 12pt/1.5 Georgia, 'Times New Roman', serif; color: #111; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
  header { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
  header p { margin: 0.2rem 0; font-family: system-ui, sans-serif; font-size: 10pt; }
  h1 { font-size: 16pt; margin: 1rem 0 0.5rem; }
  h2 { font-size: 12pt; margin: 1.5rem 0 0.5rem; font-family: system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.05em; }
  table { border-collapse: collapse; width: 100%; font-family: system-ui, sans-serif; font-size: 10pt; }
  th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ccc; }
  th { width: 12rem; font-weight: 600; }
  .banner { border: 2px solid #111; padding: 0.5rem; font-weight: bold; font-family: system-ui, sans-serif; }
  .fingerprint { font-family: ui-monospace, monospace; font-size: 8pt; word-break: break-all; }
  footer { margin-top: 2rem; font-family: system-ui, sans-serif; font-size: 9pt; color: #444; }
  @media print { body { margin: 0; max-width: none; } @page { margin: 2cm; } }
</style>
</head>
<body>
<header>
  <p><strong>${escapeHtml(parts.organizationName)}</strong></p>
  <p>Patient: ${escapeHtml(patient.name)} · Date of birth: ${escapeHtml(longDate(patient.dateOfBirth))} · MRN: ${escapeHtml(patient.mrn)}</p>
</header>
${banner}
<main>
<h1>${escapeHtml(title ?? consent.title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<h2>Terms</h2>
<table>${terms.join('')}</table>
<h2>Electronic signature</h2>
<table>
${row('Signed by', `${signature.typedName} (${SIGNER_LABELS[signature.signerRole]})`)}
${row('Signed at', at(signature.signedAt))}
${row('How', METHOD_LABELS[signature.method])}
${row('Attestation shown', signature.attestation)}
${row('From address', signature.ip ?? 'not recorded')}
${row('Text version', `${consent.kind} v${consent.templateVersion}`)}
<tr><th scope="row">Document fingerprint (SHA-256)</th><td class="fingerprint">${escapeHtml(signature.contentHash)}</td></tr>
</table>
</main>
<footer>
  <p>Printed ${escapeHtml(formatInstant(parts.printedAt, timeZone))}. This copy shows the exact text the signer was shown; the fingerprint identifies the signed version.</p>
  <p>Consent ${escapeHtml(consent.id)}</p>
</footer>
</body>
</html>
`;
}

/** The printable page of a consent; printing shows the patient's record, so it is audited. */
export async function printableConsent(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
): Promise<string> {
  const orgId = ctx.actor.organizationId;
  const row = await findConsent(db, orgId, id);
  if (!row) throw DomainError.notFound('consent');
  const [consent] = await withSignatures(db, orgId, [row], ctx.now);
  const patient = await readPatient(db, orgId, row.patient_id);
  const organization = await getOrganization(db, orgId);
  await recordAuditEvent(db, ctx, {
    action: 'consent.print',
    resourceType: 'consent',
    resourceId: id,
    patientId: row.patient_id,
  });
  return renderPrintableConsent({
    consent: consent!,
    organizationName: organization.name,
    patient: {
      name: `${patient.legalFirstName} ${patient.legalLastName}`,
      dateOfBirth: patient.dateOfBirth,
      mrn: patient.mrn,
    },
    timeZone: await organizationTimeZone(db, orgId),
    printedAt: ctx.now,
  });
}
