import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function PlanTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Treatment plan">
      Coming with the treatment plans module: problems, goals and interventions, signatures and reviews.
    </TabPlaceholder>
  );
}
