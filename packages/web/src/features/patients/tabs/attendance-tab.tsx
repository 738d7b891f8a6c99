import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function AttendanceTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Attendance">
      Coming with attendance: sessions attended, minutes, and weekly intensity against the track's minimum.
    </TabPlaceholder>
  );
}
