import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DataTarget, REPO_ROOT } from './target.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Samples the server's resident memory every 200 ms; peaks overall and since the last mark. */
export class MemorySampler {
  peakRssKb = 0;
  hwmKb = 0;
  windowPeakKb = 0;
  private timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
    this.sample();
  }

  sample() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.peakRssKb = Math.max(this.peakRssKb, rss);
      this.windowPeakKb = Math.max(this.windowPeakKb, rss);
      this.hwmKb = Math.max(this.hwmKb, hwm);
    } catch {
      // The process ended, or there is no /proc (not Linux): nothing to sample.
    }
  }

  /** Peak RSS (MB) since the previous call. */
  windowPeakMb(): number {
    this.sample();
    const peak = this.windowPeakKb;
    this.windowPeakKb = 0;
    return Math.round(peak / 1024);
  }

  stop() {
    clearInterval(this.timer);
  }
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  memory: MemorySampler;
  stop(): Promise<void>;
}

/** Starts `trellis serve` on a free port of 127.0.0.1 against the data set and waits until it answers. */
export async function startServer(target: DataTarget): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TRELLIS_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  };
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = target.dataDir ?? undefined;
  }
  // BENCH_PROFILE_DIR=/some/dir: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, path.join(REPO_ROOT, 'packages/server/bin/trellis.js'), 'serve'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== null) throw new Error(`The server stopped (exit ${exited}) before answering:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 90 s:\n${output}`);
    }
    await sleep(200);
  }
  const pid = child.pid as number;
  const memory = new MemorySampler(pid);
  return {
    baseUrl,
    pid,
    memory,
    async stop() {
      memory.stop();
      if (exited !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = sleep(10_000).then(() => {
        if (exited === null) child.kill('SIGKILL');
      });
      await Promise.race([done, timeout]);
    },
  };
}
