import type { api, StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { type IssuedLink, type IssueLinkInput, issueLink } from '../modules/links/index.js';
import { type SignDocumentInput, signDocument } from '../modules/signatures/index.js';
import { type OpenTaskInput, openTask } from '../modules/tasks/index.js';
import type { TestOrganization, TestUser } from './fixtures.js';

export type StaffContext = RequestContext & { actor: StaffActor };

/** A context acting as this user, for calling use cases directly. */
export function actingAs(org: TestOrganization, user: TestUser, now: Date, ip = '203.0.113.7'): StaffContext {
  return {
    actor: { userId: user.id, organizationId: org.organizationId, roles: user.roles, label: user.email },
    ip,
    requestId: `test-${user.id.slice(0, 8)}`,
    now,
  };
}

/** A context with no one signed in (a public page, a job), from a documentation address. */
export function anonymous(now: Date, ip = '198.51.100.20'): RequestContext {
  return { actor: null, ip, requestId: 'test-anonymous', now };
}

/** Runs a use case in its own transaction, as a route would. */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

let taskCounter = 0;

/** A task in the queue; a fresh subject each time unless one is given, so keys never collide. */
export async function aTask(
  db: Kysely<DB>,
  ctx: RequestContext,
  overrides: Partial<OpenTaskInput> & { subjectId?: string } = {},
): Promise<api.Task> {
  taskCounter += 1;
  const subjectId = overrides.subjectId ?? crypto.randomUUID();
  const { subjectId: _ignored, ...rest } = overrides;
  return inTransaction(db, (trx) =>
    openTask(trx, ctx, {
      kind: 'follow_up',
      subject: { type: 'inquiry', id: subjectId },
      title: `Follow up ${taskCounter}`,
      ownerRole: 'clinician' as StaffRole,
      ...rest,
    }),
  );
}

/** A document signed by a staff author with their password. */
export async function aSignedDocument(
  db: Kysely<DB>,
  ctx: StaffContext,
  user: TestUser,
  overrides: Partial<SignDocumentInput> = {},
): Promise<api.Signature> {
  return inTransaction(db, (trx) =>
    signDocument(trx, ctx, {
      documentType: 'note',
      documentId: crypto.randomUUID(),
      documentVersion: 1,
      content: { sections: { data: 'Attended group.', plan: 'Continue.' } },
      signerRole: 'author',
      method: 'password',
      typedName: 'Test Author',
      password: user.password,
      ...overrides,
    }),
  );
}

/** A one-time link, valid for a day unless told otherwise. */
export async function aLink(
  db: Kysely<DB>,
  ctx: RequestContext,
  overrides: Partial<IssueLinkInput> = {},
): Promise<IssuedLink> {
  return inTransaction(db, (trx) =>
    issueLink(trx, ctx, {
      purpose: 'self_report',
      subject: { type: 'measure_administration', id: crypto.randomUUID() },
      patientId: null,
      expiresAt: new Date(ctx.now.getTime() + 24 * 3_600_000),
      ...overrides,
    }),
  );
}

/** The audit events of an organization, oldest first, for asserting what was recorded. */
export async function auditEventsOf(
  db: Kysely<DB>,
  organizationId: string,
  filter: { action?: string; resourceId?: string; patientId?: string } = {},
) {
  let query = db
    .selectFrom('audit_event')
    .select([
      'action',
      'outcome',
      'actor_user_id',
      'resource_type',
      'resource_id',
      'patient_id',
      'ip',
      'details',
    ])
    .where('organization_id', '=', organizationId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.resourceId) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.patientId) query = query.where('patient_id', '=', filter.patientId);
  return query.orderBy('seq').execute();
}
