import { createHash } from 'node:crypto';
import {
  auditHash,
  GENESIS_HASH,
  type HashedAuditFields,
} from '../../../../packages/server/src/modules/audit/audit-hash.js';
import { CHAIN_SHARDS, chainKeyOf } from '../../../../packages/server/src/modules/audit/repo.js';
import type { Rng } from '../../prng.js';
import type { Loader } from '../loader.js';
import { dateMs, dayNumber, weekdayOfDay, zonedMs } from '../time.js';
import type { PlanOrganization, World } from '../world.js';

interface Event {
  at: number;
  actor: number;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  patientId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  reason: string | null;
  details: Record<string, unknown>;
}

/**
 * audit module: a history of sign-ins and patient record events, hash-chained on each
 * organization's CHAIN_SHARDS chains exactly as the server chains them (decision 0026), so `trellis audit verify` passes and the server's next event
 * links onto the generated head.
 */
export const auditLoader: Loader = {
  name: 'audit',
  module: 'audit',
  tables: ['audit_event'],
  after: ['users'],
  async load({ world, insert, rng }) {
    const writer = await insert.writer('audit_event');
    // All organizations' events in the order they happened, as one installation writes them:
    // each organization's chain links its own events in that order.
    const events = world.organizations.flatMap((org) => historyOf(world, org, rng).map((e) => ({ org, e })));
    events.sort((a, b) => a.e.at - b.e.at);
    const heads = new Map<string, string>();
    for (const { org, e } of events) {
      const actor = org.staff[e.actor];
      const occurredAt = new Date(e.at);
      const id = rng.uuidv7(occurredAt);
      // Each event as its own request: the chain it lands on spread by its (random) id.
      const chainKey = chainKeyOf(org.id, Number.parseInt(id.slice(-4), 16) % CHAIN_SHARDS);
      const prevHash = heads.get(chainKey) ?? GENESIS_HASH;
      const fields = {
        id,
        organizationId: org.id,
        occurredAt,
        actorUserId: actor?.id ?? null,
        actorLabel: actor?.email ?? null,
        action: e.action,
        outcome: e.outcome,
        resourceType: e.resourceType,
        resourceId: e.resourceId,
        patientId: e.patientId,
        ip: `10.${org.index}.${(e.actor >> 8) & 255}.${e.actor & 255}`,
        requestId: null,
        reason: e.reason,
        details: e.details,
      };
      const hash = chainHash(prevHash, fields);
      await writer.add({
        id: fields.id,
        chain_key: chainKey,
        organization_id: org.id,
        occurred_at: occurredAt,
        actor_user_id: fields.actorUserId,
        actor_label: fields.actorLabel,
        action: fields.action,
        outcome: fields.outcome,
        resource_type: fields.resourceType,
        resource_id: fields.resourceId,
        patient_id: fields.patientId,
        ip: fields.ip,
        request_id: null,
        reason: fields.reason,
        details: JSON.stringify(fields.details),
        prev_hash: prevHash,
        hash,
      });
      heads.set(chainKey, hash);
    }
    await writer.close();
  },
};

