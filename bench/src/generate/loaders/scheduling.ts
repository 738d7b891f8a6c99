import type { Loader } from '../loader.js';
import { addDays, dateMs, dayNumber, toDateString, weekdayOfDay, zonedMs } from '../time.js';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * scheduling module: each cohort's group series (a process group and a skills group in its block),
 * site closures on holidays, clinicians' working hours, every episode's enrollment in its track,
 * and individual appointments: an assessment before admission and a weekly session during it.
 */
export const schedulingLoader: Loader = {
  name: 'scheduling',
  module: 'scheduling',
  tables: ['group_series', 'location_closure', 'enrollment', 'appointment', 'clinician_working_hours'],
  after: ['programs', 'episodes', 'users'],
  async load({ world, insert, rng }) {
    const series = await insert.writer('group_series');
    const closures = await insert.writer('location_closure');
    const hours = await insert.writer('clinician_working_hours');
    const enrollments = await insert.writer('enrollment');
    const appointments = await insert.writer('appointment');
    const anchorDay = dayNumber(world.anchor);
    const holidays = [...world.holidays].filter((d) => Math.abs(dayNumber(d) - anchorDay) < 400).sort();

    for (const org of world.organizations) {
      for (const location of org.locations) {
        for (const track of location.tracks) {
          const room = location.rooms[track.roomIndex];
          for (const s of track.series) {
            await series.add({
              id: s.id,
              organization_id: org.id,
              track_id: track.id,
              location_id: location.id,
              title: s.title,
              kind: s.kind,
              weekdays: track.days,
              start_time: hhmm(s.startMinutes),
              duration_minutes: s.minutes,
              start_date: toDateString(track.createdAt),
              end_date: null,
              room_id: room?.id ?? null,
              facilitator_ids: track.facilitatorIndexes.map((i) => org.staff[i]?.id).filter(Boolean),
              capacity: 16,
              curriculum: JSON.stringify(s.curriculum),
              curriculum_start_module: 0,
              previous_series_id: null,
              created_by: null,
              created_at: track.createdAt,
              updated_at: track.createdAt,
            });
          }
        }
        for (const day of holidays) {
          await closures.add({
            id: rng.uuidv7(location.createdAt),
            organization_id: org.id,
            location_id: location.id,
            closed_on: day,
            reason: 'Holiday',
            created_at: location.createdAt,
            updated_at: location.createdAt,
          });
        }
      }
      for (const staff of org.staff) {
        if (!staff.roles.includes('clinician') || !staff.active) continue;
        const evenings = rng.chance(0.3);
        for (let weekday = 1; weekday <= 5; weekday++) {
          await hours.add({
            id: rng.uuidv7(staff.createdAt),
            organization_id: org.id,
            clinician_id: staff.id,
            weekday,
            start_time: evenings ? '12:00' : '08:00',
            end_time: evenings ? '21:00' : '17:00',
            created_at: staff.createdAt,
            updated_at: staff.createdAt,
          });
        }
      }

      const byAdmission = org.patients
        .filter((p) => p.admitDate)
        .sort((a, b) => (a.admitDate as string).localeCompare(b.admitDate as string));
      for (const p of byAdmission) {
        if (!p.id || !p.episodeId || !p.admitDate || !p.registeredAt) continue;
        const location = org.locations[p.locationIndex];
        const track = location?.tracks[p.trackIndex];
        if (!location || !track) continue;
        const zone = location.timeZone;
        const clinician = org.staff[p.clinicianIndex];
        const offices = location.rooms.filter((r) => r.kind === 'office');
        await enrollments.add({
          id: rng.uuidv7(p.registeredAt),
          organization_id: org.id,
          episode_id: p.episodeId,
          patient_id: p.id,
          track_id: track.id,
          start_date: p.admitDate,
          end_date: p.dischargeDate,
          weekdays: p.sessionDays.length < track.days.length ? p.sessionDays : null,
          below_minimum_reason: null,
          availability: null,
          created_by: null,
          created_at: p.registeredAt,
          updated_at: p.registeredAt,
        });
        if (!clinician) continue;
        const appointment = async (
          kind: 'individual' | 'assessment' | 'family',
          day: number,
          startMinutes: number,
          minutes: number,
        ) => {
          const startsAt = zonedMs(day, startMinutes, zone);
          const past = day < anchorDay;
          const status = past
            ? rng.weighted([
                ['completed', 0.88],
                ['no_show', 0.08],
                ['cancelled', 0.04],
              ] as const)
            : 'scheduled';
          const createdAt = new Date(
            Math.min(startsAt - rng.int(2, 10) * 86_400_000, dateMs(world.anchor) - 3_600_000),
          );
          await appointments.add({
            id: rng.uuidv7(createdAt),
            organization_id: org.id,
            location_id: location.id,
            kind,
            status,
            clinician_id: clinician.id,
            participant_ids: [p.id],
            room_id: offices.length > 0 ? rng.pick(offices).id : null,
            starts_at: new Date(startsAt),
            ends_at: new Date(startsAt + minutes * 60_000),
            cancel_reason: status === 'cancelled' ? 'Patient asked to reschedule' : null,
            created_by: clinician.id,
            created_at: createdAt,
            updated_at: createdAt,
          });
        };
        const admitDay = dayNumber(p.admitDate);
        // The assessment, a few days before the first group.
        let assessmentDay = admitDay - rng.int(2, 6);
        while (weekdayOfDay(assessmentDay) > 5) assessmentDay--;
        await appointment('assessment', assessmentDay, 10 * 60, 90);
        // A weekly individual session before group, until discharge or two weeks ahead.
        const lastDay = p.dischargeDate ? dayNumber(p.dischargeDate) : anchorDay + 14;
        const sessionWeekday = p.sessionDays[0] ?? 1;
        const before = Math.max(8 * 60, track.startMinutes - 60);
        for (let week = admitDay - ((weekdayOfDay(admitDay) + 6) % 7); week <= lastDay; week += 7) {
          const day = week + sessionWeekday - 1;
          if (day < admitDay || day > lastDay || world.holidays.has(addDays(world.anchor, day - anchorDay)))
            continue;
          await appointment('individual', day, before, 50);
        }
        if (rng.chance(0.4)) {
          const day = Math.min(lastDay, admitDay + 21);
          if (weekdayOfDay(day) <= 5)
            await appointment('family', day, track.startMinutes + track.minutes, 60);
        }
      }
    }
    await series.close();
    await closures.close();
    await hours.close();
    await enrollments.close();
    await appointments.close();
  },
};
