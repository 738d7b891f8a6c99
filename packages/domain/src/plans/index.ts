// Treatment plan rules: validation, version states and signatures, deadlines, version diff,
// reviews, the thread to the schedule, and the starter template library. Pure: dates and ids
// come in as arguments.
export * from './content.js';
export * from './diff.js';
export * from './due.js';
export * from './model.js';
export * from './review.js';
export * from './schedule-thread.js';
export * from './states.js';
export * from './templates.js';
export * from './validate.js';
