import type { Kysely } from 'kysely';
import type { Rng } from '../prng.js';
import type { AnyDB, Inserter } from './insert.js';
import type { World } from './world.js';

export interface LoadContext {
  db: Kysely<AnyDB>;
  engine: 'pglite' | 'postgres';
  world: World;
  /** This loader's own random stream: other loaders' draws never shift it. */
  rng: Rng;
  insert: Inserter;
  /** Loaders that ran before this one (their rows exist). */
  loaded: ReadonlySet<string>;
  /** Values earlier loaders leave for later ones (e.g. ids of rows they created). */
  shared: Map<string, unknown>;
}

/**
 * One module's slice of the data set. A loader writes only its own module's tables; it is
 * skipped when any of `tables` does not exist yet (the module's migration has not landed).
 */
export interface Loader {
  name: string;
  /** The server module whose tables these are. */
  module: string;
  tables: string[];
  /** Loaders whose rows this one references; it is skipped when one of them did not run. */
  after: string[];
  load(ctx: LoadContext): Promise<void>;
}
