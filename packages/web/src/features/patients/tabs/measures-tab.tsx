import { MeasuresTab as Measures } from '../../measures/measures-tab';
import type { TabProps } from './tab-placeholder';

export function MeasuresTab(props: TabProps) {
  return <Measures patientId={props.patientId} />;
}
