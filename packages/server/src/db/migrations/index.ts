import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as extensions from './0002-extensions.js';
import * as programs from './0004-programs.js';
import * as patients from './0005-patients.js';

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-extensions': extensions,
  '0004-programs': programs,
  '0005-patients': patients,
};
