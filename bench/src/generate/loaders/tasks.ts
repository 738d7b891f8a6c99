import { PRIORITY_RANK, TASK_KINDS, type TaskKind } from '@trellis/domain';
import type { Loader } from '../loader.js';
import { addDays, dateMs, dayNumber, zonedInstant } from '../time.js';
import type { PlannedInquiry } from './intake.js';

const TITLES: Partial<Record<TaskKind, string>> = {
  risk_alert: 'Follow up on a positive safety screen',
  measure_due: 'Weekly PHQ-9 and GAD-7 due',
  plan_review_due: 'Treatment plan review due',
  plan_due: 'Treatment plan due',
  note_unsigned: 'Sign the group note',
  inquiry_follow_up: 'Call back about the inquiry',
  benefit_verification: 'Verify benefits',
  outreach: 'Post-discharge check-in call',
};

/**
 * tasks module: the work queue. Open items for people in treatment and in intake (measures,
 * plan reviews, unsigned notes, a few risk alerts, call-backs); done items for the history.
 */
export const tasksLoader: Loader = {
  name: 'tasks',
  module: 'tasks',
  tables: ['task'],
  after: ['users', 'episodes', 'intake'],
  async load({ world, insert, rng, shared }) {
    const inquiries = shared.get('inquiries') as PlannedInquiry[] | undefined;
    const writer = await insert.writer('task');
    const anchorMs = dateMs(world.anchor);
    let serial = 0;
    const add = async (t: {
      orgId: string;
      kind: TaskKind;
      subjectType: string;
      subjectId: string;
      patientId: string | null;
      ownerUserId: string | null;
      ownerRole: string | null;
      dueAt: Date | null;
      createdAt: Date;
      done: { at: Date; by: string | null } | null;
    }) => {
      const definition = TASK_KINDS[t.kind];
      const priority = definition.defaultPriority;
      serial++;
      await writer.add({
        id: rng.uuidv7(t.createdAt),
        organization_id: t.orgId,
        kind: t.kind,
        priority,
        priority_rank: PRIORITY_RANK[priority],
        subject_type: t.subjectType,
        subject_id: t.subjectId,
        patient_id: t.patientId,
        title: TITLES[t.kind] ?? definition.label,
        owner_user_id: t.ownerUserId,
        owner_role: t.ownerUserId ? null : t.ownerRole,
        due_at: t.dueAt,
        status: t.done ? 'done' : 'open',
        idempotency_key: `${t.kind}|${t.subjectType}|${t.subjectId}|${serial}`,
        resolution_note:
          t.done && definition.resolutionRequired ? 'Spoke with the patient; safety plan reviewed.' : null,
        resolved_by: t.done?.by ?? null,
        resolved_at: t.done?.at ?? null,
        created_by: null,
        created_at: t.createdAt,
        updated_at: t.done?.at ?? t.createdAt,
        version: t.done ? 2 : 1,
      });
    };

    for (const org of world.organizations) {
      for (const p of org.patients) {
        if (!p.id || !p.episodeId || !p.admitDate || p.admitDate > world.anchor) continue;
        const clinician = org.staff[p.clinicianIndex];
        const zone = org.locations[p.locationIndex]?.timeZone ?? 'UTC';
        const end = p.dischargeDate ?? world.anchor;
        const weeks = Math.max(1, Math.floor((dayNumber(end) - dayNumber(p.admitDate)) / 7));
        // One measure reminder and one unsigned-note reminder a week, done by the end of the week.
        for (let w = 0; w < weeks; w++) {
          const day = addDays(p.admitDate, w * 7);
          const createdAt = zonedInstant(day, 7 * 60, zone);
          const dueAt = zonedInstant(addDays(day, 4), 17 * 60, zone);
          const open = !p.dischargeDate && w === weeks - 1;
          const doneAt = new Date(
            Math.min(dueAt.getTime() - rng.int(1, 72) * 3_600_000, anchorMs - 3_600_000),
          );
          for (const kind of ['measure_due', 'note_unsigned'] as const) {
            if (kind === 'note_unsigned' && !rng.chance(0.35)) continue;
            const stillOpen = open && rng.chance(kind === 'measure_due' ? 0.5 : 0.6);
            await add({
              orgId: org.id,
              kind,
              subjectType: kind === 'measure_due' ? 'episode' : 'note',
              subjectId: kind === 'measure_due' ? p.episodeId : rng.uuidv7(createdAt),
              patientId: p.id,
              ownerUserId: clinician?.id ?? null,
              ownerRole: 'clinician',
              dueAt,
              createdAt,
              done: stillOpen
                ? null
                : {
                    at: new Date(Math.max(doneAt.getTime(), createdAt.getTime() + 60_000)),
                    by: clinician?.id ?? null,
                  },
            });
          }
        }
        if (!p.dischargeDate && rng.chance(0.2)) {
          const createdAt = new Date(anchorMs - rng.int(1, 96) * 3_600_000);
          await add({
            orgId: org.id,
            kind: 'plan_review_due',
            subjectType: 'episode',
            subjectId: p.episodeId,
            patientId: p.id,
            ownerUserId: clinician?.id ?? null,
            ownerRole: 'clinician',
            dueAt: new Date(anchorMs + rng.int(-2, 7) * 86_400_000 + 17 * 3_600_000),
            createdAt,
            done: null,
          });
        }
        if (rng.chance(0.03)) {
          const createdAt = p.dischargeDate
            ? zonedInstant(addDays(p.dischargeDate, -rng.int(3, 20)), 11 * 60, zone)
            : new Date(anchorMs - rng.int(1, 48) * 3_600_000);
          await add({
            orgId: org.id,
            kind: 'risk_alert',
            subjectType: 'patient',
            subjectId: p.id,
            patientId: p.id,
            ownerUserId: clinician?.id ?? null,
            ownerRole: 'clinician',
            dueAt: new Date(createdAt.getTime() + 4 * 3_600_000),
            createdAt,
            done:
              p.dischargeDate || rng.chance(0.5)
                ? { at: new Date(createdAt.getTime() + 2 * 3_600_000), by: clinician?.id ?? null }
                : null,
          });
        }
      }
    }
    // Intake: call-backs on inquiries in progress, benefit checks still to do.
    for (const q of inquiries ?? []) {
      if (q.stage === 'admitted' || q.stage === 'closed') continue;
      const coordinator = q.org.staff[q.coordinatorIndex];
      const last = (q.stages.at(-1) as { at: Date }).at;
      await add({
        orgId: q.org.id,
        kind: q.stage === 'screened' ? 'benefit_verification' : 'inquiry_follow_up',
        subjectType: 'inquiry',
        subjectId: q.id,
        patientId: null,
        ownerUserId: rng.chance(0.6) ? (coordinator?.id ?? null) : null,
        ownerRole: 'intake',
        dueAt: new Date(last.getTime() + rng.int(4, 48) * 3_600_000),
        createdAt: last,
        done: null,
      });
    }
    await writer.close();
  },
};