function historyOf(world: World, org: PlanOrganization, rng: Rng): Event[] {
  const events: Event[] = [];
  const anchorDay = dayNumber(world.anchor);
  const first = anchorDay - (world.historyDays + 15 * 7);
  const zoneOf = (location: number) => org.locations[location]?.timeZone ?? 'UTC';

  // Sign-ins: most staff, most working days, a few mistyped passwords.
  org.staff.forEach((s, i) => {
    if (!s.active) return;
    for (let d = first; d < anchorDay; d++) {
      if (weekdayOfDay(d) > 5 || !rng.chance(0.85)) continue;
      const at = zonedMs(d, rng.int(7 * 60 + 30, 9 * 60 + 30), zoneOf(s.locationIndex));
      if (rng.chance(0.03)) {
        events.push(login(at - 20_000, i, 'failure', 'wrong password'));
      }
      events.push(login(at, i, 'success', null));
    }
  });

  for (const p of org.patients) {
    const zone = zoneOf(p.locationIndex);
    events.push({
      ...patientEvent(p.inquiryAt.getTime(), p.coordinatorIndex, 'inquiry.create', null, {}),
      resourceType: 'inquiry',
      resourceId: p.inquiryId,
    });
    if (!p.id || !p.registeredAt || !p.admitDate) continue;
    const registeredAt = p.registeredAt.getTime();
    events.push(patientEvent(registeredAt, p.coordinatorIndex, 'patient.create', p.id, {}));
    events.push({
      ...patientEvent(registeredAt + 60_000, p.coordinatorIndex, 'episode.admit', p.id, {}),
      resourceType: 'episode',
      resourceId: p.episodeId,
    });
    const admitDay = dayNumber(p.admitDate);
    const end = p.dischargeDate ? dayNumber(p.dischargeDate) : anchorDay;
    for (let d = admitDay; d < end; d++) {
      if (!p.sessionDays.includes(weekdayOfDay(d))) continue;
      // The clinician opens the chart before group on most session days and signs the note after.
      if (rng.chance(0.6)) {
        const at = zonedMs(d, 8 * 60 + rng.int(0, 60), zone);
        events.push(patientEvent(at, p.clinicianIndex, 'patient.read', p.id, {}));
      }
      if (rng.chance(0.3)) {
        const at = zonedMs(d, 13 * 60 + rng.int(0, 240), zone);
        events.push({
          ...patientEvent(at, p.clinicianIndex, 'note.sign', p.id, {}),
          resourceType: 'note',
          resourceId: rng.uuidv7(at),
        });
      }
    }
    if (p.dischargeDate) {
      const at = zonedMs(dayNumber(p.dischargeDate), 16 * 60 + rng.int(0, 60), zone);
      events.push({
        ...patientEvent(at, p.clinicianIndex, 'episode.discharge', p.id, { reason: p.dischargeReason }),
        resourceType: 'episode',
        resourceId: p.episodeId,
      });
    }
  }
  return events.filter((e) => e.at < dateMs(world.anchor));
}

/**
 * The server's auditHash with its canonical JSON written out for this one shape (keys in sorted
 * order): the generic canonical() dominated generation time. The first events of every chain
 * are checked against the server's own function, so a change to the hash format fails loudly.
 */
let checked = 0;
function chainHash(prevHash: string, e: HashedAuditFields): string {
  const j = JSON.stringify;
  const content =
    `{"action":${j(e.action)},"actorLabel":${j(e.actorLabel)},"actorUserId":${j(e.actorUserId)},` +
    `"details":${canonicalDetails(e.details)},"id":${j(e.id)},"ip":${j(e.ip)},` +
    `"occurredAt":${j(e.occurredAt.toISOString())},"organizationId":${j(e.organizationId)},` +
    `"outcome":${j(e.outcome)},"patientId":${j(e.patientId)},"reason":${j(e.reason)},` +
    `"requestId":${j(e.requestId)},"resourceId":${j(e.resourceId)},"resourceType":${j(e.resourceType)}}`;
  const hash = createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
  if (checked < 50) {
    checked++;
    if (hash !== auditHash(prevHash, e)) {
      throw new Error(
        'The audit loader hashes events differently from the server: update chainHash to audit-hash.ts',
      );
    }
  }
  return hash;
}

/** details hold flat ids and codes; keys sorted as canonical() sorts them. */
function canonicalDetails(details: Record<string, unknown>): string {
  const keys = Object.keys(details)
    .filter((k) => details[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(details[k] ?? null)}`).join(',')}}`;
}

function login(at: number, actor: number, outcome: 'success' | 'failure', reason: string | null): Event {
  return {
    at,
    actor,
    action: 'auth.login',
    resourceType: null,
    resourceId: null,
    patientId: null,
    outcome,
    reason,
    details: outcome === 'success' ? { next: 'active' } : {},
  };
}

function patientEvent(
  at: number,
  actor: number,
  action: string,
  patientId: string | null,
  details: Record<string, unknown>,
): Event {
  return {
    at,
    actor,
    action,
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    outcome: 'success',
    reason: null,
    details,
  };
}
