import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { SESSION_COOKIE } from '../http/session-hook.js';
import type { TestClock } from './clock.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: '/nonexistent', WEB_DIST_DIR: '/nonexistent' }),
    loginRateLimitPerMinute: 10_000,
    checkResponses: true,
    ...overrides,
  };
}

export function buildTestApp(database: Database, clock: TestClock, overrides: Partial<Config> = {}) {
  return buildApp({ config: testConfig(overrides), database, clock, logger: false });
}

type Body = InjectOptions['payload'];

/** A signed-in browser, in short: it keeps the session cookie and sends the CSRF token. */
export class Agent {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string,
    public csrfToken: string,
  ) {}

  async request(
    method: string,
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: method as 'GET',
      url,
      ...(body !== undefined ? { payload: body } : {}),
      headers: { cookie: `${SESSION_COOKIE}=${this.cookie}`, 'x-csrf-token': this.csrfToken, ...headers },
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: Body, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: Body, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body: Body, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

/** Signs in with a password; the result may still wait for a second factor. */
export async function signIn(app: FastifyInstance, email: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed with ${response.statusCode}: ${response.body}`);
  }
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('sign-in set no cookie');
  return { agent: new Agent(app, cookie, response.json().csrfToken), state: response.json() };
}

export async function signedIn(
  app: FastifyInstance,
  user: { email: string; password: string },
): Promise<Agent> {
  return (await signIn(app, user.email, user.password)).agent;
}
