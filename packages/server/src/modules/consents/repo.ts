import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConsentRow, ConsentTable, NewConsent } from './tables.js';

/** Every column, with calendar dates as 'YYYY-MM-DD' text whatever the driver's date parsing. */
const COLUMNS = [
  'consent.id',
  'consent.organization_id',
  'consent.patient_id',
  'consent.kind',
  'consent.template_version',
  'consent.title',
  'consent.text_shown',
  'consent.content_hash',
  'consent.recipient_kind',
  'consent.recipient_name',
  'consent.recipient_description',
  'consent.purposes',
  'consent.information_kinds',
  'consent.information_description',
  sql<string | null>`to_char(consent.expires_on, 'YYYY-MM-DD')`.as('expires_on'),
  'consent.expires_at',
  'consent.expiry_event',
  'consent.ended_at',
  'consent.signature_id',
  'consent.signed_at',
  'consent.revoked_at',
  sql<string | null>`to_char(consent.revoked_on, 'YYYY-MM-DD')`.as('revoked_on'),
  'consent.revocation_received_via',
  'consent.revocation_note',
  'consent.revoked_by',
  'consent.created_by',
  'consent.created_at',
  'consent.updated_at',
  'consent.version',
] as const;

export async function insertConsent(db: Kysely<DB>, consent: NewConsent): Promise<ConsentRow> {
  return db.insertInto('consent').values(consent).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function findConsent(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consent')
    .select(COLUMNS)
    .where('consent.organization_id', '=', organizationId)
    .where('consent.id', '=', id)
    .executeTakeFirst();
}

export async function consentsOfPatient(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  kind?: string,
): Promise<ConsentRow[]> {
  let query = db
    .selectFrom('consent')
    .select(COLUMNS)
    .where('consent.organization_id', '=', organizationId)
    .where('consent.patient_id', '=', patientId);
  if (kind) query = query.where('consent.kind', '=', kind as ConsentRow['kind']);
  return query.orderBy('consent.signed_at', 'desc').orderBy('consent.id', 'desc').limit(500).execute();
}

/** Records a revocation once: undefined when the consent is absent or already revoked. */
export async function setRevocation(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  changes: Pick<
    Updateable<ConsentTable>,
    'revoked_at' | 'revoked_on' | 'revocation_received_via' | 'revocation_note' | 'revoked_by'
  >,
  now: Date,
): Promise<ConsentRow | undefined> {
  return db
    .updateTable('consent')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** Marks the consents that end at an event (e.g. the end of treatment) as ended. */
export async function endAtEvent(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  event: 'end_of_treatment',
  at: Date,
  now: Date,
): Promise<ConsentRow[]> {
  return db
    .updateTable('consent')
    .set((eb) => ({ ended_at: at, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('expiry_event', '=', event)
    .where('ended_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning(COLUMNS)
    .execute();
}
