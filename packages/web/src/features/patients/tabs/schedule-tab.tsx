import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function ScheduleTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Schedule">
      Coming with scheduling: the patient's groups, individual and family sessions for the week.
    </TabPlaceholder>
  );
}
