/** The measures module as other modules may use it. */
export { administrationsOf } from './get-administrations.js';
