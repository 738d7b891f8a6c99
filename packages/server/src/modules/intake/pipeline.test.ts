import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aBenefitCheck, anInquiryInput, aReferralSource, aScreening } from '../../test/intake-fixtures.js';
import { actingAs } from '../../test/shared-fixtures.js';

/** Users are created with argon2 hashes: generous on a busy machine. */
const HOOK_TIMEOUT = 180_000;

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let coordinator: TestUser;
let colleague: TestUser;
let intake: Agent;
let other: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  coordinator = await aUser(database.db, org.ctx, ['intake'], { displayName: 'Ivy Coordinator' });
  colleague = await aUser(database.db, org.ctx, ['intake'], { displayName: 'Omar Colleague' });
  await aUser(database.db, org.ctx, ['clinician']);
  await app.ready();
  intake = await signedIn(app, coordinator);
  other = await signedIn(app, colleague);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await app.close();
  await database.close();
});

async function newInquiry(overrides: Record<string, unknown> = {}, agent = intake) {
  const response = await agent.post('/api/v1/inquiries', { ...anInquiryInput(), ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const transition = (
  id: string,
  body: Record<string, unknown>,
  agent = intake,
  headers?: Record<string, string>,
) => agent.post(`/api/v1/inquiries/${id}/transition`, body, headers);

async function auditActions(resourceId: string) {
  const rows = await database.db
    .selectFrom('audit_event')
    .select(['action'])
    .where('resource_id', '=', resourceId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('taking an inquiry', () => {
  it('creates it at "new", owned by the coordinator who took it, with insurance as a coverage to verify', async () => {
    const source = await aReferralSource(database.db, actingAs(org, coordinator, clock.now()), {
      kind: 'detox',
    });
    const inquiry = await newInquiry({
      phone: '(217) 555-0150',
      referralSourceId: source.id,
      dateOfBirth: '1990-07-08',
      insurance: { payerName: 'Blue Example Health', memberId: 'XEH42', relationship: 'self' },
    });
    expect(inquiry).toMatchObject({
      stage: 'new',
      source: 'referral',
      phone: '2175550150',
      coordinatorId: coordinator.id,
      referralSourceId: source.id,
      dateOfBirth: '1990-07-08',
      version: 1,
    });
    expect(inquiry.reference).toMatch(/^GS-/);
    expect(inquiry.coverages).toHaveLength(1);
    expect(inquiry.coverages[0]).toMatchObject({
      inquiryId: inquiry.id,
      patientId: null,
      payerName: 'Blue Example Health',
      status: 'pending_verification',
      latestCheck: null,
    });
    expect(await auditActions(inquiry.id)).toEqual(['inquiry.create']);
  });

  it('refuses an unknown referral source, a coordinator who cannot work inquiries, and a future birth date', async () => {
    const billing = await aUser(database.db, org.ctx, ['billing']);
    const cases: [Record<string, unknown>, string][] = [
      [{ referralSourceId: '0190d6a0-0000-7000-8000-00000000beef' }, 'referralSourceId'],
      [{ coordinatorId: billing.id }, 'coordinatorId'],
      [{ dateOfBirth: '2031-01-01' }, 'dateOfBirth'],
    ];
    for (const [overrides, field] of cases) {
      const response = await intake.post('/api/v1/inquiries', { ...anInquiryInput(), ...overrides });
      expect(response.statusCode, field).toBe(422);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('reads an inquiry with an audit event, and changes it only with If-Match', async () => {
    const inquiry = await newInquiry();
    const read = await intake.get(`/api/v1/inquiries/${inquiry.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const url = `/api/v1/inquiries/${inquiry.id}`;
    expect((await intake.patch(url, { bestTimeToContact: 'After 5 pm' })).statusCode).toBe(428);
    const changed = await intake.patch(url, { bestTimeToContact: 'After 5 pm' }, { 'if-match': '"1"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ bestTimeToContact: 'After 5 pm', version: 2 });
    expect(changed.headers.etag).toBe('"2"');

    const stale = await other.patch(url, { notes: 'Overwrite?' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, bestTimeToContact: 'After 5 pm', notes: null });

    const unreachable = await intake.patch(url, { phone: null, email: null }, { 'if-match': '"2"' });
    expect(unreachable.statusCode).toBe(422);
    const stage = await intake.patch(url, { stage: 'admitted' }, { 'if-match': '"2"' });
    expect(stage.statusCode).toBe(400);
    expect(await auditActions(inquiry.id)).toEqual(['inquiry.create', 'inquiry.read', 'inquiry.update']);
  });
});

describe('moving an inquiry through the pipeline', () => {
  it('records every stage change with who and when', async () => {
    const inquiry = await newInquiry();
    expect((await transition(inquiry.id, { to: 'contacted' })).statusCode).toBe(200);
    const firstAt = clock.now().toISOString();
    clock.advanceMinutes(5);
    const screening = await other.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening());
    expect(screening.statusCode).toBe(201);
    const screened = await transition(inquiry.id, { to: 'screened' }, other);
    expect(screened.statusCode).toBe(200);
    expect(screened.json()).toMatchObject({ stage: 'screened', stageChangedAt: clock.now().toISOString() });

    const history = await intake.get(`/api/v1/inquiries/${inquiry.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({
        fromStage: 'new',
        toStage: 'contacted',
        changedBy: { id: coordinator.id, name: 'Ivy Coordinator' },
        changedAt: firstAt,
      }),
      expect.objectContaining({
        fromStage: 'contacted',
        toStage: 'screened',
        changedBy: { id: colleague.id, name: 'Omar Colleague' },
        changedAt: clock.now().toISOString(),
      }),
    ]);
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'details'])
      .where('resource_id', '=', inquiry.id)
      .where('action', '=', 'inquiry.transition')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      {
        action: 'inquiry.transition',
        actor_user_id: coordinator.id,
        details: { from: 'new', to: 'contacted' },
      },
      {
        action: 'inquiry.transition',
        actor_user_id: colleague.id,
        details: { from: 'contacted', to: 'screened' },
      },
    ]);
  });

  it('refuses an invalid jump with 409 naming both stages, and writes nothing', async () => {
    const inquiry = await newInquiry();
    const before = await intake.get(`/api/v1/inquiries/${inquiry.id}`);
    const response = await transition(inquiry.id, { to: 'benefits_checked' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe(
      'This inquiry is at “New”, so it cannot move to “Benefits checked”. First mark it “Contacted” once you have reached the person.',
    );
    const after = await intake.get(`/api/v1/inquiries/${inquiry.id}`);
    expect(after.json()).toEqual(before.json());
    const history = await database.db
      .selectFrom('inquiry_stage_change')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(history).toEqual([]);
    expect(await auditActions(inquiry.id)).not.toContain('inquiry.transition');
    // "admitted" is reached only by admitting into a track.
    const admit = await transition(inquiry.id, { to: 'admitted' });
    expect(admit.statusCode).toBe(409);
  });

  it('needs the screening, then a benefit check or self-pay, then the assessment time', async () => {
    const inquiry = await newInquiry({ insurance: { payerName: 'Blue Example Health', memberId: 'M1' } });
    await transition(inquiry.id, { to: 'contacted' });
    const unscreened = await transition(inquiry.id, { to: 'screened' });
    expect(unscreened.statusCode).toBe(409);
    expect(unscreened.json().detail).toMatch(/record the phone screening/);
    await intake.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening());
    expect((await transition(inquiry.id, { to: 'screened' })).statusCode).toBe(200);

    const unchecked = await transition(inquiry.id, { to: 'benefits_checked' });
    expect(unchecked.statusCode).toBe(409);
    expect(unchecked.json().detail).toMatch(/benefit check.*self-pay/);

    const coverageId = inquiry.coverages[0].id;
    const check = await intake.post(`/api/v1/coverages/${coverageId}/benefit-checks`, aBenefitCheck());
    expect(check.statusCode).toBe(201);
    const checked = await transition(inquiry.id, { to: 'benefits_checked' });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ stage: 'benefits_checked', selfPay: false });
    expect(checked.json().coverages[0]).toMatchObject({
      status: 'active',
      latestCheck: { coverageActive: true },
    });

    const noTime = await transition(inquiry.id, { to: 'assessment_booked' });
    expect(noTime.statusCode).toBe(422);
    expect(noTime.json().errors[0].field).toBe('assessmentAt');
    const badTime = await transition(inquiry.id, { to: 'assessment_booked', assessmentAt: 'Tuesday 3pm' });
    expect(badTime.statusCode).toBe(400);
    const at = new Date(clock.now().getTime() + 2 * 86_400_000).toISOString();
    const booked = await transition(inquiry.id, { to: 'assessment_booked', assessmentAt: at });
    expect(booked.statusCode).toBe(200);
    expect(booked.json()).toMatchObject({ stage: 'assessment_booked', assessmentAt: at });
  });

  it('goes on without a benefit check on an explicit self-pay decision', async () => {
    const inquiry = await newInquiry();
    await transition(inquiry.id, { to: 'contacted' });
    await intake.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening());
    await transition(inquiry.id, { to: 'screened' });
    const selfPay = await transition(inquiry.id, { to: 'benefits_checked', selfPay: true });
    expect(selfPay.statusCode).toBe(200);
    expect(selfPay.json()).toMatchObject({ stage: 'benefits_checked', selfPay: true });
  });

  it('checks If-Match on a transition when it is sent', async () => {
    const inquiry = await newInquiry();
    const stale = await transition(inquiry.id, { to: 'contacted' }, intake, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ stage: 'new', version: 1 });
    const ok = await transition(inquiry.id, { to: 'contacted' }, intake, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
  });

  it('closes with a reason, withdraws its follow-ups and verification requests, and reopens at "new"', async () => {
    const inquiry = await newInquiry({ insurance: { payerName: 'Blue Example Health' } });
    const due = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const followUp = await intake.post(`/api/v1/inquiries/${inquiry.id}/follow-ups`, {
      title: 'Call back about insurance',
      dueAt: due,
    });
    expect(followUp.statusCode).toBe(201);
    expect(followUp.json()).toMatchObject({
      kind: 'inquiry_follow_up',
      status: 'open',
      ownerUserId: coordinator.id,
      dueAt: due,
      subject: { type: 'inquiry', id: inquiry.id },
    });

    const queue = await intake.get(`/api/v1/inquiries/${inquiry.id}/follow-ups`);
    expect(queue.json().items).toEqual([expect.objectContaining({ id: followUp.json().id, status: 'open' })]);
    const noDate = await intake.post(`/api/v1/inquiries/${inquiry.id}/follow-ups`, { title: 'Call back' });
    expect(noDate.statusCode).toBe(400);

    const noReason = await transition(inquiry.id, { to: 'closed' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    const noWords = await transition(inquiry.id, { to: 'closed', reason: 'other' });
    expect(noWords.statusCode).toBe(422);
    expect(noWords.json().errors[0].field).toBe('reasonText');

    const closed = await transition(inquiry.id, { to: 'closed', reason: 'chose_another_program' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ stage: 'closed', closedReason: 'chose_another_program' });
    const tasks = await database.db
      .selectFrom('task')
      .select(['kind', 'status'])
      .where('subject_id', 'in', [inquiry.id, inquiry.coverages[0].id])
      .orderBy('kind')
      .execute();
    expect(tasks).toEqual([
      { kind: 'benefit_verification', status: 'cancelled' },
      { kind: 'inquiry_follow_up', status: 'cancelled' },
    ]);
    const screening = await intake.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening());
    expect(screening.statusCode).toBe(409);

    const reopened = await transition(inquiry.id, { to: 'new' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ stage: 'new', closedReason: null });
  });
});

describe('the phone screening', () => {
  it('answers a positive safety screen with 988 and opens an urgent task for the clinicians', async () => {
    const inquiry = await newInquiry();
    const response = await intake.post(
      `/api/v1/inquiries/${inquiry.id}/screenings`,
      aScreening({ safety: { suicidalThoughtsPastMonth: true, suicidePlanOrIntent: true } as never }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.crisis.show988).toBe(true);
    expect(body.crisis.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phone: '988', text: '988' }),
        expect.objectContaining({ url: 'https://988lifeline.org' }),
        expect.objectContaining({ phone: '911' }),
      ]),
    );
    expect(body.screening.outcome).toMatchObject({ urgent: true, suggestedLevel: 'emergency' });
    expect(body.screening.outcome.reasons.map((r: { code: string }) => r.code)).toEqual([
      'suicidal_thoughts',
      'suicide_plan_or_intent',
    ]);
    const task = await database.db
      .selectFrom('task')
      .selectAll()
      .where('id', '=', body.screening.urgentTaskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      kind: 'urgent_screening',
      priority: 'urgent',
      status: 'open',
      owner_role: 'clinician',
      subject_type: 'inquiry',
      subject_id: inquiry.id,
    });
    expect(task.due_at).toEqual(clock.now());
    expect(task.title).not.toContain(inquiry.lastName);
    const read = await intake.get(`/api/v1/inquiries/${inquiry.id}`);
    expect(read.json()).toMatchObject({
      urgent: true,
      latestScreening: { urgent: true, suggestedLevel: 'emergency' },
    });
  });

  it('answers a calm screen without crisis resources and opens no task', async () => {
    const inquiry = await newInquiry();
    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ crisis: null, screening: { urgentTaskId: null } });
    const tasks = await database.db
      .selectFrom('task')
      .select('id')
      .where('subject_id', '=', inquiry.id)
      .execute();
    expect(tasks).toEqual([]);
    const list = await intake.get(`/api/v1/inquiries/${inquiry.id}/screenings`);
    expect(list.json().items[0]).toMatchObject({
      answers: { presentingConcern: expect.stringMatching(/Anxiety/), substances: [] },
      screenedBy: { id: coordinator.id, name: 'Ivy Coordinator' },
    });
  });

  it('asks all four safety questions and the substance details', async () => {
    const inquiry = await newInquiry();
    const url = `/api/v1/inquiries/${inquiry.id}/screenings`;
    const partial = await intake.post(url, {
      presentingConcern: 'Drinking more',
      substanceUse: false,
      safety: { suicidalThoughtsPastMonth: false },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'safety.suicidePlanOrIntent',
      'safety.recentSuicideAttempt',
      'safety.thoughtsOfHarmingOthers',
    ]);
    const vague = await intake.post(
      url,
      aScreening({ presentingConcern: 'Drinking more', substanceUse: true }),
    );
    expect(vague.statusCode).toBe(400);
    expect(vague.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'substances',
      'lastUse',
      'withdrawalRisk',
    ]);
    const saved = await database.db
      .selectFrom('inquiry_screening')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(saved).toEqual([]);
  });

  it('writes the screening and its urgent task in one transaction: both or neither', async () => {
    const inquiry = await newInquiry();
    // A real fault in the database after the task is queued: the screening's audit insert fails.
    await sql`
      create or replace function fail_screening_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'inquiry.screening.create' then raise exception 'injected audit failure'; end if;
        return new;
      end $$;
      create trigger fail_screening_audit before insert on audit_event
        for each row execute function fail_screening_audit();
    `.execute(database.db);
    try {
      const response = await intake.post(
        `/api/v1/inquiries/${inquiry.id}/screenings`,
        aScreening({ safety: { recentSuicideAttempt: true } as never }),
      );
      expect(response.statusCode).toBe(500);
      const tasks = await database.db
        .selectFrom('task')
        .select('id')
        .where('subject_id', '=', inquiry.id)
        .execute();
      expect(tasks).toEqual([]);
      const screenings = await database.db
        .selectFrom('inquiry_screening')
        .select('id')
        .where('inquiry_id', '=', inquiry.id)
        .execute();
      expect(screenings).toEqual([]);
    } finally {
      await sql`drop trigger fail_screening_audit on audit_event`.execute(database.db);
    }
    const retried = await intake.post(
      `/api/v1/inquiries/${inquiry.id}/screenings`,
      aScreening({ safety: { recentSuicideAttempt: true } as never }),
    );
    expect(retried.statusCode).toBe(201);
    expect(retried.json().screening.urgentTaskId).toEqual(expect.any(String));
  });
});

