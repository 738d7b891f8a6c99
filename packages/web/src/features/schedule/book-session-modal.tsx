import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { todayIso } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { addDays, dateOf, longDay, shortDay, timeRange } from './calendar-layout';
import { APPOINTMENT_KIND_LABELS } from './labels';
import {
  type Slot,
  type SlotSearch,
  useBookAppointment,
  useClinicians,
  useRooms,
  useSlots,
} from './schedule-api';

interface BookSessionModalProps {
  opened: boolean;
  onClose(): void;
  patientId: string;
  patientName: string;
  /** The clinician to propose first: the primary clinician. */
  clinicianId?: string | undefined;
  /** The location of the participant's track: its clock reads a virtual session's times. */
  locationId?: string | undefined;
}

type Kind = 'individual' | 'family';

/** Enough choice per day to read at a glance; the days after show what else is free. */
const SLOTS_PER_DAY = 6;

/**
 * Book an individual or family session from the times the slot finder proposes: the clinician's
 * working hours, the room, the participant's groups and their stated availability are respected.
 * A clash found at booking (someone booked first) is shown in the server's words.
 */
export function BookSessionModal(props: BookSessionModalProps) {
  const { opened, onClose, patientId, patientName } = props;
  const clinicians = useClinicians(opened);
  const rooms = useRooms(opened);
  const book = useBookAppointment();
  const [kind, setKind] = useState<Kind>('individual');
  const [clinicianId, setClinicianId] = useState<string | null>(props.clinicianId ?? null);
  const [duration, setDuration] = useState<number | string>(50);
  const [venue, setVenue] = useState<string>('virtual');
  const [from, setFrom] = useState(todayIso());
  const [search, setSearch] = useState<SlotSearch | null>(null);
  const slots = useSlots(search);

  useEffect(() => {
    if (!clinicianId && props.clinicianId) setClinicianId(props.clinicianId);
  }, [props.clinicianId, clinicianId]);

  const roomsHere = (rooms.data ?? []).filter((r) => !props.locationId || r.locationId === props.locationId);
  const find = () => {
    if (!clinicianId) return;
    book.reset();
    setSearch({
      clinicianId,
      patientId,
      duration: Number(duration) || 50,
      from,
      to: addDays(from, 13),
      roomId: venue === 'virtual' ? undefined : venue,
    });
  };

  const choose = (slot: Slot) => {
    if (!clinicianId || !search) return;
    book.mutate(
      {
        kind,
        clinicianId,
        participantIds: [patientId],
        date: dateOf(slot.start),
        startTime: slot.start.slice(11, 16),
        durationMinutes: search.duration,
        venue: venue === 'virtual' ? { kind: 'virtual' } : { kind: 'room', roomId: venue },
        ...(venue === 'virtual' && props.locationId ? { locationId: props.locationId } : {}),
      },
      {
        onSuccess: (appointment) => {
          notifications.show({
            color: 'teal',
            title: `${APPOINTMENT_KIND_LABELS[appointment.kind] ?? 'Session'} booked`,
            message: `${patientName}, ${longDay(dateOf(appointment.start))} ${timeRange(appointment.start, appointment.end)}.`,
          });
          setSearch(null);
          onClose();
        },
        // The time was free when proposed; look again so the list shows what is free now.
        onError: () => void slots.refetch(),
      },
    );
  };

  const clash = book.error instanceof ApiError && book.error.status === 409;
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots.data?.items ?? []) {
    const day = dateOf(slot.start);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Book a session for ${patientName}`} size="xl">
      <Stack gap="md">
        <SegmentedControl
          aria-label="Kind of session"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'individual', label: 'Individual' },
            { value: 'family', label: 'Family' },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Clinician"
            searchable
            data={(clinicians.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
            value={clinicianId}
            onChange={setClinicianId}
          />
          <Select
            label="Where"
            data={[
              { value: 'virtual', label: 'Virtual (video)' },
              ...roomsHere.map((r) => ({ value: r.id, label: r.name })),
            ]}
            value={venue}
            onChange={(v) => setVenue(v ?? 'virtual')}
            allowDeselect={false}
          />
          <NumberInput
            label="Length (minutes)"
            min={5}
            max={480}
            step={5}
            value={duration}
            onChange={setDuration}
          />
          <TextInput
            type="date"
            label="From"
            description="Looks two weeks ahead from this day."
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group>
          <Button onClick={find} disabled={!clinicianId} loading={slots.isFetching}>
            Find free times
          </Button>
        </Group>

        <ProblemAlert
          error={book.error}
          shownFields={['schedule']}
          {...(clash ? { title: 'Not booked: that time clashes' } : {})}
        />
        <ProblemAlert error={slots.error} title="Free times could not be found" />
        {search && slots.data && slots.data.items.length === 0 ? (
          <Alert color="orange" variant="light">
            No free time in these two weeks for this clinician, room and participant. Try another clinician,
            room or a later start.
          </Alert>
        ) : null}
        {byDay.size > 0 ? (
          <Stack gap="sm" aria-label="Proposed times" data-testid="proposed-slots">
            <Text size="sm" c="dimmed">
              Free for the clinician{venue === 'virtual' ? '' : ', the room'} and {patientName} (their groups
              and stated availability). Times in {slots.data?.timeZone}. Choose one to book it.
            </Text>
            {[...byDay.entries()].map(([day, list]) => {
              // Times on the hour and half hour first: what people book; the rest stay one search away.
              const round = list.filter((slot) => ['00', '30'].includes(slot.start.slice(14, 16)));
              const shown = (round.length >= 3 ? round : list).slice(0, SLOTS_PER_DAY);
              return (
                <Group key={day} gap="xs" wrap="wrap" align="center">
                  <Text fw={600} w={110} style={{ whiteSpace: 'nowrap' }}>
                    {shortDay(day)}
                  </Text>
                  {shown.map((slot) => (
                    <Button
                      key={slot.startUtc}
                      variant="light"
                      size="sm"
                      onClick={() => choose(slot)}
                      loading={book.isPending && book.variables?.startTime === slot.start.slice(11, 16)}
                    >
                      {timeRange(slot.start, slot.end)}
                    </Button>
                  ))}
                  {list.length > shown.length ? (
                    <Text size="sm" c="dimmed">
                      and {list.length - shown.length} other times
                    </Text>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        ) : null}
      </Stack>
    </Modal>
  );
}
