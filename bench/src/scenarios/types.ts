import type { StaffRole } from '@trellis/domain';
import type { Rng } from '../prng.js';

/** One HTTP request of a scenario; the runner adds the session cookie and CSRF token. */
export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A fixed list the runner cycles through, or the i-th request made on demand. */
export type Requests = RequestSpec[] | ((i: number) => RequestSpec);

/** The same rows fetched by plain SQL: the database floor of a read scenario. */
export interface FloorQuery {
  /** One statement; a function when the text varies with the request (as the server's does). */
  sql: string | ((i: number) => string);
  params: unknown[] | ((i: number) => unknown[]);
}

export interface BenchUser {
  id: string;
  email: string;
  roles: StaffRole[];
}

/** What scenarios know about the data set: read from the database before the server starts. */
export interface ScenarioContext {
  engine: 'pglite' | 'postgres';
  /** The data set's "today" (YYYY-MM-DD). */
  anchor: string;
  organization: { id: string; name: string; slug: string };
  /** The bench account of each role in the organization (bench.<role>@<slug>.example). */
  users: Record<StaffRole, BenchUser>;
  tables: ReadonlySet<string>;
  /** A plain query against the data set (setup only; not timed). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A random stream of this scenario's own. */
  rng: Rng;
}

export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  /** What a person is doing, in the clinic's words. */
  title: string;
  /** Whom the runner signs in as. */
  role: StaffRole;
  /** The route as OpenAPI names it ("GET /api/v1/patients/{id}/chart"): absent means "not yet available". */
  route: string;
  /** Tables the scenario's data lives in: missing ones also mean "not yet available". */
  tables?: string[];
  /** Returns null with a reason when the data set has nothing to ask for. */
  setup(ctx: ScenarioContext): Promise<Requests | { unavailable: string }>;
  floorSql?(ctx: ScenarioContext): Promise<FloorQuery>;
}

/** Cycles through a list, starting at a different place for each call of the generator. */
export function rotate<T>(items: readonly T[]): (i: number) => T {
  if (items.length === 0) throw new Error('nothing to rotate through');
  return (i) => items[i % items.length] as T;
}
