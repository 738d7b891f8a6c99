/** The chart module: a read-only composition of the patient, episode, track and work queue. */
export { getChartHeader } from './get-chart-header.js';
