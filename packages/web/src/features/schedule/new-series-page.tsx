import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { GROUP_KINDS } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { todayIso } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { GROUP_KIND_LABELS, WEEKDAYS } from './labels';
import { type Series, useClinicians, useCreateSeries, useRooms, useTracks } from './schedule-api';

const SHOWN_FIELDS = [
  'trackId',
  'title',
  'kind',
  'weekdays',
  'startTime',
  'durationMinutes',
  'startDate',
  'endDate',
  'venue',
  'facilitatorIds',
  'capacity',
  'curriculum',
  'schedule',
];

export function NewSeriesPage() {
  const user = useUser();
  if (!userCan(user, 'schedule.manage')) return <NotAllowed title="New group series" />;
  return <NewSeries />;
}

function NewSeries() {
  const navigate = useNavigate();
  const tracks = useTracks();
  const rooms = useRooms();
  const clinicians = useClinicians();
  const create = useCreateSeries();
  const [trackId, setTrackId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Series['kind'] | null>(null);
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [startTime, setStartTime] = useState('09:00');
  const [duration, setDuration] = useState<number | string>(90);
  const [venue, setVenue] = useState<string | null>(null);
  const [facilitators, setFacilitators] = useState<string[]>([]);
  const [capacity, setCapacity] = useState<number | string>(12);
  const [modules, setModules] = useState<string[]>([]);
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');

  const track = tracks.data?.find((t) => t.id === trackId);
  const roomsHere = (rooms.data ?? []).filter((r) => !track || r.locationId === track.locationId);
  const room = roomsHere.find((r) => r.id === venue);
  const err = (field: string) => fieldError(create.error, field);
  const clash = create.error instanceof ApiError && create.error.status === 409;
  // Problems that each sit under their own field need no second telling below the form.
  const fieldErrors = create.error instanceof ApiError && !clash ? create.error.fieldErrors : {};
  const onFields =
    Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every((f) => SHOWN_FIELDS.includes(f));

  const moveModule = (from: number, to: number) =>
    setModules((list) => {
      const next = [...list];
      const [moved] = next.splice(from, 1);
      if (moved !== undefined) next.splice(to, 0, moved);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        trackId: trackId ?? '',
        title,
        kind: kind ?? 'process',
        weekdays: weekdays.map(Number),
        startTime,
        durationMinutes: Number(duration) || 0,
        startDate,
        endDate: endDate || null,
        venue: venue === 'virtual' || !venue ? { kind: 'virtual' } : { kind: 'room', roomId: venue },
        facilitatorIds: facilitators,
        capacity: Number(capacity) || 0,
        curriculum: modules.map((m) => m.trim()).filter(Boolean),
      },
      {
        onSuccess: (series) => {
          notifications.show({
            color: 'teal',
            title: 'Group series created',
            message: `${series.title} is on the calendar from ${series.startDate}.`,
          });
          void navigate(`/schedule?trackId=${series.trackId}&date=${series.startDate}`);
        },
      },
    );
  };

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/schedule">
          Schedule
        </Anchor>
        <Text>New group series</Text>
      </Breadcrumbs>
      <PageHeader
        title="New group series"
        description="A group that meets every week on the same days and time. Participants of the track join it on their own days."
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={820}>
          <Card withBorder padding="lg">
            <Title order={2} fz="lg" mb="sm">
              The group
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label="Track"
                required
                data={(tracks.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                value={trackId}
                onChange={(v) => {
                  setTrackId(v);
                  setVenue(null);
                }}
                error={err('trackId')}
              />
              <Select
                label="Kind"
                required
                data={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
                value={kind}
                onChange={(v) => {
                  const next = v as Series['kind'] | null;
                  if (next && (!title || Object.values(GROUP_KIND_LABELS).includes(title)))
                    setTitle(GROUP_KIND_LABELS[next]);
                  setKind(next);
                }}
                error={err('kind')}
              />
              <TextInput
                label="Title"
                required
                description="As participants and staff see it on the calendar."
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={err('title')}
              />
              <MultiSelect
                label="Facilitators"
                required
                searchable
                data={(clinicians.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
                value={facilitators}
                onChange={setFacilitators}
                error={err('facilitatorIds')}
              />
            </SimpleGrid>
          </Card>

          <Card withBorder padding="lg">
            <Title order={2} fz="lg" mb="sm">
              When and where
            </Title>
            <Stack gap="md">
              <Checkbox.Group
                label="Weekdays"
                required
                value={weekdays}
                onChange={setWeekdays}
                error={err('weekdays')}
              >
                <Group gap="lg" mt={6}>
                  {WEEKDAYS.map((d) => (
                    <Checkbox key={d.value} value={String(d.value)} label={d.short} aria-label={d.long} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <TextInput
                  type="time"
                  label="Start time"
                  required
                  description={track ? 'Local time at the track’s location.' : undefined}
                  value={startTime}
                  onChange={(e) => setStartTime(e.currentTarget.value)}
                  error={err('startTime')}
                />
                <NumberInput
                  label="Duration (minutes)"
                  required
                  min={15}
                  max={480}
                  step={15}
                  description={
                    track ? `A day in this track is at most ${track.intensity.maxHoursPerDay} h.` : undefined
                  }
                  value={duration}
                  onChange={setDuration}
                  error={err('durationMinutes')}
                />
                <Select
                  label="Room"
                  required
                  placeholder={track ? 'Choose a room' : 'Choose the track first'}
                  data={[
                    { value: 'virtual', label: 'Virtual (video)' },
                    ...roomsHere.map((r) => ({ value: r.id, label: `${r.name} (${r.capacity} places)` })),
                  ]}
                  value={venue}
                  onChange={(v) => {
                    setVenue(v);
                    const chosen = roomsHere.find((r) => r.id === v);
                    if (chosen && Number(capacity) > chosen.capacity) setCapacity(chosen.capacity);
                  }}
                  error={err('venue')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NumberInput
                  label="Capacity"
                  required
                  min={1}
                  max={500}
                  description={room ? `${room.name} holds ${room.capacity}.` : 'Participants per session.'}
                  value={capacity}
                  onChange={setCapacity}
                  error={err('capacity')}
                />
                <TextInput
                  type="date"
                  label="First day"
                  required
                  value={startDate}
                  onChange={(e) => setStartDate(e.currentTarget.value)}
                  error={err('startDate')}
                />
                <TextInput
                  type="date"
                  label="Last day"
                  description="Leave empty for a group that goes on."
                  value={endDate}
                  onChange={(e) => setEndDate(e.currentTarget.value)}
                  error={err('endDate')}
                />
              </SimpleGrid>
            </Stack>
          </Card>

          <Card withBorder padding="lg">
            <Title order={2} fz="lg" mb={4}>
              Curriculum
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Modules in order. They rotate through the sessions, so someone who joins in week 3 still gets
              every module. Leave empty for a process group.
            </Text>
            <Stack gap="xs">
              {modules.map((module, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the position is the module's identity here
                <Group key={index} gap="xs" wrap="nowrap">
                  <Text w={24} ta="right" fw={600}>
                    {index + 1}.
                  </Text>
                  <TextInput
                    aria-label={`Module ${index + 1}`}
                    value={module}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setModules((list) => list.map((m, i) => (i === index ? value : m)));
                    }}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Move module ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => moveModule(index, index - 1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Move module ${index + 1} down`}
                    disabled={index === modules.length - 1}
                    onClick={() => moveModule(index, index + 1)}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Remove module ${index + 1}`}
                    onClick={() => setModules((list) => list.filter((_, i) => i !== index))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              {err('curriculum') ? (
                <Text c="red.8" size="sm">
                  {err('curriculum')}
                </Text>
              ) : null}
              <Group>
                <Button variant="default" onClick={() => setModules((list) => [...list, ''])}>
                  Add a module
                </Button>
              </Group>
            </Stack>
          </Card>

          {onFields ? (
            <Alert color="red" variant="light" title="Not saved" role="alert">
              Check the highlighted {Object.keys(fieldErrors).length === 1 ? 'field' : 'fields'} above.
            </Alert>
          ) : null}
          <ProblemAlert
            error={onFields ? null : create.error}
            shownFields={clash ? SHOWN_FIELDS : SHOWN_FIELDS.filter((f) => f !== 'schedule')}
            {...(clash ? { title: 'Not saved: it clashes with the calendar' } : {})}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to="/schedule">
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create the series
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
