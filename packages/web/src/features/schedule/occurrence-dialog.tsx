import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../app/api-client';
import { ProblemAlert } from '../../ui/problem-alert';
import { whereOf, whoOf } from './calendar-grid';
import { addDays, dateOf, longDay, timeRange } from './calendar-layout';
import {
  type CalendarItem,
  type ChangeSeriesBody,
  type Series,
  useAppointment,
  useCancelAppointment,
  useChangeSeries,
  useClinicians,
  useRooms,
  useSeries,
} from './schedule-api';

type Action = 'cancel' | 'move' | 'substitute';
type Scope = 'occurrence' | 'following';

const STATUS_TEXT: Record<string, string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  moved: 'Moved from its usual time',
  completed: 'Held',
  no_show: 'Did not attend',
};

interface OccurrenceDialogProps {
  item: CalendarItem | null;
  /** May change group series (schedule.manage). */
  canManage: boolean;
  /** May cancel an individual or family session (appointment.manage). */
  canBook?: boolean;
  onClose(): void;
}

/** A session's details; for a group, and for people who run the calendar, the ways to change it. */
export function OccurrenceDialog({ item, canManage, canBook = false, onClose }: OccurrenceDialogProps) {
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={
        <Text fw={700} fz="lg">
          {item?.title ?? ''}
        </Text>
      }
      size="lg"
    >
      {item ? <Details item={item} /> : null}
      {item && item.type === 'appointment' && canBook && item.status === 'scheduled' ? (
        <CancelAppointment key={item.id} item={item} onDone={onClose} />
      ) : null}
      {item && item.type === 'group' && item.seriesId && canManage && item.status !== 'cancelled' ? (
        <ChangeForm key={item.id} item={item} seriesId={item.seriesId} onDone={onClose} />
      ) : null}
      {item && item.type === 'group' && item.status === 'cancelled' ? (
        <Alert color="gray" variant="light" mt="md">
          This session is cancelled. The rest of the series goes on as planned.
        </Alert>
      ) : null}
    </Modal>
  );
}

