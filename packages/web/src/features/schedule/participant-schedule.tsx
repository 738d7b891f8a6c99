import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { todayIso } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useChartHeader } from '../patients/patients-api';
import { BookSessionModal } from './book-session-modal';
import { Agenda, TimeGrid } from './calendar-grid';
import { addDays, isoWeekday, rangeLabel, weekDates } from './calendar-layout';
import { EnrollmentCard } from './enrollment-card';
import { OccurrenceDialog } from './occurrence-dialog';
import { type CalendarItem, useCalendar, useTracks } from './schedule-api';

const OPEN = new Set(['pending', 'active', 'on_hold']);

/** The chart's Schedule tab: the participant's days in the groups, their week, and booking a session. */
export function ParticipantSchedule({ patientId }: { patientId: string }) {
  const user = useUser();
  const chart = useChartHeader(patientId);
  const tracks = useTracks();
  const [bookOpen, setBookOpen] = useState(false);
  const episode = chart.data?.episode;
  const open = episode && OPEN.has(episode.status) ? episode : null;
  const canSeeEnrollment = userCan(user, 'episode.read');
  const canEnroll = userCan(user, 'episode.manage');
  const canBook = userCan(user, 'appointment.manage');
  const name = chart.data?.patient.displayName ?? '';
  const locationId = tracks.data?.find((t) => t.id === open?.trackId)?.locationId;

  if (chart.error) return <ProblemAlert error={chart.error} />;
  if (!chart.data) return <Skeleton h={300} />;
  return (
    <Stack gap="lg">
      {open && canSeeEnrollment ? (
        <EnrollmentCard episode={open} canManage={canEnroll} />
      ) : (
        <Card withBorder padding="lg">
          <Text>
            {open
              ? 'Your role does not show the enrollment.'
              : 'No open episode of care: nothing to enroll in.'}
          </Text>
        </Card>
      )}
      <ParticipantWeek
        patientId={patientId}
        canBook={canBook}
        action={
          canBook ? (
            <Button variant="default" onClick={() => setBookOpen(true)}>
              Book a session
            </Button>
          ) : null
        }
      />
      {canBook ? (
        <BookSessionModal
          opened={bookOpen}
          onClose={() => setBookOpen(false)}
          patientId={patientId}
          patientName={name}
          clinicianId={open?.primaryClinician?.id}
          locationId={locationId}
        />
      ) : null}
    </Stack>
  );
}

function ParticipantWeek({
  patientId,
  action,
  canBook,
}: {
  patientId: string;
  action: ReactNode;
  canBook: boolean;
}) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [date, setDate] = useState(todayIso());
  const calendar = useCalendar('week', date, 'patientId', patientId);
  const [item, setItem] = useState<CalendarItem | null>(null);
  const items = calendar.data?.items ?? [];
  let days = weekDates(date);
  if (!items.some((i) => isoWeekday(i.start.slice(0, 10)) >= 6)) days = days.slice(0, 5);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="participant-week">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg" id="participant-week">
            Week of {rangeLabel(days[0] ?? date, days.at(-1) ?? date)}
          </Title>
          <Anchor component={Link} to={`/schedule?patientId=${patientId}&date=${date}`} size="sm">
            Open in the schedule
          </Anchor>
        </div>
        <Group gap="xs">
          <Button variant="default" size="sm" onClick={() => setDate(addDays(date, -7))}>
            Previous week
          </Button>
          <Button variant="default" size="sm" onClick={() => setDate(todayIso())}>
            This week
          </Button>
          <Button variant="default" size="sm" onClick={() => setDate(addDays(date, 7))}>
            Next week
          </Button>
          {action}
        </Group>
      </Group>
      <ProblemAlert error={calendar.error} title="The week could not be loaded" />
      {calendar.isPending ? (
        <Skeleton h={360} />
      ) : phone ? (
        <Agenda days={days} items={items} onOpen={setItem} />
      ) : (
        <TimeGrid days={days} items={items} today={todayIso()} onOpen={setItem} />
      )}
      <OccurrenceDialog item={item} canManage={false} canBook={canBook} onClose={() => setItem(null)} />
    </Card>
  );
}
