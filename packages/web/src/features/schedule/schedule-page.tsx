import { Button, Group, SegmentedControl, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { todayIso } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Agenda, TimeGrid } from './calendar-grid';
import { addDays, isoWeekday, rangeLabel, weekDates } from './calendar-layout';
import { OccurrenceDialog } from './occurrence-dialog';
import { ParticipantPicker } from './participant-picker';
import {
  type CalendarBy,
  type CalendarItem,
  type CalendarView,
  useCalendar,
  useClinicians,
  useRooms,
  useTracks,
} from './schedule-api';

const BY_LABEL: Record<CalendarBy, string> = {
  trackId: 'Track',
  roomId: 'Room',
  clinicianId: 'Clinician',
  patientId: 'Participant',
};

function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The calendar of a track, room, clinician or participant, by week or day. */
export function SchedulePage() {
  const user = useUser();
  if (!userCan(user, 'schedule.read')) return <NotAllowed title="Schedule" />;
  return <Schedule />;
}

function Schedule() {
  const user = useUser();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'day' ? 'day' : 'week';
  const date = isDate(params.get('date')) ? (params.get('date') as string) : todayIso();
  const by: CalendarBy =
    (['roomId', 'clinicianId', 'patientId'] as const).find((k) => params.has(k)) ?? 'trackId';
  const canPeople = userCan(user, 'user.read');
  const canPatients = userCan(user, 'patient.read');
  const canManage = userCan(user, 'schedule.manage');

  const tracks = useTracks();
  const rooms = useRooms(by === 'roomId');
  const clinicians = useClinicians(by === 'clinicianId' && canPeople);
  const [participantName, setParticipantName] = useState<string | undefined>(undefined);

  const chosen = params.get(by);
  const fallback = by === 'trackId' ? (tracks.data?.[0]?.id ?? null) : null;
  const id = chosen ?? fallback;
  const calendar = useCalendar(view, date, by, id);
  const [open, setOpen] = useState<CalendarItem | null>(null);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const chooseBy = (next: CalendarBy) => {
    const changes: Record<string, string | null> = {
      trackId: null,
      roomId: null,
      clinicianId: null,
      patientId: null,
    };
    if (next === 'trackId') changes.trackId = tracks.data?.[0]?.id ?? null;
    else changes[next] = '';
    update(changes);
  };

  const items = calendar.data?.items ?? [];
  let days = view === 'week' ? weekDates(date) : [date];
  // A week without weekend sessions shows Monday to Friday: wider blocks, easier to read.
  if (view === 'week' && !items.some((i) => isoWeekday(i.start.slice(0, 10)) >= 6)) days = days.slice(0, 5);
  const step = view === 'week' ? 7 : 1;
  const today = todayIso();
  const zone = items[0]?.timeZone;

  useEffect(() => {
    if (by === 'patientId' && !chosen) setParticipantName(undefined);
  }, [by, chosen]);

  const byOptions = (Object.keys(BY_LABEL) as CalendarBy[])
    .filter((k) => (k === 'clinicianId' ? canPeople : k === 'patientId' ? canPatients : true))
    .map((k) => ({ value: k, label: BY_LABEL[k] }));

  return (
    <>
      <PageHeader
        title="Schedule"
        description="Groups and sessions by track, room, clinician or participant. Select a session to see it or change it."
        actions={
          canManage ? (
            <Group gap="sm">
              <Button component={Link} to="/schedule/closures" variant="default">
                Closed days
              </Button>
              <Button component={Link} to="/schedule/series/new">
                New group series
              </Button>
            </Group>
          ) : null
        }
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="show-by">
              Show by
            </Text>
            <SegmentedControl
              aria-labelledby="show-by"
              value={by}
              onChange={(v) => chooseBy(v as CalendarBy)}
              data={byOptions}
            />
          </Stack>
          {by === 'trackId' ? (
            <Select
              label="Track"
              data={(tracks.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={id}
              onChange={(v) => v && update({ trackId: v })}
              allowDeselect={false}
              w={{ base: '100%', sm: 380 }}
            />
          ) : null}
          {by === 'roomId' ? (
            <Select
              label="Room"
              placeholder="Choose a room"
              data={(rooms.data ?? []).map((r) => ({
                value: r.id,
                label: `${r.name} (${r.capacity} places)`,
              }))}
              value={id || null}
              onChange={(v) => v && update({ roomId: v })}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
          ) : null}
          {by === 'clinicianId' ? (
            <Select
              label="Clinician"
              placeholder="Choose a clinician"
              searchable
              data={(clinicians.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
              value={id || null}
              onChange={(v) => v && update({ clinicianId: v })}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
          ) : null}
          {by === 'patientId' ? (
            <ParticipantPicker
              value={id || null}
              label={
                participantName ?? items.flatMap((i) => i.participants ?? []).find((p) => p.id === id)?.name
              }
              onChange={(v, name) => {
                setParticipantName(name ?? undefined);
                if (v) update({ patientId: v });
              }}
            />
          ) : null}
        </Group>

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Button variant="default" onClick={() => update({ date: addDays(date, -step) })}>
              {view === 'week' ? 'Previous week' : 'Previous day'}
            </Button>
            <Button variant="default" onClick={() => update({ date: null })}>
              Today
            </Button>
            <Button variant="default" onClick={() => update({ date: addDays(date, step) })}>
              {view === 'week' ? 'Next week' : 'Next day'}
            </Button>
            <TextInput
              type="date"
              aria-label="Go to date"
              value={date}
              onChange={(e) => isDate(e.currentTarget.value) && update({ date: e.currentTarget.value })}
              w={170}
            />
          </Group>
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(v) => update({ view: v })}
            data={[
              { value: 'week', label: 'Week' },
              { value: 'day', label: 'Day' },
            ]}
          />
        </Group>

        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={650} fz="lg" data-testid="calendar-range">
            {rangeLabel(days[0] ?? date, days.at(-1) ?? date)}
          </Text>
          {zone ? (
            <Text size="sm" c="dimmed">
              Times are local to the location ({zone}).
            </Text>
          ) : null}
        </Group>

        <ProblemAlert error={calendar.error} title="The schedule could not be loaded" />
        {!id ? (
          <Text c="dimmed">Choose a {BY_LABEL[by].toLowerCase()} to see their schedule.</Text>
        ) : calendar.isPending ? (
          <Skeleton h={480} />
        ) : view === 'week' && phone ? (
          <Agenda days={days} items={items} onOpen={setOpen} />
        ) : (
          <>
            <TimeGrid days={days} items={items} today={today} onOpen={setOpen} />
            {items.length === 0 ? (
              <Text c="dimmed">
                Nothing planned {view === 'week' ? 'this week' : 'this day'} for this{' '}
                {BY_LABEL[by].toLowerCase()}.
              </Text>
            ) : null}
          </>
        )}
        <Legend />
      </Stack>
      <OccurrenceDialog
        item={open}
        canManage={canManage}
        canBook={userCan(user, 'appointment.manage')}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

function Legend() {
  const swatch = (className: string, attrs: Record<string, string>, label: string) => (
    <Group gap={6} wrap="nowrap">
      <span
        className={className}
        {...attrs}
        style={{ position: 'static', display: 'inline-block', width: 22, height: 16, padding: 0 }}
        aria-hidden="true"
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
  return (
    <Group gap="lg" wrap="wrap" aria-label="Legend">
      {swatch('cal-block', { 'data-mode': 'in_person', 'data-type': 'group' }, 'Group in a room')}
      {swatch('cal-block', { 'data-mode': 'virtual', 'data-type': 'group' }, 'Virtual group')}
      {swatch('cal-block', { 'data-type': 'appointment' }, 'Individual or family session')}
      {swatch('cal-block', { 'data-status': 'cancelled' }, 'Cancelled (struck through)')}
      <Text size="sm">
        <span className="cal-fill">8/12</span> = enrolled of places
      </Text>
    </Group>
  );
}
