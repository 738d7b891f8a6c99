import path from 'node:path';

/**
 * The one place the environment is read. Everything else receives this frozen object.
 */
export interface Config {
  port: number;
  host: string;
  /** postgres://… when set; otherwise the embedded PGlite database in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Where the built web app lives; served when present. */
  webDistDir: string;
  /** Mark cookies Secure: set when Trellis is served behind TLS. */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  loginRateLimitPerMinute: number;
  /** Requests to send the public "Get started" form allowed per client address per minute. */
  publicFormRateLimitPerMinute: number;
  /** Load the synthetic demo organization into an empty database on start. */
  seedDemo: boolean;
  /**
   * Check every response against its zod schema (and the fast writer against zod) before it is
   * sent. The test harness sets it; production writes responses without validating them.
   */
  checkResponses: boolean;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL must start with postgres:// (or leave it unset for the embedded database).',
    );
  }
  return Object.freeze({
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'packages/web/dist')),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20),
    publicFormRateLimitPerMinute: Number(env.PUBLIC_FORM_RATE_LIMIT_PER_MINUTE ?? 5),
    seedDemo: env.TRELLIS_DEMO !== 'false',
    checkResponses: env.TRELLIS_CHECK_RESPONSES === 'true',
  });
}
