import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import type { WhenEpisodeEnds } from '../episodes/index.js';
import { endEnrollment } from './enroll-participant.js';
import { listAppointments, updateAppointmentAtVersion } from './repo.js';

/** Far enough ahead to reach every booked appointment. */
const BOOKING_HORIZON_MS = 5 * 366 * 86_400_000;

/**
 * When an episode ends, the participant leaves its groups after the last day. On a discharge
 * (not a move to another track, where care goes on with the same clinician) their own upcoming
 * individual sessions are cancelled too, so no room, clinician or reminder stays held for them.
 * A family or shared session with other participants is left for staff to rebook.
 */
export const endScheduleAtEpisodeEnd: WhenEpisodeEnds = async (db: Kysely<DB>, ctx, end) => {
  await endEnrollment(db, ctx, end.episodeId, end.endDate);
  if (end.kind !== 'discharge') return;
  const orgId = ctx.actor.organizationId;
  const upcoming = await listAppointments(db, orgId, {
    from: ctx.now,
    to: new Date(ctx.now.getTime() + BOOKING_HORIZON_MS),
    patientId: end.patientId,
  });
  for (const appointment of upcoming) {
    const onlyThem = appointment.participant_ids.length === 1;
    if (appointment.status !== 'scheduled' || !onlyThem || appointment.starts_at < ctx.now) continue;
    const cancelled = await updateAppointmentAtVersion(
      db,
      orgId,
      appointment.id,
      appointment.version,
      { status: 'cancelled', cancel_reason: 'Discharged' },
      ctx.now,
    );
    if (!cancelled) continue;
    await recordAuditEvent(db, ctx, {
      action: 'appointment.cancel',
      resourceType: 'appointment',
      resourceId: appointment.id,
      patientId: end.patientId,
      details: { reason: 'discharged', episodeId: end.episodeId },
    });
  }
};
