import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the OS picks it, we close and hand it to the server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port found.'))));
    });
  });
}

/** The same step as `npm start`: build packages/web/dist only when its sources changed. */
export function buildWebIfStale(): void {
  const result = spawnSync(process.execPath, ['scripts/build-web-if-stale.js'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Building the web app failed:\n${result.stdout}\n${result.stderr}`);
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${log()}`);
}

/**
 * Starts `trellis serve` as a child process on a free port with a fresh data folder: an embedded
 * PGlite database, migrated and seeded with the demo organization on first start. With
 * E2E_DATABASE_URL set, it runs against that PostgreSQL database instead.
 */
export async function startServer(): Promise<TestServer> {
  buildWebIfStale();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'trellis-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    TRELLIS_DEMO: 'true',
    // Every response the journeys see is also checked against its schema (as in the server suite).
    TRELLIS_CHECK_RESPONSES: 'true',
  };
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const child = spawn(process.execPath, ['packages/server/bin/trellis.js', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the last lines only, to explain a failed start.
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => lines.join('\n'), 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
