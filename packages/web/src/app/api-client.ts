import type { Problem } from './types';

/** A failed API call, carrying the RFC 9457 problem the server sent (or one made up here). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem & { current?: unknown };

  constructor(problem: Problem & { current?: unknown }) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** A stale write: someone else saved first. `current` is the record as it is now. */
  get isStale(): boolean {
    return this.status === 409 && this.problem.current !== undefined;
  }

  /** Messages by form field (`roles.0` is shown on `roles`), first message per field. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.problem.errors ?? []) {
      const key = field.split('.')[0] ?? field;
      out[key] ??= message;
    }
    return out;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The version of the record as read: sent as If-Match on every update. */
  version?: number;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /**
   * Sign-in steps answer 401 for a wrong password or code: that is an answer to show, not a
   * session that ended. Set false there so the global "session ended" handling stays out.
   */
  sessionEndsOn401?: boolean;
}

let csrfToken: string | null = null;
let lastActivity = Date.now();
let sessionEndedHandler: ((problem: Problem) => void) | null = null;

/** The CSRF token from the latest SessionState; sent on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session provider: what to do when a call finds the session gone. */
export function onSessionEnded(handler: ((problem: Problem) => void) | null): void {
  sessionEndedHandler = handler;
}

/** Runs the "session ended" handling for a 401 that a caller has recognised as such. */
export function reportSessionEnded(problem: Problem): void {
  sessionEndedHandler?.(problem);
}

/** When the server last saw this browser: every call resets its idle timer. */
export function lastActivityAt(): number {
  return lastActivity;
}

const UNREACHABLE: Problem = {
  type: 'about:blank',
  title: 'Trellis could not be reached',
  status: 0,
  detail: 'Trellis could not be reached. Check your network connection and try again; nothing was saved.',
};

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function problemOf(response: Response): Promise<Problem & { current?: unknown }> {
  try {
    const body = (await response.json()) as Partial<Problem> & { current?: unknown };
    if (typeof body.detail === 'string') {
      return { type: 'about:blank', title: 'Error', ...body, status: response.status, detail: body.detail };
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a plain message.
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: `Trellis answered with an error (${response.status}). Try again; if it keeps happening, tell your administrator.`,
  };
}

/** Calls the Trellis API. Resolves with the parsed JSON body; rejects with an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(UNREACHABLE);
  }
  lastActivity = Date.now();

  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && options.sessionEndsOn401 !== false) sessionEndedHandler?.(problem);
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
