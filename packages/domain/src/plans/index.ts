// Treatment plan rules: validation, version states and signatures, deadlines, version diff,
// the thread to the schedule, and the starter template library. Pure: dates come in as arguments.
export * from './model.js';
