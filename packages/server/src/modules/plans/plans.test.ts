import type { api } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { TEST_PASSWORD } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { anEpisode, aPatient, aTrack } from '../../test/patient-fixtures.js';
import { aSchedulingWorld, type SchedulingWorld } from '../../test/scheduling-fixtures.js';
import { auditEventsOf } from '../../test/shared-fixtures.js';

let database: Database;
let app: FastifyInstance;
let world: SchedulingWorld;
let lee: Agent;
let patel: Agent;
let director: Agent;
let templates: api.PlanTemplate[];
// Monday 2 March 2026, 09:00 in Chicago.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));
/** Moves the clock by whole days; sessions time out meanwhile, so everyone signs in again. */
async function days(n: number) {
  clock.advanceMinutes(n * 24 * 60);
  [lee, patel, director] = [
    await signedIn(app, world.lee),
    await signedIn(app, world.patel),
    await signedIn(app, world.director),
  ];
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  director = world.agent;
  lee = await signedIn(app, world.lee);
  patel = await signedIn(app, world.patel);
  const listed = await lee.get('/api/v1/plan-templates');
  expect(listed.statusCode).toBe(200);
  templates = listed.json().items;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A patient admitted today under Dr Lee, in a track of their own (tracks have a capacity). */
async function anAdmittedPatient() {
  const track = await aTrack(database.db, world.ctx, world.org.locationId);
  const patient = await aPatient(database.db, world.ctx);
  const episode = await anEpisode(database.db, world.ctx, {
    patientId: patient.id,
    trackId: track.id,
    primaryClinicianId: world.lee.id,
  });
  return { patient, episode };
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const templateId = (key: string) => {
  const found = templates.find((t) => t.starterKey === key);
  if (!found) throw new Error(`no starter ${key}`);
  return found.id;
};

async function started(keys: string[] = ['depression']) {
  const { patient, episode } = await anAdmittedPatient();
  const response = await lee.post(`/api/v1/episodes/${episode.id}/plan`, {
    templateIds: keys.map(templateId),
  });
  expect(response.statusCode).toBe(201);
  return { patient, episode, plan: response.json() as api.TreatmentPlan };
}

/** The plan's content with every intervention that has no one responsible given to Dr Patel. */
function completed(plan: api.TreatmentPlan): api.PlanContent {
  const content = structuredClone(plan.current.content);
  for (const problem of content.problems) {
    for (const intervention of problem.interventions) {
      intervention.responsibleUserId ??= world.patel.id;
    }
  }
  return content;
}

async function save(agent: Agent, plan: api.TreatmentPlan, content: api.PlanContent) {
  return agent.put(`/api/v1/plans/${plan.id}/draft`, { content }, ifMatch(plan.version));
}

const clinicianSigns = (plan: api.TreatmentPlan, agent = lee) =>
  agent.post(
    `/api/v1/plans/${plan.id}/sign`,
    { typedName: 'Dr Lee', password: TEST_PASSWORD },
    ifMatch(plan.version),
  );
const participantSigns = (plan: api.TreatmentPlan) =>
  lee.post(
    `/api/v1/plans/${plan.id}/participant-signature`,
    { typedName: 'Avery Sample' },
    ifMatch(plan.version),
  );

/** Completes, signs as clinician and participant: the version in effect. */
async function signedPlan(keys: string[] = ['depression']) {
  const start = await started(keys);
  const saved = await save(lee, start.plan, completed(start.plan));
  expect(saved.statusCode).toBe(200);
  const byClinician = await clinicianSigns(saved.json());
  expect(byClinician.statusCode).toBe(200);
  const byParticipant = await participantSigns(byClinician.json());
  expect(byParticipant.statusCode).toBe(200);
  return { ...start, plan: byParticipant.json() as api.TreatmentPlan };
}

describe('the template library', () => {
  it('is seeded with the eight starter templates, once', async () => {
    expect(templates.map((t) => t.starterKey).sort()).toEqual(
      [
        'alcohol-use',
        'anxiety',
        'bipolar',
        'co-occurring',
        'depression',
        'opioid-use',
        'ptsd',
        'stimulant-use',
      ].sort(),
    );
    const again = await director.get('/api/v1/plan-templates');
    expect(again.json().items).toHaveLength(8);
  });

  it('lets a director copy and edit a template, and archive one; a clinician may not', async () => {
    const refused = await lee.post('/api/v1/plan-templates', {
      copyOf: templateId('anxiety'),
      title: 'Mine',
    });
    expect(refused.statusCode).toBe(403);
    const copy = await director.post('/api/v1/plan-templates', {
      copyOf: templateId('anxiety'),
      title: 'Anxiety (evening track)',
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ starterKey: null, title: 'Anxiety (evening track)', version: 1 });
    const content = copy.json().content;
    content.problems[0].goals[0].text = 'I want to go to the grocery store without panicking.';
    const edited = await director.put(`/api/v1/plan-templates/${copy.json().id}`, { content }, ifMatch(1));
    expect(edited.statusCode).toBe(200);
    const stale = await director.put(
      `/api/v1/plan-templates/${copy.json().id}`,
      { active: false },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(409);
    const archived = await director.put(
      `/api/v1/plan-templates/${copy.json().id}`,
      { active: false },
      ifMatch(2),
    );
    expect(archived.json().active).toBe(false);
    const listed = (await lee.get('/api/v1/plan-templates')).json().items as api.PlanTemplate[];
    expect(listed.some((t) => t.id === copy.json().id)).toBe(false);

    const { episode } = await anAdmittedPatient();
    const fromArchived = await lee.post(`/api/v1/episodes/${episode.id}/plan`, {
      templateIds: [copy.json().id],
    });
    expect(fromArchived.statusCode).toBe(422);
    expect(fromArchived.json().errors[0].field).toBe('templateIds.0');
  });
});

describe('a plan from the library, signed, reviewed and compared', () => {
  it('starts with nothing, then a draft filled from templates linked to the episode', async () => {
    const { patient, episode } = await anAdmittedPatient();
    const none = await lee.get(`/api/v1/episodes/${episode.id}/plan`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({
      plan: null,
      due: { kind: 'initial_signature', dueDate: '2026-03-09', state: 'on_track', daysLeft: 7 },
    });
    const created = await lee.post(`/api/v1/episodes/${episode.id}/plan`, {
      templateIds: [templateId('depression'), templateId('alcohol-use')],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const plan = created.json() as api.TreatmentPlan;
    expect(plan).toMatchObject({ patientId: patient.id, episodeId: episode.id, status: 'draft', version: 1 });
    expect(plan.current.number).toBe(1);
    // The episode has F33.1; alcohol use falls back to its ASAM dimension.
    expect(plan.current.content.problems.map((p) => p.source)).toEqual([
      { kind: 'diagnosis', code: 'F33.1' },
      { kind: 'asam', dimension: 5 },
    ]);
    expect(plan.current.content.problems[0]?.goals[0]?.objectives[0]?.targetDate).toBe('2026-03-30');
    expect(plan.missing.map((m) => m.field)).toEqual([
      'problems.0.interventions.2.responsibleUserId',
      'problems.1.interventions.3.responsibleUserId',
    ]);
    const again = await lee.post(`/api/v1/episodes/${episode.id}/plan`, {});
    expect(again.statusCode).toBe(409);
  });

  it('is signed by clinician and participant, reviewed after 30 days into version 2, and the diff shows what changed', async () => {
    const { plan: draft, patient } = await started();
    const saved = await save(lee, draft, completed(draft));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, missing: [], status: 'draft' });

    const byClinician = await clinicianSigns(saved.json());
    expect(byClinician.statusCode).toBe(200);
    expect(byClinician.json()).toMatchObject({
      status: 'awaiting_signatures',
      current: { signatures: { missing: ['participant'], cosignatureRequired: false } },
    });
    const byParticipant = await participantSigns(byClinician.json());
    expect(byParticipant.statusCode).toBe(200);
    const signed = byParticipant.json() as api.TreatmentPlan;
    expect(signed).toMatchObject({ status: 'signed', effectiveVersionNumber: 1 });
    expect(signed.current.signatures.participant).toMatchObject({
      signerRole: 'patient',
      method: 'in_person',
    });
    expect(signed.current.signatures.participant?.contentHash).toBe(
      signed.current.signatures.clinician?.contentHash,
    );
    expect(signed.due).toMatchObject({ kind: 'review', dueDate: '2026-04-01' });

    // 29 days later the review is due soon: on the clinician's list and in the work queue.
    await days(29);
    const due = await lee.get('/api/v1/plans/due');
    expect(due.statusCode).toBe(200);
    const mine = (due.json() as api.DuePlanList).items.find((i) => i.planId === signed.id);
    expect(mine).toMatchObject({ kind: 'review', state: 'due_soon', daysLeft: 1, planStatus: 'signed' });
    const tasks = await database.db
      .selectFrom('task')
      .select(['kind', 'owner_user_id', 'status'])
      .where('organization_id', '=', world.org.organizationId)
      .where('subject_id', '=', signed.episodeId)
      .execute();
    expect(tasks).toEqual([{ kind: 'plan_review_due', owner_user_id: world.lee.id, status: 'open' }]);

    const objectives = signed.current.content.problems[0]!.goals.flatMap((g) => g.objectives);
    const reviewed = await lee.post(
      `/api/v1/plans/${signed.id}/reviews`,
      {
        summary: 'Attending groups; mood improving.',
        participantComment: 'I am sleeping better.',
        progress: objectives.map((o, i) => ({
          objectiveId: o.id,
          status: i === 0 ? 'met' : 'in_progress',
          note: i === 0 ? 'Four activities a week for three weeks.' : '',
        })),
      },
      ifMatch(signed.version),
    );
    expect(reviewed.statusCode).toBe(201);
    const { review, plan: v2 } = reviewed.json() as { review: api.PlanReview; plan: api.TreatmentPlan };
    expect(review).toMatchObject({
      reviewedVersionNumber: 1,
      resultingVersionNumber: 2,
      reviewedOn: '2026-03-31',
    });
    expect(review.progress[0]).toMatchObject({ previousStatus: 'not_started', status: 'met' });
    expect(v2).toMatchObject({ status: 'draft', effectiveVersionNumber: 1 });
    expect(v2.current).toMatchObject({ number: 2, basedOnNumber: 1, reviewId: review.id });

    // The team revises the next version: a new objective, a later target date.
    const content = structuredClone(v2.current.content);
    const goal = content.problems[0]!.goals[0]!;
    goal.objectives[1]!.targetDate = '2026-05-15';
    goal.objectives.push({
      text: 'Call one friend each week.',
      measure: 'Self-report in individual session',
      targetDate: '2026-04-30',
      status: 'not_started',
    } as api.PlanObjective);
    const revised = await save(lee, v2, content);
    expect(revised.statusCode).toBe(200);
    const v2signed = await participantSigns((await clinicianSigns(revised.json())).json());
    expect(v2signed.json()).toMatchObject({
      status: 'signed',
      effectiveVersionNumber: 2,
      due: { dueDate: '2026-04-30' },
    });
    const openTasks = await database.db
      .selectFrom('task')
      .select('status')
      .where('subject_id', '=', signed.episodeId)
      .execute();
    expect(openTasks).toEqual([{ status: 'done' }]);

    const diff = await lee.get(`/api/v1/plans/${signed.id}/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    const changes = (diff.json() as api.PlanDiff).changes;
    expect(changes.filter((c) => c.change === 'added').map((c) => c.label)).toEqual([
      'Call one friend each week.',
    ]);
    expect(changes.find((c) => c.id === objectives[1]!.id)?.fields).toEqual([
      { field: 'targetDate', before: objectives[1]!.targetDate, after: '2026-05-15' },
      { field: 'status', before: 'not_started', after: 'in_progress' },
    ]);
    expect(diff.json().counts).toEqual({ added: 1, removed: 0, changed: 4 });

    const versions = await lee.get(`/api/v1/plans/${signed.id}/versions`);
    expect(versions.json().items.map((v: api.PlanVersionSummary) => [v.number, v.status])).toEqual([
      [1, 'signed'],
      [2, 'signed'],
    ]);
    const first = await lee.get(`/api/v1/plans/${signed.id}/versions/1`);
    expect(first.json().content.problems[0].goals[0].objectives).toHaveLength(
      signed.current.content.problems[0]!.goals[0]!.objectives.length,
    );
    const reviews = await lee.get(`/api/v1/plans/${signed.id}/reviews`);
    expect(reviews.json().items).toHaveLength(1);

    const printed = await lee.get(`/api/v1/plans/${signed.id}/print`);
    expect(printed.statusCode).toBe(200);
    expect(printed.json()).toMatchObject({
      patient: { name: patient.displayName },
      versionNumber: 2,
      status: 'signed',
      nextReviewDate: '2026-04-30',
    });
    expect(printed.json().document.problems[0].sourceLabel).toContain('(F33.1)');
    expect(printed.json().document.problems[0].interventions[0]).toMatchObject({
      modalityLabel: 'Group CBT',
      frequencyLabel: '3 times a week',
      responsibleName: 'Dr Lee',
    });
    expect(printed.json().signatures.map((s: { slot: string }) => s.slot)).toEqual([
      'clinician',
      'participant',
    ]);

    const actions = (
      await auditEventsOf(database.db, world.org.organizationId, { resourceId: signed.id })
    ).map((e) => e.action);
    for (const action of [
      'plan.create',
      'plan.update',
      'plan.sign',
      'plan.review',
      'plan.diff',
      'plan.print',
    ]) {
      expect(actions).toContain(action);
    }
    await days(-29);
  });

  it('keeps a signed version frozen: a change starts a new draft version', async () => {
    const { plan } = await signedPlan();
    const content = structuredClone(plan.current.content);
    content.problems[0]!.statement = 'Depressed mood, improving.';
    const changed = await save(lee, plan, content);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      status: 'draft',
      effectiveVersionNumber: 1,
      current: { number: 2 },
    });
    const v1 = await lee.get(`/api/v1/plans/${plan.id}/versions/1`);
    expect(v1.json().content.problems[0].statement).toBe(plan.current.content.problems[0]!.statement);
    await expect(
      database.db
        .updateTable('treatment_plan_version')
        .set({ content: JSON.stringify({ problems: [] }) })
        .where('plan_id', '=', plan.id)
        .where('number', '=', 1)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });

  it('voids a version awaiting signatures when it changes after someone signed', async () => {
    const start = await started();
    const awaiting = (
      await clinicianSigns((await save(lee, start.plan, completed(start.plan))).json())
    ).json();
    const content = structuredClone(awaiting.current.content) as api.PlanContent;
    content.problems[0]!.goals[0]!.text = 'I want my energy back.';
    const changed = await save(lee, awaiting, content);
    expect(changed.json()).toMatchObject({ status: 'draft', current: { number: 2, basedOnNumber: null } });
    expect(changed.json().versions.map((v: api.PlanVersionSummary) => v.status)).toEqual(['voided', 'draft']);
  });
});

describe('bad input: clear errors, nothing lost', () => {
  it('refuses to sign an objective without a target date or a measure, and keeps the draft', async () => {
    const { plan } = await started();
    const content = completed(plan);
    const objective = content.problems[0]!.goals[0]!.objectives[0]!;
    objective.targetDate = null;
    objective.measure = '';
    const saved = await save(lee, plan, content);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().missing.map((m: { field: string }) => m.field)).toEqual([
      'problems.0.goals.0.objectives.0.measure',
      'problems.0.goals.0.objectives.0.targetDate',
    ]);
    const refused = await clinicianSigns(saved.json());
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('2 items are missing');
    expect(refused.json().errors).toEqual([
      {
        field: 'problems.0.goals.0.objectives.0.measure',
        message: 'Say how progress on this objective is measured.',
      },
      { field: 'problems.0.goals.0.objectives.0.targetDate', message: 'Give the objective a target date.' },
    ]);
    const after = (await lee.get(`/api/v1/plans/${plan.id}`)).json();
    expect(after).toMatchObject({ status: 'draft', version: saved.json().version });
    expect(after.current.content).toEqual(saved.json().current.content);
    expect(after.current.signatures.clinician).toBeNull();
  });

  it('refuses to sign or send a plan with no problems', async () => {
    const { episode } = await anAdmittedPatient();
    const empty = (await lee.post(`/api/v1/episodes/${episode.id}/plan`, {})).json();
    expect(empty.current.content.problems).toEqual([]);
    for (const path of ['sign', 'submit']) {
      const body = path === 'sign' ? { typedName: 'Dr Lee', password: TEST_PASSWORD } : {};
      const refused = await lee.post(`/api/v1/plans/${empty.id}/${path}`, body, ifMatch(empty.version));
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([
        { field: 'problems', message: 'A plan needs at least one problem before it can be signed.' },
      ]);
    }
  });

  it('refuses a review of a plan that is not signed', async () => {
    const { plan } = await started();
    const refused = await lee.post(
      `/api/v1/plans/${plan.id}/reviews`,
      { progress: [] },
      ifMatch(plan.version),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('has not been signed yet');
    const reviewList = await database.db
      .selectFrom('plan_review')
      .select('id')
      .where('plan_id', '=', plan.id)
      .execute();
    expect(reviewList).toEqual([]);
  });

  it('refuses a review that leaves an open objective out', async () => {
    const { plan } = await signedPlan();
    const refused = await lee.post(
      `/api/v1/plans/${plan.id}/reviews`,
      { progress: [] },
      ifMatch(plan.version),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('progress');
  });

  it('refuses a co-signature by someone who is not a supervisor; a director co-signs when required', async () => {
    const settings = await director.put(
      '/api/v1/plan-settings',
      { signDeadlineDays: 7, reviewCadenceDays: 30, cosignatureRequired: true },
      ifMatch(0),
    );
    expect(settings.statusCode).toBe(200);
    try {
      const { plan } = await signedPlan();
      expect(plan).toMatchObject({
        status: 'awaiting_signatures',
        current: { signatures: { cosignatureRequired: true, missing: ['supervisor'] } },
      });
      const cosign = (agent: Agent, version: number) =>
        agent.post(
          `/api/v1/plans/${plan.id}/cosign`,
          { typedName: 'Someone', password: TEST_PASSWORD },
          ifMatch(version),
        );
      const byPeer = await cosign(patel, plan.version);
      expect(byPeer.statusCode).toBe(403);
      expect(byPeer.json().detail).toContain('Only a supervisor (a program director) can co-sign');
      const denied = await auditEventsOf(database.db, world.org.organizationId, { action: 'plan.cosign' });
      expect(denied.at(-1)).toMatchObject({
        outcome: 'denied',
        actor_user_id: world.patel.id,
        resource_id: plan.id,
      });

      const bySupervisor = await cosign(director, plan.version);
      expect(bySupervisor.statusCode).toBe(200);
      expect(bySupervisor.json()).toMatchObject({ status: 'signed', effectiveVersionNumber: 1 });
      expect(bySupervisor.json().current.signatures.supervisor).toMatchObject({
        signerRole: 'cosigner',
        signerUserId: world.director.id,
        cosignsSignatureId: plan.current.signatures.clinician?.id,
      });
    } finally {
      await director.put(
        '/api/v1/plan-settings',
        { signDeadlineDays: 7, reviewCadenceDays: 30, cosignatureRequired: false },
        ifMatch(1),
      );
    }
  });

  it('answers the second of two editors 409 with what the first changed, and keeps the first’s work', async () => {
    const { plan } = await started();
    const mine = completed(plan);
    mine.problems[0]!.statement = 'Low mood and withdrawal since the layoff.';
    const first = await save(lee, plan, mine);
    expect(first.statusCode).toBe(200);

    const theirs = completed(plan);
    theirs.problems[0]!.goals[0]!.text = 'I want to enjoy weekends with my kids.';
    const second = await save(patel, plan, theirs);
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem.detail).toContain('Someone else changed this plan');
    expect(problem.current.version).toBe(first.json().version);
    expect(problem.changedBy).toBe(world.lee.id);
    expect(problem.changes).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        entity: 'problem',
        fields: [
          {
            field: 'statement',
            before: plan.current.content.problems[0]!.statement,
            after: 'Low mood and withdrawal since the layoff.',
          },
        ],
      }),
    );
    const now = (await lee.get(`/api/v1/plans/${plan.id}`)).json();
    expect(now.current.content.problems[0].statement).toBe('Low mood and withdrawal since the layoff.');
    expect(now.current.content.problems[0].goals[0].text).toBe(
      plan.current.content.problems[0]!.goals[0]!.text,
    );

    expect((await lee.put(`/api/v1/plans/${plan.id}/draft`, { content: mine })).statusCode).toBe(428);
  });

  it('refuses a responsible person who is not on staff, and ids that are not the plan’s', async () => {
    const { plan } = await started();
    const content = completed(plan);
    content.problems[0]!.interventions[0]!.responsibleUserId = world.org.organizationId;
    const wrongStaff = await save(lee, plan, content);
    expect(wrongStaff.statusCode).toBe(422);
    expect(wrongStaff.json().errors[0].field).toBe('content.problems.0.interventions.0.responsibleUserId');
    const foreign = completed(plan);
    foreign.problems[0]!.goals[0]!.id = world.org.organizationId;
    const wrongId = await save(lee, plan, foreign);
    expect(wrongId.statusCode).toBe(422);
    expect(wrongId.json().errors[0].field).toBe('content.problems.0.goals.0.id');
  });
});

describe('deadlines and settings', () => {
  it('lists due and overdue plans for the clinician’s caseload and, for a director, everyone’s; discharge cancels them', async () => {
    const { episode } = await anAdmittedPatient();
    await days(8);
    try {
      const mine = (await lee.get('/api/v1/plans/due?state=overdue')).json() as api.DuePlanList;
      const item = mine.items.find((i) => i.episodeId === episode.id);
      expect(item).toMatchObject({
        kind: 'initial_signature',
        state: 'overdue',
        daysLeft: -1,
        planId: null,
        planStatus: 'none',
      });
      expect(item?.patientName.length).toBeGreaterThan(0);
      expect(
        (await patel.get('/api/v1/plans/due'))
          .json()
          .items.some((i: api.DuePlanList['items'][number]) => i.episodeId === episode.id),
      ).toBe(false);
      expect((await patel.get('/api/v1/plans/due?scope=all')).statusCode).toBe(403);
      const all = (await director.get('/api/v1/plans/due?scope=all&limit=200')).json() as api.DuePlanList;
      expect(all.items.some((i) => i.episodeId === episode.id)).toBe(true);
      const tasks = () =>
        database.db
          .selectFrom('task')
          .select(['kind', 'status'])
          .where('subject_id', '=', episode.id)
          .execute();
      expect(await tasks()).toEqual([{ kind: 'plan_due', status: 'open' }]);

      // Discharged: nothing is due any more, and the queued task is cancelled.
      const discharged = await lee.post(`/api/v1/episodes/${episode.id}/transition`, {
        to: 'discharged',
        dischargeReason: 'completed',
      });
      expect(discharged.statusCode).toBe(200);
      expect(await tasks()).toEqual([{ kind: 'plan_due', status: 'cancelled' }]);
      const after = (await lee.get('/api/v1/plans/due?state=all&limit=200')).json() as api.DuePlanList;
      expect(after.items.some((i) => i.episodeId === episode.id)).toBe(false);
    } finally {
      await days(-8);
    }
  });

  it('has defaults a director may change; a clinician may not', async () => {
    const defaults = await lee.get('/api/v1/plan-settings');
    expect(defaults.json()).toMatchObject({ signDeadlineDays: 7, reviewCadenceDays: 30 });
    const refused = await lee.put(
      '/api/v1/plan-settings',
      { signDeadlineDays: 14, reviewCadenceDays: 30, cosignatureRequired: false },
      ifMatch(defaults.json().version),
    );
    expect(refused.statusCode).toBe(403);
    const tooLong = await director.put(
      '/api/v1/plan-settings',
      { signDeadlineDays: 90, reviewCadenceDays: 30, cosignatureRequired: false },
      ifMatch(defaults.json().version),
    );
    expect(tooLong.statusCode).toBe(400);
  });
});
