/** The measures module as other modules (and the demo seed) may use it. */
export { enterAdministration } from './enter-administration.js';
export { administrationsOf } from './get-administrations.js';
export { getMeasureSchedule, saveMeasureSchedule } from './schedule.js';
