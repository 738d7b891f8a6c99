import { PlanTab as Plan } from '../../plans/plan-tab';
import type { TabProps } from './tab-placeholder';

export function PlanTab(props: TabProps) {
  return <Plan patientId={props.patientId} />;
}
