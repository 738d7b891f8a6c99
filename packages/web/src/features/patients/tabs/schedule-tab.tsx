import { Stack } from '@mantine/core';
import { userCan } from '../../../app/navigation';
import { useUser } from '../../../app/session';
import { CalendarFeedCard } from '../../schedule/calendar-feed-card';
import { ParticipantSchedule } from '../../schedule/participant-schedule';
import type { TabProps } from './tab-placeholder';

export function ScheduleTab(props: TabProps) {
  const user = useUser();
  return (
    <Stack gap="lg">
      <ParticipantSchedule patientId={props.patientId} />
      {userCan(user, 'patient.read') && userCan(user, 'schedule.read') ? (
        <CalendarFeedCard owner="participant" subjectId={props.patientId} whose="The participant" />
      ) : null}
    </Stack>
  );
}