describe('the board and the list', () => {
  it('counts every stage and shows the newest cards first, per stage', async () => {
    const board = await createTestOrganization(database.db, { now: clock.now() });
    const boss = await aUser(database.db, board.ctx, ['director']);
    const agent = await signedIn(app, boss);
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(1);
      made.push((await newInquiry({}, agent)).id);
    }
    await transition(made[0] as string, { to: 'contacted' }, agent);
    const response = await agent.get('/api/v1/inquiries/board?perStage=2');
    expect(response.statusCode).toBe(200);
    const stages = response.json().stages;
    expect(stages.map((s: { stage: string }) => s.stage)).toEqual([
      'new',
      'contacted',
      'screened',
      'benefits_checked',
      'assessment_booked',
      'admitted',
      'closed',
    ]);
    expect(stages[0].count).toBe(3);
    expect(stages[0].cards.map((c: { id: string }) => c.id)).toEqual([made[3], made[2]]);
    expect(stages[1]).toMatchObject({
      stage: 'contacted',
      count: 1,
      cards: [{ id: made[0], stage: 'contacted' }],
    });
    expect(stages[2]).toEqual({ stage: 'screened', count: 0, cards: [] });
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('actor_user_id', '=', boss.id)
      .where('action', '=', 'inquiry.board')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ count: 3, inquiryIds: [made[3], made[2], made[0]] });
  });

  it('filters, searches by name, phone or reference, and pages with a cursor', async () => {
    const tenant = await createTestOrganization(database.db, { now: clock.now() });
    const boss = await aUser(database.db, tenant.ctx, ['intake']);
    const agent = await signedIn(app, boss);
    const a = await newInquiry({ firstName: 'Wren', lastName: 'Searchable', phone: '217-555-0161' }, agent);
    clock.advanceMinutes(1);
    const b = await newInquiry({ helpWanted: 'substance_use', phone: '217-555-0162' }, agent);
    clock.advanceMinutes(1);
    const c = await newInquiry({ helpWanted: 'substance_use', phone: '217-555-0163' }, agent);

    const ids = async (query: string) =>
      (await agent.get(`/api/v1/inquiries${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?helpWanted=substance_use')).toEqual([c.id, b.id]);
    expect(await ids('?q=wren%20search')).toEqual([a.id]);
    expect(await ids('?q=(217)%20555-0162')).toEqual([b.id]);
    expect(await ids(`?q=${c.reference.toLowerCase()}`)).toEqual([c.id]);
    expect(await ids('?stage=closed')).toEqual([]);

    const first = (await agent.get('/api/v1/inquiries?limit=2')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    const second = (await agent.get(`/api/v1/inquiries?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    expect((await agent.get('/api/v1/inquiries?cursor=garbage')).statusCode).toBe(422);

    const searches = await database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('actor_user_id', '=', boss.id)
      .where('action', '=', 'inquiry.search')
      .execute();
    expect(searches.length).toBe(3);
    expect(JSON.stringify(searches)).not.toMatch(/wren|0162/i);
    expect(searches[0]?.details).toMatchObject({ count: 1, inquiryIds: [a.id] });
  });

  it(
    'stays exact at ten thousand inquiries',
    async () => {
      const big = await createTestOrganization(database.db, { now: clock.now() });
      const boss = await aUser(database.db, big.ctx, ['director']);
      const agent = await signedIn(app, boss);
      await sql`
      insert into inquiry (id, organization_id, reference, source, stage, first_name, last_name, phone,
                           help_wanted, stage_changed_at, closed_reason, updated_at)
      select gen_random_uuid(), ${big.organizationId}, 'GS-BULK-' || g, 'phone',
             (array['new','contacted','screened','benefits_checked','closed'])[1 + g % 5],
             'Bulk', 'Person ' || g, '2175550100', 'unsure', now(),
             case when g % 5 = 4 then 'no_response' end,
             timestamptz '2026-01-01' + g * interval '1 minute'
      from generate_series(0, 9999) g
    `.execute(database.db);
      await sql`analyze inquiry`.execute(database.db);
      const response = await agent.get('/api/v1/inquiries/board?perStage=5');
      expect(response.statusCode).toBe(200);
      const stages = response.json().stages as {
        stage: string;
        count: number;
        cards: { lastName: string }[];
      }[];
      expect(stages.map((s) => [s.stage, s.count, s.cards.length])).toEqual([
        ['new', 2000, 5],
        ['contacted', 2000, 5],
        ['screened', 2000, 5],
        ['benefits_checked', 2000, 5],
        ['assessment_booked', 0, 0],
        ['admitted', 0, 0],
        ['closed', 2000, 5],
      ]);
      expect(stages[0]?.cards.map((c) => c.lastName)).toEqual([
        'Person 9995',
        'Person 9990',
        'Person 9985',
        'Person 9980',
        'Person 9975',
      ]);
    },
    HOOK_TIMEOUT,
  );
});