function Details({ item }: { item: CalendarItem }) {
  const rows: [string, string][] = [
    ['When', `${longDay(dateOf(item.start))}, ${timeRange(item.start, item.end)}`],
    ['Where', item.mode === 'virtual' ? 'Virtual (video)' : whereOf(item)],
    [item.type === 'group' ? 'Facilitators' : 'Clinician', whoOf(item)],
    [
      item.type === 'group' ? 'Enrolled' : 'Participants',
      item.capacity !== null
        ? `${item.participantCount} of ${item.capacity} places`
        : String(item.participantCount),
    ],
    ['Status', STATUS_TEXT[item.status] ?? item.status],
  ];
  if (item.module) rows.push(['Module', item.module]);
  if (item.participants?.length) rows.push(['Who', item.participants.map((p) => p.name).join(', ')]);
  return (
    <Stack gap={6} data-testid="occurrence-details">
      {rows.map(([label, value]) => (
        <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
          <Text w={110} c="dimmed" size="sm" style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text fw={500}>{value}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The body for the chosen change, its scope said out loud: one session, or this and the ones after. */
function bodyOf(
  action: Action,
  scope: Scope,
  date: string,
  series: Series,
  form: {
    reason: string;
    toDate: string;
    toStartTime: string;
    venue: string;
    absent: string;
    substitute: string;
  },
): ChangeSeriesBody {
  const venue =
    form.venue === 'virtual'
      ? ({ kind: 'virtual' } as const)
      : form.venue
        ? ({ kind: 'room', roomId: form.venue } as const)
        : undefined;
  if (scope === 'occurrence') {
    if (action === 'cancel') return { scope, date, change: { kind: 'cancel', reason: form.reason } };
    if (action === 'move')
      return {
        scope,
        date,
        change: {
          kind: 'move',
          toDate: form.toDate || date,
          toStartTime: form.toStartTime,
          ...(venue ? { venue } : {}),
          ...(form.reason ? { reason: form.reason } : {}),
        },
      };
    return {
      scope,
      date,
      change: {
        kind: 'substitute',
        absentFacilitatorId: form.absent,
        substituteFacilitatorId: form.substitute,
      },
    };
  }
  // This and the following sessions: cancelling them ends the series the day before.
  if (action === 'cancel') return { scope: 'series', changes: { endDate: addDays(date, -1) } };
  if (action === 'move')
    return { scope, from: date, changes: { startTime: form.toStartTime, ...(venue ? { venue } : {}) } };
  const facilitatorIds = [
    ...new Set(series.facilitatorIds.map((id) => (id === form.absent ? form.substitute : id))),
  ];
  return { scope, from: date, changes: { facilitatorIds } };
}

const VERB: Record<Action, [string, string]> = {
  cancel: ['Cancel this session', 'Cancel this and all following sessions'],
  move: ['Move this session', 'Move this and all following sessions'],
  substitute: ['Substitute for this session', 'Substitute from this session on'],
};

/** What was saved, in a sentence: "DBT Skills on Tuesday 8 Dec 2026 is cancelled." */
function doneText(
  action: Action,
  scope: Scope,
  item: CalendarItem,
  date: string,
  form: { toDate: string; toStartTime: string; substitute: string },
  clinicians: readonly { id: string; displayName: string }[],
): string {
  const day = longDay(date);
  const who = clinicians.find((c) => c.id === form.substitute)?.displayName ?? 'The substitute';
  if (scope === 'occurrence') {
    if (action === 'cancel') return `${item.title} on ${day} is cancelled; participants are told.`;
    if (action === 'move')
      return `${item.title} of ${day} now meets ${longDay(form.toDate || date)} at ${form.toStartTime}.`;
    return `${who} facilitates ${item.title} on ${day}.`;
  }
  if (action === 'cancel') return `${item.title} ends: its last session is the one before ${day}.`;
  if (action === 'move') return `${item.title} meets at ${form.toStartTime} from ${day} on.`;
  return `${who} facilitates ${item.title} from ${day} on.`;
}

function ChangeForm({ item, seriesId, onDone }: { item: CalendarItem; seriesId: string; onDone(): void }) {
  const series = useSeries(seriesId);
  const rooms = useRooms();
  const clinicians = useClinicians();
  const change = useChangeSeries();
  const date = item.id.split('/')[1] ?? dateOf(item.start);
  const [action, setAction] = useState<Action | null>(null);
  const [scope, setScope] = useState<Scope>('occurrence');
  const [form, setForm] = useState({
    reason: '',
    toDate: dateOf(item.start),
    toStartTime: item.start.slice(11, 16),
    venue: item.mode === 'virtual' ? 'virtual' : (item.room?.id ?? ''),
    absent: item.facilitators[0]?.id ?? '',
    substitute: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = () => {
    if (!series.data || !action) return;
    const body = bodyOf(action, scope, date, series.data, form);
    change.mutate(
      { id: seriesId, version: series.data.version, body },
      {
        onSuccess: (result) => {
          const dropped = result.droppedExceptions.length;
          notifications.show({
            color: 'teal',
            title: 'Schedule changed',
            message: `${doneText(action, scope, item, date, form, clinicians.data ?? [])}${
              dropped > 0
                ? ` ${dropped} earlier one-off change${dropped === 1 ? '' : 's'} no longer fit the new pattern and ${dropped === 1 ? 'was' : 'were'} dropped.`
                : ''
            }`,
          });
          onDone();
        },
      },
    );
  };

  const missing =
    !action ||
    (action === 'cancel' && scope === 'occurrence' && form.reason.trim() === '') ||
    (action === 'move' && !form.toStartTime) ||
    (action === 'substitute' && (!form.absent || !form.substitute));

  return (
    <Stack gap="md" mt="lg">
      <Divider label="Change this group" labelPosition="left" />
      <SegmentedControl
        aria-label="What to change"
        value={action ?? ''}
        onChange={(v) => {
          change.reset();
          setAction(v as Action);
        }}
        data={[
          { value: 'cancel', label: 'Cancel' },
          { value: 'move', label: 'Move' },
          { value: 'substitute', label: 'Substitute facilitator' },
        ]}
        fullWidth
      />
      {action ? (
        <Radio.Group
          label="Apply to"
          value={scope}
          onChange={(v) => {
            change.reset();
            setScope(v as Scope);
          }}
          description={`The session of ${longDay(date)} is the first one changed.`}
        >
          <Stack gap={6} mt={6}>
            <Radio value="occurrence" label="Only this session" />
            <Radio value="following" label="This and all following sessions" />
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm" c="dimmed">
          Choose what to change. You will then say whether it is only this session or this and all following
          sessions.
        </Text>
      )}

      {action === 'cancel' && scope === 'occurrence' ? (
        <Textarea
          label="Reason"
          description="Participants get a cancellation message; the reason stays on the schedule."
          placeholder="Facilitator ill, room flooded…"
          value={form.reason}
          onChange={(e) => set('reason')(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
      ) : null}
      {action === 'cancel' && scope === 'following' ? (
        <Alert color="orange" variant="light">
          The series ends: its last session is the one before {longDay(date)}. Sessions already held stay as
          they were.
        </Alert>
      ) : null}
      {action === 'move' ? (
        <Group gap="md" wrap="wrap" align="flex-start">
          {scope === 'occurrence' ? (
            <TextInput
              type="date"
              label="New date"
              value={form.toDate}
              onChange={(e) => set('toDate')(e.currentTarget.value)}
              w={180}
            />
          ) : null}
          <TextInput
            type="time"
            label={scope === 'occurrence' ? 'New start time' : 'New start time, every week'}
            value={form.toStartTime}
            onChange={(e) => set('toStartTime')(e.currentTarget.value)}
            w={180}
          />
          <Select
            label="Room"
            data={[
              { value: 'virtual', label: 'Virtual' },
              ...(rooms.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.capacity} places)` })),
            ]}
            value={form.venue || null}
            onChange={(v) => set('venue')(v ?? '')}
            w={240}
          />
        </Group>
      ) : null}
      {action === 'substitute' ? (
        <Group gap="md" wrap="wrap">
          <Select
            label="Who is away"
            data={item.facilitators.map((f) => ({ value: f.id, label: f.name }))}
            value={form.absent || null}
            onChange={(v) => set('absent')(v ?? '')}
            w={240}
          />
          <Select
            label="Who facilitates instead"
            searchable
            data={(clinicians.data ?? [])
              .filter((c) => !item.facilitators.some((f) => f.id === c.id))
              .map((c) => ({ value: c.id, label: c.displayName }))}
            value={form.substitute || null}
            onChange={(v) => set('substitute')(v ?? '')}
            w={240}
          />
        </Group>
      ) : null}

      <ProblemAlert
        error={change.error ?? series.error}
        shownFields={['schedule']}
        {...(change.error instanceof ApiError && change.error.status === 409 && !change.error.isStale
          ? { title: 'Not changed: it clashes' }
          : {})}
      />
      {action ? (
        <Group justify="flex-end">
          <Button
            color={action === 'cancel' ? 'red' : 'trellis'}
            onClick={submit}
            loading={change.isPending}
            disabled={missing || !series.data}
          >
            {VERB[action][scope === 'occurrence' ? 0 : 1]}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** An individual or family session is cancelled with a reason; moving one is a new booking. */
function CancelAppointment({ item, onDone }: { item: CalendarItem; onDone(): void }) {
  const appointment = useAppointment(item.id);
  const cancel = useCancelAppointment();
  const [reason, setReason] = useState('');
  const submit = () => {
    if (!appointment.data) return;
    cancel.mutate(
      { id: item.id, version: appointment.data.version, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Session cancelled',
            message: `${item.title} of ${longDay(dateOf(item.start))} is cancelled.`,
          });
          onDone();
        },
      },
    );
  };
  return (
    <Stack gap="md" mt="lg">
      <Divider label="Cancel this session" labelPosition="left" />
      <Textarea
        label="Reason"
        placeholder="Participant unwell, clinician away…"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
      <ProblemAlert error={cancel.error ?? appointment.error} shownFields={[]} />
      <Group justify="flex-end">
        <Button
          color="red"
          onClick={submit}
          loading={cancel.isPending}
          disabled={reason.trim() === '' || !appointment.data}
        >
          Cancel this session
        </Button>
      </Group>
    </Stack>
  );
}
