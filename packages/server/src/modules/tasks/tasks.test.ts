import type { FastifyInstance } from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aPatient } from '../../test/patient-fixtures.js';
import { actingAs, anonymous, aTask, auditEventsOf, inTransaction } from '../../test/shared-fixtures.js';
import { cancelTasksFor, listTasks, openTask } from './index.js';
import { taskListQuery } from './repo.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinician: TestUser;
let director: TestUser;
let billing: TestUser;
let agent: Agent;
const clock = new TestClock();
const hours = (n: number) => new Date(clock.now().getTime() + n * 3_600_000);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  director = await aUser(database.db, org.ctx, ['director']);
  billing = await aUser(database.db, org.ctx, ['billing']);
  agent = await signedIn(app, clinician);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('opening tasks', () => {
  it('queues the same due item once (kind + subject + period), and audits only the first', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const ctx = anonymous(clock.now());
    const input = {
      organizationId: org.organizationId,
      kind: 'measure_due' as const,
      subject: { type: 'episode', id: crypto.randomUUID() },
      patientId: patient.id,
      title: 'PHQ-9 due',
      period: '2026-W49',
    };
    const first = await inTransaction(database.db, (trx) => openTask(trx, ctx, input));
    const again = await inTransaction(database.db, (trx) =>
      openTask(trx, ctx, { ...input, title: 'Other words' }),
    );
    expect(again.id).toBe(first.id);
    expect(again.title).toBe('PHQ-9 due');
    expect(first).toMatchObject({
      ownerRole: 'clinician',
      priority: 'normal',
      status: 'open',
      createdBy: null,
    });
    const next = await inTransaction(database.db, (trx) =>
      openTask(trx, ctx, { ...input, period: '2026-W50' }),
    );
    expect(next.id).not.toBe(first.id);
    const rows = await database.db
      .selectFrom('task')
      .select('id')
      .where('patient_id', '=', patient.id)
      .execute();
    expect(rows).toHaveLength(2);
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'task.create',
      patientId: patient.id,
    });
    expect(audits.map((a) => a.resource_id)).toEqual([first.id, next.id]);
    expect(audits[0]).toMatchObject({ actor_user_id: null, resource_type: 'task' });
  });

  it('does not queue a resolved item again in the same period', async () => {
    const ctx = actingAs(org, clinician, clock.now());
    const subject = { type: 'note', id: crypto.randomUUID() };
    const task = await inTransaction(database.db, (trx) =>
      openTask(trx, ctx, { kind: 'note_unsigned', subject, title: 'Sign your note' }),
    );
    await cancelTasksFor(database.db, ctx, subject);
    const again = await inTransaction(database.db, (trx) =>
      openTask(trx, ctx, { kind: 'note_unsigned', subject, title: 'Sign your note' }),
    );
    expect(again).toMatchObject({ id: task.id, status: 'cancelled' });
  });

  it('lets a job or the demo seed, acting without a staff account, queue work', async () => {
    const seed = { ...org.ctx, actor: { ...org.ctx.actor, userId: '00000000-0000-0000-0000-000000000000' } };
    const task = await aTask(database.db, seed, { kind: 'benefit_verification', ownerRole: null });
    expect(task).toMatchObject({ ownerRole: 'intake', priority: 'high', createdBy: seed.actor.userId });
  });

  it('refuses an owner whose role cannot see the kind, and a patient of another organization', async () => {
    const ctx = actingAs(org, clinician, clock.now());
    await expect(
      aTask(database.db, ctx, { kind: 'risk_alert', ownerUserId: billing.id, ownerRole: null }),
    ).rejects.toMatchObject({ code: 'validation', errors: [{ field: 'ownerUserId' }] });
    await expect(aTask(database.db, ctx, { kind: 'risk_alert', ownerRole: 'billing' })).rejects.toMatchObject(
      {
        errors: [{ field: 'ownerRole' }],
      },
    );
    const elsewhere = await createTestOrganization(database.db, { now: clock.now() });
    const stranger = await aPatient(database.db, elsewhere.ctx);
    await expect(aTask(database.db, ctx, { patientId: stranger.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the queue over HTTP', () => {
  it('adds a manual follow-up owned by its creator, audited with the patient', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const response = await agent.post('/api/v1/tasks', {
      title: 'Call back about schedule',
      patientId: patient.id,
      dueAt: hours(4).toISOString(),
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toMatchObject({
      kind: 'follow_up',
      subject: { type: 'patient', id: patient.id },
      ownerUserId: clinician.id,
      ownerRole: null,
      createdBy: clinician.id,
    });
    // The queue names the patient (one query for the page), so a row needs no further call.
    const queue = (await agent.get(`/api/v1/tasks?patientId=${patient.id}`)).json();
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: response.json().id,
        patient: { displayName: patient.displayName, mrn: patient.mrn },
      }),
    ]);
    const missing = await agent.post('/api/v1/tasks', { title: 'About nothing' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('subject');
    const unknown = await agent.post('/api/v1/tasks', { title: 'x', patientId: patient.id, color: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('color');
  });

  it('resolves with If-Match: 428 without it, 409 with the current task when stale, then once only', async () => {
    const task = await aTask(database.db, actingAs(org, clinician, clock.now()));
    const url = `/api/v1/tasks/${task.id}/resolve`;
    expect((await agent.post(url, { note: 'Done' })).statusCode).toBe(428);
    const stale = await agent.post(url, { note: 'Done' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: task.id, version: 1, status: 'open' });
    const done = await agent.post(url, { note: 'Called, booked Tuesday' }, { 'if-match': '"1"' });
    expect(done.statusCode).toBe(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.json()).toMatchObject({
      status: 'done',
      version: 2,
      resolutionNote: 'Called, booked Tuesday',
      resolvedBy: clinician.id,
      resolvedAt: clock.now().toISOString(),
    });
    const twice = await agent.post(url, { status: 'cancelled' }, { 'if-match': '"2"' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already done/);
  });

  it('requires a resolution note for a risk alert, and audits the resolution with the patient', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const alert = await aTask(database.db, anonymous(clock.now()), {
      organizationId: org.organizationId,
      kind: 'risk_alert',
      patientId: patient.id,
      subject: { type: 'measure_administration', id: crypto.randomUUID() },
      title: 'PHQ-9 item 9 positive',
      ownerRole: null,
    });
    expect(alert).toMatchObject({ priority: 'urgent', ownerRole: 'clinician' });
    const url = `/api/v1/tasks/${alert.id}/resolve`;
    const silent = await agent.post(url, { status: 'done' }, { 'if-match': '"1"' });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors).toEqual([{ field: 'note', message: expect.stringMatching(/risk alert/) }]);
    const resolved = await agent.post(
      url,
      { status: 'done', note: 'Safety plan reviewed by phone; no current intent.' },
      { 'if-match': '"1"' },
    );
    expect(resolved.statusCode).toBe(200);
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'task.resolve',
      resourceId: alert.id,
    });
    expect(audits).toEqual([
      expect.objectContaining({ actor_user_id: clinician.id, patient_id: patient.id, outcome: 'success' }),
    ]);
    expect(JSON.stringify(audits[0]?.details)).not.toMatch(/Safety plan/);
  });

  it('audits reading a task about a patient', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const task = await aTask(database.db, actingAs(org, clinician, clock.now()), { patientId: patient.id });
    const response = await agent.get(`/api/v1/tasks/${task.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'task.read',
      resourceId: task.id,
    });
    expect(audits).toEqual([
      expect.objectContaining({ actor_user_id: clinician.id, patient_id: patient.id }),
    ]);
  });

  it('gives a task to a person or a team under If-Match, never to a role that cannot see it', async () => {
    const alert = await aTask(database.db, actingAs(org, clinician, clock.now()), {
      kind: 'risk_alert',
      ownerRole: null,
    });
    const url = `/api/v1/tasks/${alert.id}/assign`;
    const toBilling = await agent.post(url, { ownerUserId: billing.id }, { 'if-match': '"1"' });
    expect(toBilling.statusCode).toBe(422);
    expect(toBilling.json().errors[0].field).toBe('ownerUserId');
    const toDirector = await agent.post(url, { ownerUserId: director.id }, { 'if-match': '"1"' });
    expect(toDirector.statusCode).toBe(200);
    expect(toDirector.json()).toMatchObject({ ownerUserId: director.id, ownerRole: 'clinician', version: 2 });
    const nobody = await agent.post(url, { ownerUserId: null, ownerRole: null }, { 'if-match': '"2"' });
    expect(nobody.statusCode).toBe(422);
    expect((await agent.post(url, { ownerRole: 'intake' }, { 'if-match': '"1"' })).statusCode).toBe(409);
  });
});

describe('listing the queue', () => {
  let lister: TestUser;
  let listerAgent: Agent;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    lister = await aUser(database.db, org.ctx, ['clinician']);
    listerAgent = await signedIn(app, lister);
    const ctx = actingAs(org, lister, clock.now());
    const mine = { ownerUserId: lister.id, ownerRole: null };
    const specs = [
      ['normal-late', { priority: 'normal', dueAt: hours(48) }],
      ['urgent-none', { priority: 'urgent', dueAt: null }],
      ['high-soon', { priority: 'high', dueAt: hours(2) }],
      ['urgent-soon', { priority: 'urgent', dueAt: hours(1) }],
      ['normal-none', { priority: 'normal', dueAt: null }],
      ['urgent-later', { priority: 'urgent', dueAt: hours(5) }],
    ] as const;
    for (const [name, spec] of specs) {
      made[name] = (await aTask(database.db, ctx, { ...mine, ...spec, title: name })).id;
    }
  });

  const titles = (body: { items: { title: string }[] }) => body.items.map((t) => t.title);

  it('sorts urgent first, then by due time with undated last', async () => {
    const response = await listerAgent.get('/api/v1/tasks?owner=me');
    expect(response.statusCode).toBe(200);
    expect(titles(response.json())).toEqual([
      'urgent-soon',
      'urgent-later',
      'urgent-none',
      'high-soon',
      'normal-late',
      'normal-none',
    ]);
  });

  it('pages with a cursor through the same order, without repeats', async () => {
    const seen: string[] = [];
    let url = '/api/v1/tasks?owner=me&limit=4';
    for (let page = 0; page < 5; page++) {
      const body = (await listerAgent.get(url)).json();
      seen.push(...titles(body));
      if (!body.nextCursor) break;
      url = `/api/v1/tasks?owner=me&limit=4&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual([
      'urgent-soon',
      'urgent-later',
      'urgent-none',
      'high-soon',
      'normal-late',
      'normal-none',
    ]);
    const bad = await listerAgent.get('/api/v1/tasks?cursor=garbage');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('filters by status, kind, due time, patient and role queue', async () => {
    const done = await listerAgent.post(
      `/api/v1/tasks/${made['normal-late']}/resolve`,
      {},
      { 'if-match': '"1"' },
    );
    expect(done.statusCode).toBe(200);
    expect(titles((await listerAgent.get('/api/v1/tasks?owner=me&status=done')).json())).toEqual([
      'normal-late',
    ]);
    expect(titles((await listerAgent.get('/api/v1/tasks?owner=me')).json())).not.toContain('normal-late');
    const soon = encodeURIComponent(hours(3).toISOString());
    expect(titles((await listerAgent.get(`/api/v1/tasks?owner=me&dueBefore=${soon}`)).json())).toEqual([
      'urgent-soon',
      'high-soon',
    ]);
    expect((await listerAgent.get('/api/v1/tasks?owner=me&kind=risk_alert')).json().items).toEqual([]);
    const badKind = await listerAgent.get('/api/v1/tasks?kind=coffee');
    expect(badKind.statusCode).toBe(400);

    const patient = await aPatient(database.db, org.ctx);
    const forPatient = await aTask(database.db, anonymous(clock.now()), {
      organizationId: org.organizationId,
      patientId: patient.id,
      title: 'team task',
      ownerRole: 'clinician',
    });
    const byPatient = (await listerAgent.get(`/api/v1/tasks?patientId=${patient.id}`)).json();
    expect(byPatient.items.map((t: { id: string }) => t.id)).toEqual([forPatient.id]);
    const roleQueue = titles((await listerAgent.get('/api/v1/tasks?owner=my_roles&limit=200')).json());
    expect(roleQueue).toContain('team task');
    expect(roleQueue).not.toContain('urgent-soon');
    const both = titles((await listerAgent.get('/api/v1/tasks?owner=me_or_my_roles&limit=200')).json());
    expect(both).toEqual(expect.arrayContaining(['team task', 'urgent-soon']));
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'task.list',
      patientId: patient.id,
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ count: 1, patientIds: [patient.id] });
  });

  it('shows billing the benefit checks but not the clinical kinds', async () => {
    const ctx = anonymous(clock.now());
    const common = { organizationId: org.organizationId, ownerRole: null };
    const vob = await aTask(database.db, ctx, {
      ...common,
      kind: 'benefit_verification',
      ownerRole: 'billing',
    });
    const alert = await aTask(database.db, ctx, { ...common, kind: 'risk_alert' });
    const billingAgent = await signedIn(app, billing);
    const ids = (await billingAgent.get('/api/v1/tasks?limit=200'))
      .json()
      .items.map((t: { id: string }) => t.id);
    expect(ids).toContain(vob.id);
    expect(ids).not.toContain(alert.id);
    expect((await billingAgent.get(`/api/v1/tasks/${alert.id}`)).statusCode).toBe(404);
    const resolve = await billingAgent.post(
      `/api/v1/tasks/${vob.id}/resolve`,
      { note: 'Active, IOP covered' },
      { 'if-match': '"1"' },
    );
    expect(resolve.statusCode).toBe(200);
  });
});

describe('closing tasks when their subject moves on', () => {
  it('cancels the open tasks of a subject but leaves a risk alert to a person', async () => {
    const ctx = actingAs(org, clinician, clock.now());
    const subjectId = crypto.randomUUID();
    const subject = { type: 'inquiry', id: subjectId };
    const followUp = await aTask(database.db, ctx, {
      kind: 'inquiry_follow_up',
      subject,
      ownerRole: 'intake',
    });
    const screening = await aTask(database.db, ctx, {
      kind: 'urgent_screening',
      subject,
      ownerRole: 'intake',
    });
    const alert = await aTask(database.db, ctx, { kind: 'risk_alert', subject });
    const other = await aTask(database.db, ctx, { kind: 'inquiry_follow_up', ownerRole: 'intake' });
    const closed = await inTransaction(database.db, (trx) =>
      cancelTasksFor(trx, ctx, subject, undefined, { note: 'Inquiry closed: chose another program.' }),
    );
    expect(closed.map((t) => t.id).sort()).toEqual([followUp.id, screening.id].sort());
    expect(closed.every((t) => t.status === 'cancelled' && t.resolvedBy === clinician.id)).toBe(true);
    const page = await listTasks(database.db, org.organizationId, { subject, status: 'any' });
    const statuses = Object.fromEntries(page.items.map((t) => [t.id, t.status]));
    expect(statuses[alert.id]).toBe('open');
    const untouched = await listTasks(database.db, org.organizationId, { subject: other.subject });
    expect(untouched.items[0]?.status).toBe('open');
    const onlyAlert = await inTransaction(database.db, (trx) =>
      cancelTasksFor(trx, ctx, subject, 'risk_alert'),
    );
    expect(onlyAlert.map((t) => t.id)).toEqual([alert.id]);
  });
});

describe('access', () => {
  it('refuses front desk the queue (403, audited) and hides another organization’s task (404)', async () => {
    const deskUser = await aUser(database.db, org.ctx, ['front_desk']);
    const frontDesk = await signedIn(app, deskUser);
    expect((await frontDesk.get('/api/v1/tasks')).statusCode).toBe(403);
    expect(
      (await frontDesk.post('/api/v1/tasks', { title: 'x', patientId: crypto.randomUUID() })).statusCode,
    ).toBe(403);
    const elsewhere = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await aTask(database.db, elsewhere.ctx, { ownerRole: 'clinician' });
    expect((await agent.get(`/api/v1/tasks/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await agent.post(`/api/v1/tasks/${foreign.id}/resolve`, {}, { 'if-match': '"1"' })).statusCode,
    ).toBe(404);
    const denied = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('outcome', '=', 'denied')
      .where('actor_user_id', '=', deskUser.id)
      .execute();
    expect(denied.map((d) => d.action)).toEqual(['task.read', 'task.manage']);
  });
});

describe('at scale', () => {
  it('answers "my open tasks, urgent first" from an index, without sorting, at 100k tasks', async () => {
    const big = await createTestOrganization(database.db, { now: clock.now() });
    const users = [
      await aUser(database.db, big.ctx, ['clinician']),
      await aUser(database.db, big.ctx, ['clinician']),
    ];
    await sql`
      insert into task (id, organization_id, kind, priority, priority_rank, subject_type, subject_id,
                        title, owner_user_id, owner_role, due_at, status, resolved_at, created_at, updated_at)
      select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ${big.organizationId}::uuid,
             (array['follow_up','measure_due','note_unsigned','risk_alert'])[1 + i % 4],
             (array['urgent','high','normal'])[1 + i % 3], i % 3,
             'episode', ('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Task ' || i,
             case when i % 5 = 0 then null when i % 2 = 0 then ${users[0]!.id}::uuid else ${users[1]!.id}::uuid end,
             case when i % 5 = 0 then 'clinician' else null end,
             case when i % 7 = 0 then null else now() + (i % 500) * interval '1 hour' end,
             case when i % 4 = 0 then 'done' else 'open' end,
             case when i % 4 = 0 then now() else null end,
             now(), now()
      from generate_series(1, 100000) as i
    `.execute(database.db);
    // 100k rows in the embedded engine take a while to index; the assertion is about the plan.
    await sql`analyze task`.execute(database.db);

    const compiled = taskListQuery(database.db, big.organizationId, {
      kinds: ['follow_up', 'measure_due', 'note_unsigned', 'risk_alert'],
      status: 'open',
      owner: { mode: 'me', userId: users[0]!.id, roles: ['clinician'] },
      limit: 51,
    }).compile();
    const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using task_owner_open_idx/);
    expect(text).not.toMatch(/Sort/);

    const page = await listTasks(database.db, big.organizationId, {
      owner: { mode: 'me', userId: users[0]!.id, roles: ['clinician'] },
      limit: 5,
    });
    expect(page.items.map((t) => t.priority)).toEqual(['urgent', 'urgent', 'urgent', 'urgent', 'urgent']);
    const dues = page.items.map((t) => t.dueAt ?? 'z');
    expect([...dues].sort()).toEqual(dues);
  }, 300_000);
});
