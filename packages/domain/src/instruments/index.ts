export {
  type ChangeResult,
  type ChangeSettings,
  classifyChange,
  RCI_CRITICAL_VALUE,
  type ReliableChange,
} from './change.js';
export { getInstrument, isInstrumentCode, listInstruments } from './registry.js';
export { scoreInstrument } from './score.js';
export {
  type AnswerOption,
  type Answers,
  type AskedWhen,
  type Band,
  type ChangeDefinition,
  type FlagRule,
  type FlagSeverity,
  INSTRUMENT_CODES,
  type InstrumentCode,
  type InstrumentDefinition,
  type InstrumentItem,
  type InstrumentPopulation,
  type ReliableChangeCriterion,
  type ResponseCriterion,
  type ScoreFlag,
  type ScoreResult,
  type ScoreSettings,
  type SettingDefinition,
  type SettingUsed,
  type SettingValue,
  type Subscale,
} from './types.js';
export { checkAnswers } from './validate-answers.js';
