import { parseArgs } from 'node:util';

export type EngineChoice = 'pglite' | 'postgres';

export interface BenchOptions {
  engine: EngineChoice;
  /** PostgreSQL only: the database the data set lives in. */
  databaseUrl: string | null;
  patients: number;
  seed: number;
  /** Seconds of measurement per scenario and per floor. */
  duration: number;
  /** Seconds of unmeasured warm-up before each measurement. */
  warmup: number;
  connections: number;
  scenarios: string[];
  fresh: boolean;
  /** PostgreSQL: count each route's SQL statements in a separate pass through a relay. */
  count: boolean;
  generateOnly: boolean;
  list: boolean;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/trellis_bench';

const HELP = `npm run bench -- [options]

  --db pglite|postgres   engine (default: postgres when DATABASE_URL is set, else pglite)
  --patients N           patients to generate (default 2000 on PGlite, 10000 on PostgreSQL)
  --seed N               seed of the data set (default 1)
  --duration S           seconds measured per scenario and per floor (default 3 on PGlite, 5 on PostgreSQL)
  --warmup S             unmeasured seconds before each measurement (default 1)
  --connections N        concurrent connections (default 10)
  --scenario NAME        run only this scenario (repeatable); the HTTP floor always runs
  --fresh                regenerate the data set even if one with the same seed and size exists
  --no-count             PostgreSQL: skip the pass that counts each route's SQL statements
  --generate-only        generate (or reuse) the data set and stop
  --list                 list the scenarios and stop

PostgreSQL: DATABASE_URL names the database (default ${DEFAULT_POSTGRES_URL});
it is created if missing. Its name must contain "bench": the generator fills it and --fresh drops it.
`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, not "${raw}".`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      db: { type: 'string' },
      patients: { type: 'string' },
      seed: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      fresh: { type: 'boolean', default: false },
      'no-count': { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const envUrl = env.DATABASE_URL?.trim() || null;
  const engine = (values.db ?? (envUrl ? 'postgres' : 'pglite')) as EngineChoice;
  if (engine !== 'pglite' && engine !== 'postgres') {
    throw new Error(`--db must be pglite or postgres, not "${values.db}".`);
  }
  const databaseUrl = engine === 'postgres' ? (envUrl ?? DEFAULT_POSTGRES_URL) : null;
  if (databaseUrl) {
    const name = new URL(databaseUrl).pathname.replace(/^\//, '');
    if (!/bench/i.test(name)) {
      throw new Error(
        `The benchmark fills and may drop its database, so its name must contain "bench" (DATABASE_URL names "${name}").`,
      );
    }
  }
  return {
    engine,
    databaseUrl,
    patients: positiveInt('patients', values.patients, engine === 'postgres' ? 10_000 : 2_000, 10),
    seed: positiveInt('seed', values.seed, 1, 0),
    duration: positiveInt('duration', values.duration, engine === 'postgres' ? 5 : 3),
    warmup: positiveInt('warmup', values.warmup, 1, 0),
    connections: positiveInt('connections', values.connections, 10),
    scenarios: values.scenario ?? [],
    fresh: values.fresh,
    count: engine === 'postgres' && !values['no-count'],
    generateOnly: values['generate-only'],
    list: values.list,
  };
}

export { HELP };
