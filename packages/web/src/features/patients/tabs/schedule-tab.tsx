import { ParticipantSchedule } from '../../schedule/participant-schedule';
import type { TabProps } from './tab-placeholder';

export function ScheduleTab(props: TabProps) {
  return <ParticipantSchedule patientId={props.patientId} />;
}
