import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function DocumentsTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Documents">
      Coming later: uploaded documents such as referrals, releases and outside records.
    </TabPlaceholder>
  );
}
