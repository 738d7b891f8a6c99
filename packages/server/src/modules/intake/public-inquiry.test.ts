import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { buildTestApp } from '../../test/http.js';
import { aPublicForm, postPublicForm } from '../../test/intake-fixtures.js';
import { aPatient } from '../../test/patient-fixtures.js';
import { createLocation } from '../organizations/index.js';

/** Users are created with argon2 hashes: generous on a busy machine. */
const HOOK_TIMEOUT = 180_000;

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  await createLocation(database.db, org.ctx, {
    name: 'Front door',
    timeZone: 'America/Chicago',
    phone: '(217) 555-0100',
  });
  await app.ready();
}, HOOK_TIMEOUT);
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Rows of the tables the public form may write, for "nothing stored" checks. */
async function footprint() {
  const count = async (table: 'inquiry' | 'coverage' | 'task' | 'audit_event') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    inquiries: await count('inquiry'),
    coverages: await count('coverage'),
    tasks: await count('task'),
    audit: await count('audit_event'),
  };
}

async function inquiryByReference(reference: string) {
  return database.db
    .selectFrom('inquiry')
    .selectAll()
    .where('organization_id', '=', org.organizationId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

describe('GET /api/v1/public/get-started', () => {
  it('offers the form options, the program’s name and phone, without a session', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/public/get-started?org=${org.organizationId}`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.organization).toEqual({
      id: org.organizationId,
      name: expect.stringMatching(/^Test Program/),
      phone: '217-555-0100',
    });
    expect(body.helpWanted.map((o: { value: string }) => o.value)).toEqual([
      'mental_health',
      'substance_use',
      'both',
      'unsure',
    ]);
    expect(body.schedules.map((o: { value: string }) => o.value)).toEqual(['morning', 'evening', 'virtual']);
    expect(body.consentText).toMatch(/may contact me/);
    expect(body.crisis.resources[0]).toMatchObject({ phone: '988', text: '988' });
  });

  it('needs ?org when the installation serves several organizations, and never lists them', async () => {
    await createTestOrganization(database.db, { now: clock.now() });
    const response = await app.inject({ method: 'GET', url: '/api/v1/public/get-started' });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toMatch(/could not tell which program/);
    expect(response.body).not.toMatch(/Test Program/);
    for (const org of ['not-a-uuid', '0190d6a0-0000-7000-8000-00000000dead']) {
      const unknown = await app.inject({ method: 'GET', url: `/api/v1/public/get-started?org=${org}` });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().detail).toBe(response.json().detail);
    }
  });

  it(
    'uses the only organization of a single-organization installation',
    async () => {
      const single = await openTestDatabase();
      const singleApp = await buildTestApp(single, clock);
      try {
        const only = await createTestOrganization(single.db, { now: clock.now() });
        const page = await singleApp.inject({ method: 'GET', url: '/api/v1/public/get-started' });
        expect(page.statusCode).toBe(200);
        expect(page.json().organization.id).toBe(only.organizationId);
        const sent = await postPublicForm(singleApp, null, aPublicForm());
        expect(sent.statusCode).toBe(202);
        const stored = await single.db.selectFrom('inquiry').select(['organization_id']).execute();
        expect(stored).toEqual([{ organization_id: only.organizationId }]);
      } finally {
        await singleApp.close();
        await single.close();
      }
    },
    HOOK_TIMEOUT,
  );
});

describe('POST /api/v1/public/inquiries', () => {
  it('creates an inquiry at "new" from the web form and a verification request for the intake team', async () => {
    const form = aPublicForm({
      phone: '(217) 555-0123',
      insurance: {
        payerName: 'Blue Example Health',
        memberId: 'XEH123456',
        subscriberName: 'Pat Example',
        subscriberDateOfBirth: '1970-03-04',
        relationship: 'spouse',
      },
    });
    const response = await postPublicForm(app, org.organizationId, form);
    expect(response.statusCode).toBe(202);
    const answer = response.json();
    expect(answer.reference).toMatch(/^GS-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(answer.nextSteps[0]).toMatch(/will contact you by text message within one business day/);
    expect(answer.nextSteps.join(' ')).toMatch(/check your insurance benefits/);
    expect(answer.nextSteps.at(-1)).toMatch(/call or text 988.*988lifeline\.org.*911/);

    const inquiry = await inquiryByReference(answer.reference);
    expect(inquiry).toMatchObject({
      source: 'web_form',
      stage: 'new',
      first_name: form.firstName,
      last_name: form.lastName,
      phone: '2175550123',
      email: form.email,
      preferred_contact_method: 'text',
      help_wanted: 'both',
      preferred_schedule: ['virtual'],
      created_by: null,
      patient_id: null,
    });
    expect(inquiry?.consent_to_contact_at).toEqual(clock.now());

    const coverage = await database.db
      .selectFrom('coverage')
      .selectAll()
      .where('inquiry_id', '=', inquiry?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(coverage).toMatchObject({
      payer_name: 'Blue Example Health',
      member_id: 'XEH123456',
      subscriber_name: 'Pat Example',
      relationship: 'spouse',
      status: 'pending_verification',
      patient_id: null,
    });
    const tasks = await database.db
      .selectFrom('task')
      .selectAll()
      .where('organization_id', '=', org.organizationId)
      .where('subject_id', '=', coverage.id)
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'benefit_verification',
      subject_type: 'coverage',
      status: 'open',
      owner_role: 'intake',
    });
    expect(tasks[0]?.title).not.toContain(String(form.lastName));

    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'actor_label', 'details', 'organization_id'])
      .where('resource_id', '=', inquiry?.id ?? '')
      .execute();
    expect(audit).toEqual([
      {
        action: 'inquiry.create',
        actor_user_id: null,
        actor_label: 'public web form',
        organization_id: org.organizationId,
        details: { source: 'web_form', insurance: true },
      },
    ]);
  });

  it('stores no coverage and queues no verification when no insurance is given', async () => {
    const response = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({ phone: undefined, preferredContactMethod: 'email' }),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json().nextSteps.join(' ')).toMatch(/have your card nearby/);
    const inquiry = await inquiryByReference(response.json().reference);
    expect(inquiry?.phone).toBeNull();
    const coverages = await database.db
      .selectFrom('coverage')
      .select('id')
      .where('inquiry_id', '=', inquiry?.id ?? '')
      .execute();
    expect(coverages).toEqual([]);
  });

  it('answers a filled honeypot exactly like success, and stores nothing', async () => {
    const before = await footprint();
    const bot = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({ website: 'https://spam.example', insurance: { payerName: 'Spam Health' } }),
    );
    const human = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({ insurance: { payerName: 'Real Health' } }),
    );
    expect(bot.statusCode).toBe(202);
    expect(bot.headers['content-type']).toBe(human.headers['content-type']);
    expect(Object.keys(bot.json())).toEqual(Object.keys(human.json()));
    expect(bot.json().reference).toMatch(/^GS-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(bot.json().nextSteps).toEqual(human.json().nextSteps);
    expect(await inquiryByReference(bot.json().reference)).toBeUndefined();

    // Even a bot's malformed form gets the success answer: it learns nothing from a 400.
    const sloppy = await postPublicForm(app, org.organizationId, { website: 'x', email: 'nope', shoe: 9 });
    expect(sloppy.statusCode).toBe(202);

    const after = await footprint();
    expect(after).toEqual({
      inquiries: before.inquiries + 1,
      coverages: before.coverages + 1,
      tasks: before.tasks + 1,
      // inquiry.create, coverage.create, task.create: the human's only.
      audit: before.audit + 3,
    });
  });

  it('gives the same answer whether or not the person is already a patient', async () => {
    const known = await aPatient(database.db, org.ctx, {
      legalFirstName: 'Jamie',
      legalLastName: 'Knownperson',
      dateOfBirth: '1980-01-02',
      phone: '217-555-0177',
      email: 'jamie.known@test.example',
    });
    const common = {
      preferredContactMethod: 'email',
      helpWanted: 'mental_health',
      preferredSchedule: ['morning'],
    };
    const asPatient = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({
        ...common,
        firstName: 'Jamie',
        lastName: 'Knownperson',
        phone: '217-555-0177',
        email: 'jamie.known@test.example',
        insurance: { payerName: 'Blue Example Health', subscriberDateOfBirth: '1980-01-02' },
      }),
    );
    const asStranger = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({
        ...common,
        firstName: 'Casey',
        lastName: 'Newperson',
        insurance: { payerName: 'Blue Example Health', subscriberDateOfBirth: '1981-05-06' },
      }),
    );
    expect(asPatient.statusCode).toBe(asStranger.statusCode);
    expect(asPatient.headers['content-type']).toBe(asStranger.headers['content-type']);
    expect(asPatient.json().nextSteps).toEqual(asStranger.json().nextSteps);
    expect(Object.keys(asPatient.json())).toEqual(['reference', 'nextSteps']);
    expect(JSON.stringify(asPatient.json())).not.toContain(known.mrn);
    const stored = await inquiryByReference(asPatient.json().reference);
    expect(stored?.patient_id).toBeNull();
  });

  it('refuses missing contact details and a malformed email or phone, naming the field, and writes nothing', async () => {
    const before = await footprint();
    const cases: [Record<string, unknown>, string[]][] = [
      [
        aPublicForm({ phone: undefined, email: undefined, preferredContactMethod: 'phone' }),
        ['phone', 'email'],
      ],
      [aPublicForm({ phone: '', email: '' }), ['phone', 'email']],
      [aPublicForm({ email: 'someone@' }), ['email']],
      [aPublicForm({ phone: '555-0123' }), ['phone']],
      [aPublicForm({ phone: '(217) 555-0123 ext 4' }), ['phone']],
      [aPublicForm({ consentToContact: false }), ['consentToContact']],
      [aPublicForm({ helpWanted: 'everything' }), ['helpWanted']],
    ];
    for (const [form, fields] of cases) {
      const response = await postPublicForm(app, org.organizationId, form);
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
      const named = response.json().errors.map((e: { field: string }) => e.field);
      expect(named).toEqual(expect.arrayContaining(fields));
    }
    expect(await footprint()).toEqual(before);
  });

  it('limits the size of every string and of the body', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [aPublicForm({ firstName: 'x'.repeat(61) }), 'firstName'],
      [aPublicForm({ lastName: 'x'.repeat(61) }), 'lastName'],
      [aPublicForm({ email: `${'x'.repeat(250)}@test.example` }), 'email'],
      [aPublicForm({ phone: '2'.repeat(31) }), 'phone'],
      [aPublicForm({ insurance: { payerName: 'x'.repeat(121) } }), 'insurance.payerName'],
      [aPublicForm({ insurance: { payerName: 'Aetna', memberId: 'x'.repeat(41) } }), 'insurance.memberId'],
      [
        aPublicForm({ insurance: { payerName: 'Aetna', subscriberName: 'x'.repeat(121) } }),
        'insurance.subscriberName',
      ],
      [aPublicForm({ preferredSchedule: ['morning', 'evening', 'virtual', 'morning'] }), 'preferredSchedule'],
    ];
    for (const [form, field] of cases) {
      const response = await postPublicForm(app, org.organizationId, form);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const huge = await postPublicForm(app, org.organizationId, aPublicForm({ notes: 'x'.repeat(2_000_000) }));
    expect(huge.statusCode).toBe(413);
    const extra = await postPublicForm(app, org.organizationId, aPublicForm({ ssn: '000-00-0000' }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().detail).toMatch(/ssn/);
  });

  it('refuses a subscriber born in the future with 422 on the field', async () => {
    const response = await postPublicForm(
      app,
      org.organizationId,
      aPublicForm({ insurance: { payerName: 'Aetna', subscriberDateOfBirth: '2030-01-01' } }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('insurance.subscriberDateOfBirth');
  });

  it('answers 404 for an unknown program and stores nothing', async () => {
    const before = await footprint();
    const response = await postPublicForm(app, '0190d6a0-0000-7000-8000-00000000dead', aPublicForm());
    expect(response.statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });
});

describe('the public form’s rate limit', () => {
  it('answers 429 after 5 sends a minute from one address, and still serves other addresses', async () => {
    // An app of its own: the limit counts per app instance, and this test spends it.
    const limited = await buildTestApp(database, clock);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await postPublicForm(limited, org.organizationId, aPublicForm(), '203.0.113.50');
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      const blocked = await postPublicForm(limited, org.organizationId, aPublicForm(), '203.0.113.50');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toMatch(/problem\+json/);
      expect(blocked.json().detail).toMatch(/Too many attempts/);
      const other = await postPublicForm(limited, org.organizationId, aPublicForm(), '203.0.113.51');
      expect(other.statusCode).toBe(202);
    } finally {
      await limited.close();
    }
  });

  it('takes its limit from the configuration (PUBLIC_FORM_RATE_LIMIT_PER_MINUTE)', async () => {
    const strict = await buildTestApp(database, clock, { publicFormRateLimitPerMinute: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await postPublicForm(strict, org.organizationId, aPublicForm(), '203.0.113.60')).statusCode,
        );
      }
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await strict.close();
    }
  });
});
