import { api, DomainError } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { bookAppointment, changeAppointment, getAppointment } from './book-appointment.js';
import { issueCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from './calendar-feeds.js';
import { changeSeries } from './change-series.js';
import { addClosure, getClosures, removeClosure } from './closures.js';
import { createSeries } from './create-series.js';
import { changeEnrollment, endEnrollment, enrollParticipant, getEnrollment } from './enroll-participant.js';
import { findSlots, getWorkingHours, setWorkingHours } from './find-slots.js';
import { listShortfalls } from './plan-intensity.js';
import { readCalendar } from './read-calendar.js';
import { getSeries, listOccurrences, listSeriesOf } from './read-series.js';
import { renderCalendarFeed } from './render-calendar-feed.js';

const IdParams = z.strictObject({ id: api.Id });
const tags = ['scheduling'];

export const schedulingRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  // ---- Group series ----
  app.get(
    '/series',
    {
      schema: {
        tags,
        summary: 'Group series, by track or location',
        querystring: api.SeriesListQuery,
        response: { 200: z.object({ items: z.array(api.Series) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return { items: await listSeriesOf(db, ctx.actor.organizationId, request.query) };
    },
  );

  app.post(
    '/series',
    {
      schema: {
        tags,
        summary: 'Define a recurring group of a track',
        body: api.CreateSeriesRequest,
        response: { 201: api.Series },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'schedule.manage');
      const series = await db.transaction().execute((trx) => createSeries(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${series.version}"`).send(series);
    },
  );

  app.get(
    '/series/:id',
    { schema: { tags, params: IdParams, response: { 200: api.Series } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'schedule.read', {
        type: 'group_series',
        id: request.params.id,
      });
      const series = await getSeries(db, ctx.actor.organizationId, request.params.id);
      return reply.header('etag', `"${series.version}"`).send(series);
    },
  );

  app.patch(
    '/series/:id',
    {
      schema: {
        tags,
        summary:
          'Change one occurrence, this and the following ones, or the whole series (If-Match required)',
        params: IdParams,
        body: api.ChangeSeriesRequest,
        response: { 200: api.ChangeSeriesResult },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'schedule.manage', {
        type: 'group_series',
        id: request.params.id,
      });
      const version = expectedVersion(request);
      const result = await db
        .transaction()
        .execute((trx) => changeSeries(trx, ctx, request.params.id, version, request.body));
      const changed = result.series.find((s) => s.id === request.params.id);
      if (changed) reply.header('etag', `"${changed.version}"`);
      return reply.send(result);
    },
  );

  app.get(
    '/series/:id/occurrences',
    {
      schema: {
        tags,
        summary: 'Occurrences between two local dates',
        params: IdParams,
        querystring: api.DateRangeQuery,
        response: { 200: z.object({ items: z.array(api.Occurrence) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return { items: await listOccurrences(db, ctx.actor.organizationId, request.params.id, request.query) };
    },
  );

  app.get(
    '/locations/:id/closures',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: api.DateRangeQuery,
        response: { 200: z.object({ items: z.array(api.Closure) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return { items: await getClosures(db, ctx.actor.organizationId, request.params.id, request.query) };
    },
  );

  app.post(
    '/locations/:id/closures',
    {
      schema: {
        tags,
        summary: 'Close a location for a day: its sessions read as cancelled',
        params: IdParams,
        body: api.ClosureInput,
        response: { 201: api.Closure },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'schedule.manage');
      const closure = await db
        .transaction()
        .execute((trx) => addClosure(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(closure);
    },
  );

  app.delete(
    '/locations/:id/closures/:closureId',
    {
      schema: {
        tags,
        summary: 'Open the location again on a closure day: its sessions are back',
        params: z.strictObject({ id: api.Id, closureId: api.Id }),
        response: { 200: api.Closure },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.manage');
      return db
        .transaction()
        .execute((trx) => removeClosure(trx, ctx, request.params.id, request.params.closureId));
    },
  );

  // ---- Enrollment ----
  app.get(
    '/episodes/:id/enrollment',
    { schema: { tags, params: IdParams, response: { 200: api.Enrollment } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.read', { type: 'episode', id: request.params.id });
      const enrollment = await db.transaction().execute((trx) => getEnrollment(trx, ctx, request.params.id));
      return reply.header('etag', `"${enrollment.version}"`).send(enrollment);
    },
  );

  app.post(
    '/episodes/:id/enrollment',
    {
      schema: {
        tags,
        summary: 'Enroll the participant in the track’s groups, on their own days',
        params: IdParams,
        body: api.EnrollRequest,
        response: { 201: api.Enrollment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const enrollment = await db
        .transaction()
        .execute((trx) => enrollParticipant(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"${enrollment.version}"`).send(enrollment);
    },
  );

  app.put(
    '/episodes/:id/enrollment',
    {
      schema: {
        tags,
        summary: 'Change the participant’s days (If-Match required)',
        params: IdParams,
        body: api.ChangeEnrollmentRequest,
        response: { 200: api.Enrollment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const version = expectedVersion(request);
      const enrollment = await db
        .transaction()
        .execute((trx) => changeEnrollment(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${enrollment.version}"`).send(enrollment);
    },
  );

  app.post(
    '/episodes/:id/enrollment/end',
    {
      schema: {
        tags,
        summary: 'End the enrollment (on discharge)',
        params: IdParams,
        body: api.EndEnrollmentRequest,
        response: { 200: api.Enrollment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const enrollment = await db
        .transaction()
        .execute((trx) => endEnrollment(trx, ctx, request.params.id, request.body.endDate));
      if (!enrollment) throw DomainError.notFound('enrollment for this episode');
      return reply.send(enrollment);
    },
  );

  // ---- Appointments, working hours, slots ----
  app.post(
    '/appointments',
    {
      schema: {
        tags,
        summary: 'Book an individual, family, assessment or medication session',
        body: api.CreateAppointmentRequest,
        response: { 201: api.Appointment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'appointment.manage');
      const appointment = await db.transaction().execute((trx) => bookAppointment(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${appointment.version}"`).send(appointment);
    },
  );

  app.get(
    '/appointments/:id',
    { schema: { tags, params: IdParams, response: { 200: api.Appointment } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'appointment.manage', {
        type: 'appointment',
        id: request.params.id,
      });
      const appointment = await db
        .transaction()
        .execute((trx) => getAppointment(trx, ctx, request.params.id));
      return reply.header('etag', `"${appointment.version}"`).send(appointment);
    },
  );

  app.patch(
    '/appointments/:id',
    {
      schema: {
        tags,
        summary: 'Move, re-room, hand over or cancel (If-Match required)',
        params: IdParams,
        body: api.UpdateAppointmentRequest,
        response: { 200: api.Appointment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'appointment.manage', {
        type: 'appointment',
        id: request.params.id,
      });
      const version = expectedVersion(request);
      const appointment = await db
        .transaction()
        .execute((trx) => changeAppointment(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${appointment.version}"`).send(appointment);
    },
  );

  app.get(
    '/clinicians/:id/working-hours',
    { schema: { tags, params: IdParams, response: { 200: api.WorkingHours } } },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return getWorkingHours(db, ctx.actor.organizationId, request.params.id);
    },
  );

  app.put(
    '/clinicians/:id/working-hours',
    {
      schema: {
        tags,
        summary: 'Replace a clinician’s weekly working hours',
        params: IdParams,
        body: api.WorkingHoursInput,
        response: { 200: api.WorkingHours },
      },
    },
    async (request) => {
      const own = request.signedIn?.actor.userId === request.params.id;
      const ctx = await authorize(db, request, own ? 'appointment.manage' : 'schedule.manage');
      return db.transaction().execute((trx) => setWorkingHours(trx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/slots',
    {
      schema: {
        tags,
        summary: 'Free times for a session with a clinician and a participant',
        querystring: api.SlotQuery,
        response: { 200: api.SlotList },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'appointment.manage', { patientId: request.query.patientId });
      return db.transaction().execute((trx) => findSlots(trx, ctx, request.query));
    },
  );

  // ---- Intensity and calendar ----
  app.get(
    '/intensity/shortfalls',
    {
      schema: {
        tags,
        summary: 'Participants planned below or above their track’s intensity in a week',
        querystring: api.ShortfallQuery,
        response: { 200: api.ShortfallList },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.manage');
      await authorize(db, request, 'patient.read');
      return db.transaction().execute((trx) => listShortfalls(trx, ctx, request.query));
    },
  );

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'A week or day of a track, room, clinician or participant',
        querystring: api.CalendarQuery,
        response: { 200: api.Calendar },
      },
    },
    async (request) => {
      const patientId = request.query.patientId;
      const ctx = await authorize(
        db,
        request,
        'schedule.read',
        patientId ? { patientId, type: 'patient', id: patientId } : {},
      );
      if (patientId)
        await authorize(db, request, 'patient.read', { patientId, type: 'patient', id: patientId });
      return db.transaction().execute((trx) => readCalendar(trx, ctx, request.query));
    },
  );

  // ---- Calendar feeds ----
  app.post(
    '/calendar-feeds',
    {
      schema: {
        tags,
        summary: 'A secret, revocable iCalendar address of a clinician’s or participant’s sessions',
        body: api.CreateFeedRequest,
        response: { 201: api.IssuedCalendarFeed },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'schedule.read');
      const base = `${request.protocol}://${request.host}`;
      const feed = await db.transaction().execute((trx) => issueCalendarFeed(trx, ctx, request.body, base));
      return reply.code(201).send(feed);
    },
  );

  app.get(
    '/calendar-feeds',
    {
      schema: {
        tags,
        querystring: api.FeedListQuery,
        response: { 200: z.object({ items: z.array(api.CalendarFeed) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return { items: await listCalendarFeeds(db, ctx, request.query) };
    },
  );

  app.delete(
    '/calendar-feeds/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a feed: its address stops working',
        params: IdParams,
        response: { 200: api.CalendarFeed },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'schedule.read');
      return db.transaction().execute((trx) => revokeCalendarFeed(trx, ctx, request.params.id));
    },
  );

  app.get(
    '/public/calendar/:token.ics',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The iCalendar feed behind a secret address',
        params: z.strictObject({ token: z.string().min(20).max(100) }),
      },
    },
    async (request, reply) => {
      const text = await db
        .transaction()
        .execute((trx) => renderCalendarFeed(trx, request.params.token, request.startedAt));
      if (text === null)
        return reply
          .code(404)
          .type('text/plain')
          .send('This calendar address is not valid (it may have been revoked).');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );
};
