import { DomainError } from '../errors.js';
import { audit } from './definitions/audit.js';
import { auditC } from './definitions/audit-c.js';
import { cssrsScreener } from './definitions/cssrs-screener.js';
import { dast10 } from './definitions/dast10.js';
import { gad7 } from './definitions/gad7.js';
import { mdq } from './definitions/mdq.js';
import { pcl5 } from './definitions/pcl5.js';
import { phq9 } from './definitions/phq9.js';
import { phqa } from './definitions/phqa.js';
import {
  INSTRUMENT_CODES,
  type InstrumentCode,
  type InstrumentDefinition,
  type InstrumentModule,
} from './types.js';

const MODULES: Readonly<Record<InstrumentCode, InstrumentModule>> = {
  phq9,
  phqa,
  gad7,
  pcl5,
  audit,
  'audit-c': auditC,
  dast10,
  'cssrs-screener': cssrsScreener,
  mdq,
};

// Definitions are shared by every caller; freezing them stops one caller's edit leaking into another's score.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
for (const module of Object.values(MODULES)) deepFreeze(module.definition);

export function isInstrumentCode(code: string): code is InstrumentCode {
  return (INSTRUMENT_CODES as readonly string[]).includes(code);
}

/** The module (definition and rules) for a code; throws not_found for an unknown one. */
export function instrumentModule(code: string): InstrumentModule {
  if (!isInstrumentCode(code)) {
    throw new DomainError(
      'not_found',
      `There is no instrument "${code}". Use one of: ${INSTRUMENT_CODES.join(', ')}.`,
      [{ field: 'instrumentCode', message: `Unknown instrument "${code}".` }],
    );
  }
  return MODULES[code];
}

/** Every instrument definition, in a stable order. */
export function listInstruments(): readonly InstrumentDefinition[] {
  return INSTRUMENT_CODES.map((code) => MODULES[code].definition);
}

export function getInstrument(code: string): InstrumentDefinition {
  return instrumentModule(code).definition;
}
