import { TabPlaceholder, type TabProps } from './tab-placeholder';

export function AssessmentsTab(_props: TabProps) {
  return (
    <TabPlaceholder title="Assessments">
      Coming with the assessments module: the initial biopsychosocial assessment, ASAM dimensions and the
      level-of-care decision.
    </TabPlaceholder>
  );
}
