import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { buildTestApp, signedIn } from '../../test/http.js';
import { recordAuditEvent } from './record-audit-event.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
const clock = new TestClock(new Date('2026-11-30T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the audit log', () => {
  it('refuses updates and deletes, whoever asks', async () => {
    await expect(sql`update audit_event set action = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result.firstBreak).toBeNull();
    expect(result.eventsChecked).toBeGreaterThan(0);
  });

  it('names the first tampered event, and a removed one, on each chain', async () => {
    const scratch = await openTestDatabase();
    try {
      const victim = await createTestOrganization(scratch.db);
      // Requests spread over the organization's chains by their id: two requests, two chains.
      const asRequest = (requestId: string) => ({ ...victim.ctx, requestId });
      for (let i = 0; i < 4; i++) await aUser(scratch.db, asRequest('request-a'), ['clinician']);
      for (let i = 0; i < 2; i++) await aUser(scratch.db, asRequest('request-b'), ['clinician']);
      const events = await scratch.db
        .selectFrom('audit_event')
        .select(['id', 'seq', 'chain_key', 'request_id'])
        .where('organization_id', '=', victim.organizationId)
        .orderBy('seq')
        .execute();
      const chainA = events.filter((e) => e.request_id === 'request-a');
      const chainB = events.filter((e) => e.request_id === 'request-b');
      expect(new Set(chainA.map((e) => e.chain_key)).size).toBe(1);
      expect(new Set(chainB.map((e) => e.chain_key)).size).toBe(1);
      expect(chainA[0]!.chain_key).not.toBe(chainB[0]!.chain_key);
      const target = chainA[2]!;
      // Someone with the database owner's rights goes around the trigger.
      await sql`alter table audit_event disable trigger audit_event_no_update_or_delete`.execute(scratch.db);
      await sql`update audit_event set actor_label = 'someone else' where id = ${target.id}`.execute(
        scratch.db,
      );
      await sql`delete from audit_event where id = ${chainB[0]!.id}`.execute(scratch.db);
      let result = await verifyAuditChain(scratch.db);
      expect(result.breaks).toHaveLength(2);
      expect(result.breaks).toContainEqual({
        chainKey: target.chain_key,
        id: target.id,
        seq: target.seq,
        problem: 'content_changed',
      });
      expect(result.breaks).toContainEqual({
        chainKey: chainB[1]!.chain_key,
        id: chainB[1]!.id,
        seq: chainB[1]!.seq,
        problem: 'link_broken',
      });

      await sql`delete from audit_event where id = ${target.id}`.execute(scratch.db);
      result = await verifyAuditChain(scratch.db);
      expect(result.breaks).toContainEqual(
        expect.objectContaining({ id: chainA[3]!.id, problem: 'link_broken' }),
      );
    } finally {
      await scratch.close();
    }
  });

  it("spreads an organization's requests over its chains, one chain per request, each intact", async () => {
    const clinician = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, clinician);
    const responses = await Promise.all(
      Array.from({ length: 24 }, () => agent.get(`/api/v1/audit-events?userId=${clinician.id}`)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 403));
    const events = await database.db
      .selectFrom('audit_event')
      .select(['chain_key', 'request_id', 'prev_hash', 'hash'])
      .where('organization_id', '=', org.organizationId)
      .where('actor_user_id', '=', clinician.id)
      .where('action', '=', 'audit.read')
      .where('outcome', '=', 'denied')
      .execute();
    expect(events).toHaveLength(24);
    for (const e of events) expect(e.chain_key).toMatch(new RegExp(`^${org.organizationId}:([0-9]|1[0-5])$`));
    expect(new Set(events.map((e) => e.chain_key)).size).toBeGreaterThan(1);
    expect((await verifyAuditChain(database.db)).breaks).toEqual([]);
  });

  it('keeps the events of one transaction on one chain, linked in order', async () => {
    const ctx = { ...org.ctx, requestId: 'one-transaction' };
    await database.db.transaction().execute(async (trx) => {
      await recordAuditEvent(trx, ctx, { action: 'test.first' });
      // The hash is computed in SQL on append and in JS on verification: non-ASCII text too.
      await recordAuditEvent(trx, ctx, { action: 'test.second', reason: 'Zoë asked — “chart” ✓' });
      await recordAuditEvent(trx, ctx, { action: 'test.third', organizationId: null });
    });
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'chain_key', 'prev_hash', 'hash'])
      .where('request_id', '=', 'one-transaction')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['test.first', 'test.second', 'test.third']);
    expect(events[1]!.chain_key).toBe(events[0]!.chain_key);
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    expect(events[2]!.chain_key).toMatch(/^installation:\d+$/);
    expect((await verifyAuditChain(database.db)).breaks).toEqual([]);
  });

  it('is searchable by user, action and day for admins, newest first, page by page', async () => {
    const clinician = await aUser(database.db, org.ctx, ['clinician']);
    for (let day = 0; day < 3; day++) {
      clock.advanceMinutes(24 * 60);
      const agent = await signedIn(app, clinician);
      await agent.post('/api/v1/auth/logout');
    }
    const admin = await signedIn(app, org.admin);
    const all = await admin.get(`/api/v1/audit-events?userId=${clinician.id}&action=auth.log`);
    expect(all.statusCode).toBe(200);
    const actions = all.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'auth.logout',
      'auth.login',
      'auth.logout',
      'auth.login',
      'auth.logout',
      'auth.login',
    ]);

    // Dates are the organization's days (America/Chicago): 2026-12-02 holds one sign-in.
    const oneDay = await admin.get(
      `/api/v1/audit-events?userId=${clinician.id}&from=2026-12-02&to=2026-12-02`,
    );
    expect(oneDay.json().items.map((e: { action: string }) => e.action)).toEqual([
      'auth.logout',
      'auth.login',
    ]);

    const first = (
      await admin.get(`/api/v1/audit-events?userId=${clinician.id}&action=auth.log&limit=4`)
    ).json();
    expect(first.items).toHaveLength(4);
    const rest = (
      await admin.get(
        `/api/v1/audit-events?userId=${clinician.id}&action=auth.log&limit=4&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();

    const searches = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_user_id', '=', org.admin.id)
      .where('action', '=', 'audit.search')
      .execute();
    expect(searches).toHaveLength(4);
  });

  it("never shows another organization's events", async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const admin = await signedIn(app, org.admin);
    const response = await admin.get(`/api/v1/audit-events?userId=${other.admin.id}`);
    expect(response.json().items).toEqual([]);
  });
});
