export {
  type ChangeResult,
  type ChangeSettings,
  classifyChange,
  RCI_CRITICAL_VALUE,
  type ReliableChange,
} from './change.js';
export { getInstrument, isInstrumentCode, listInstruments } from './registry.js';
export { scoreInstrument } from './score.js';
export * from './types.js';
export { checkAnswers } from './validate-answers.js';
