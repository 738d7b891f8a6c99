import { addDays, mondayOf } from '../generate/time.js';
import type { Scenario, ScenarioContext } from './types.js';
import { rotate } from './types.js';

/** The tracks of the organization's first site, in a stable order. */
async function tracksOfFirstSite(ctx: ScenarioContext): Promise<string[]> {
  const rows = await ctx.query<{ id: string }>(
    `select t.id from track t
     where t.organization_id = $1 and t.status = 'active'
       and t.location_id = (select id from location where organization_id = $1 order by created_at, id limit 1)
     order by t.name`,
    [ctx.organization.id],
  );
  return rows.map((r) => r.id);
}

export const trackWeek: Scenario = {
  name: 'track-week',
  kind: 'read',
  title: 'Week calendar of a track (its groups, rosters, closures)',
  role: 'director',
  route: 'GET /api/v1/calendar',
  tables: ['group_series', 'enrollment'],
  async setup(ctx) {
    const tracks = await tracksOfFirstSite(ctx);
    if (tracks.length === 0) return { unavailable: 'no tracks' };
    const next = rotate(tracks);
    const monday = mondayOf(ctx.anchor);
    return (i) => ({ path: `/api/v1/calendar?view=week&date=${monday}&trackId=${next(i)}` });
  },
  async floorSql(ctx) {
    const next = rotate(await tracksOfFirstSite(ctx));
    const monday = mondayOf(ctx.anchor);
    return {
      sql: `select
          (select json_agg(s) from group_series s where s.organization_id = $1 and s.track_id = $2) as series,
          (select json_agg(x) from series_exception x join group_series s on s.id = x.series_id
             where x.organization_id = $1 and s.track_id = $2 and x.original_date between $3 and $4) as exceptions,
          (select json_agg(e) from enrollment e where e.organization_id = $1 and e.track_id = $2
             and e.start_date <= $4 and (e.end_date is null or e.end_date >= $3)) as enrollments,
          (select json_agg(c) from location_closure c where c.organization_id = $1
             and c.location_id = (select location_id from track where id = $2) and c.closed_on between $3 and $4) as closures`,
      params: (i) => [ctx.organization.id, next(i), monday, addDays(monday, 6)],
    };
  },
};

export const clinicianDay: Scenario = {
  name: 'clinician-day',
  kind: 'read',
  title: "Clinician dashboard: today's sessions (groups I facilitate, my appointments)",
  role: 'clinician',
  route: 'GET /api/v1/calendar',
  tables: ['group_series', 'appointment'],
  async setup(ctx) {
    return [{ path: `/api/v1/calendar?view=day&date=${ctx.anchor}&clinicianId=${ctx.users.clinician.id}` }];
  },
  async floorSql(ctx) {
    return {
      sql: `select
          (select json_agg(s) from group_series s where s.organization_id = $1 and $2 = any(s.facilitator_ids)
             and s.start_date <= $3 and (s.end_date is null or s.end_date >= $3)) as series,
          (select json_agg(e) from enrollment e where e.organization_id = $1 and e.track_id in
             (select track_id from group_series s where s.organization_id = $1 and $2 = any(s.facilitator_ids))
             and e.start_date <= $3 and (e.end_date is null or e.end_date >= $3)) as rosters,
          (select json_agg(a) from appointment a where a.organization_id = $1 and a.clinician_id = $2
             and a.starts_at >= $3::date - 1 and a.starts_at < $3::date + 2) as appointments`,
      params: [ctx.organization.id, ctx.users.clinician.id, ctx.anchor],
    };
  },
};

export const intakeBoard: Scenario = {
  name: 'intake-board',
  kind: 'read',
  title: 'Intake coordinator: the inquiry board (count and newest cards per stage)',
  role: 'intake',
  route: 'GET /api/v1/inquiries/board',
  tables: ['inquiry'],
  async setup() {
    return [{ path: '/api/v1/inquiries/board' }];
  },
  async floorSql(ctx) {
    return {
      // The count per stage in one pass, and each stage's 25 newest cards from the board index.
      sql: `with counts as (
          select stage, count(*) as stage_count from inquiry where organization_id = $1 group by stage)
        select s.stage, coalesce(c.stage_count, 0) as stage_count, cards.*
        from unnest(array['new', 'contacted', 'screened', 'benefits_checked', 'assessment_booked', 'admitted', 'closed'])
          as s(stage)
        left join counts c on c.stage = s.stage
        left join lateral (
          select * from inquiry i where i.organization_id = $1 and i.stage = s.stage
          order by i.updated_at desc, i.id desc limit 25) cards on true`,
      params: [ctx.organization.id],
    };
  },
};
