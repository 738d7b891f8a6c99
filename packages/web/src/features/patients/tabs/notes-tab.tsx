import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function NotesTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Notes">
      Coming with the notes module: group, individual and family notes and their addenda.
    </TabPlaceholder>
  );
}
