import autocannon from 'autocannon';
import type { FloorQuery, RequestSpec, Requests } from './scenarios/types.js';

export interface Measurement {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** The first error's message, when there was one (floors). */
  errorSample?: string;
}

/** Collects every latency (ms) and answers percentiles exactly (nearest rank). */
export class Latencies {
  private values: number[] = [];
  statusCodes: Record<string, number> = {};
  errors = 0;
  errorSample: string | undefined;

  add(ms: number, status?: number) {
    this.values.push(ms);
    if (status !== undefined) this.statusCodes[status] = (this.statusCodes[status] ?? 0) + 1;
  }

  summarize(seconds: number): Measurement {
    const sorted = Float64Array.from(this.values).sort();
    const at = (p: number) =>
      sorted.length === 0
        ? 0
        : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
    const sum = this.values.reduce((a, b) => a + b, 0);
    const non2xx = Object.entries(this.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((n, [, c]) => n + c, 0);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      ...(this.errorSample ? { errorSample: this.errorSample } : {}),
      requests: sorted.length,
      seconds: round(seconds),
      rps: Math.round(sorted.length / Math.max(0.001, seconds)),
      p50: round(at(50)),
      p95: round(at(95)),
      p99: round(at(99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(sorted.length ? sum / sorted.length : 0),
      errors: this.errors,
      non2xx,
      statusCodes: this.statusCodes,
    };
  }
}

export function nextOf(requests: Requests): (i: number) => RequestSpec {
  if (typeof requests === 'function') return requests;
  if (requests.length === 0) throw new Error('a scenario gave no requests');
  return (i) => requests[i % requests.length] as RequestSpec;
}

export interface HttpLoad {
  baseUrl: string;
  headers: Record<string, string>;
  next: (i: number) => RequestSpec;
  connections: number;
  seconds: number;
}

/** A request counter shared by the slices of one scenario, so rotation continues across them. */
export interface Cursor {
  i: number;
}

/**
 * Runs autocannon for `seconds` with `connections` connections; every response's latency goes
 * into `into`. Returns the seconds it ran.
 */
export async function runHttp(load: HttpLoad, into: Latencies, cursor: Cursor = { i: 0 }): Promise<number> {
  const instance = autocannon({
    url: load.baseUrl,
    connections: load.connections,
    duration: load.seconds,
    timeout: 10,
    headers: load.headers,
    requests: [
      {
        setupRequest: (request) => {
          const spec = load.next(cursor.i++);
          const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
          return {
            ...request,
            method: spec.method ?? 'GET',
            path: spec.path,
            headers: {
              ...request.headers,
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...spec.headers,
            },
            ...(body !== undefined ? { body } : {}),
          };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    into.add(responseTime, statusCode);
  });
  const result = await instance;
  into.errors += result.errors;
  return result.duration;
}

/** Something that runs one parameterized query: a pg pool or a PGlite instance. */
export interface QueryRunner {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * The database floor: `connections` loops running the query back to back for `seconds`, timed
 * per query into `into`. Returns the seconds it ran.
 */
export async function runQuery(
  runner: QueryRunner,
  floor: FloorQuery,
  connections: number,
  seconds: number,
  into: Latencies,
  cursor: Cursor = { i: 0 },
): Promise<number> {
  const params = typeof floor.params === 'function' ? floor.params : () => floor.params as unknown[];
  const text = typeof floor.sql === 'function' ? floor.sql : () => floor.sql as string;
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const n = cursor.i++;
      try {
        await runner.query(text(n), params(n));
        into.add(performance.now() - t, 200);
      } catch (error) {
        into.add(performance.now() - t, 500);
        into.errorSample ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return (performance.now() - started) / 1000;
}
