import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';

const bin = path.resolve(import.meta.dirname, '../../bin/trellis.js');
let dataDir: string;

/** The CLI as an operator runs it, against a fresh embedded database folder. */
function trellis(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
        timeout: 170_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// Each test starts real `trellis` processes (about 1–2 s each, more on a busy machine).
describe('trellis CLI', { timeout: 180_000 }, () => {
  it('has --help for every command', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['seed'], ['user', 'create'], ['audit', 'verify']]) {
      const result = await trellis([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: trellis/);
    }
  });

  it('seeds the demo, creates a user, and verifies the audit chain; a tampered event is named', async () => {
    const seeded = await trellis(['seed', '--demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/admin@cedargrove\.example/);

    const created = await trellis([
      'user',
      'create',
      '--email',
      'ops@cli.example',
      '--name',
      'Ops Person',
      '--role',
      'director',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Password: \S{12,}/);
    const rejected = await trellis(['user', 'create', '--email', 'nope', '--name', 'X', '--role', 'wizard']);
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toMatch(/email/);
    expect(rejected.stderr).not.toMatch(/\n\s+at /);

    const intact = await trellis(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact/);

    const target = await withDatabase(async (db) => {
      const row = await db
        .selectFrom('audit_event')
        .select(['id', 'seq'])
        .orderBy('seq')
        .offset(3)
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`alter table audit_event disable trigger audit_event_no_update_or_delete`.execute(db);
      await sql`update audit_event set action = 'nothing.to.see' where id = ${row.id}`.execute(db);
      await sql`alter table audit_event enable trigger audit_event_no_update_or_delete`.execute(db);
      return row;
    });
    const broken = await trellis(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(target.id);
    expect(broken.stderr).toMatch(/content was changed/);
  });

  it('refuses to serve a schema written by a newer Trellis', async () => {
    await withDatabase((db) =>
      sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', now())`.execute(db),
    );
    const result = await trellis(['serve'], { PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/schema is newer than this Trellis.*9999-from-the-future/);
    await withDatabase((db) =>
      sql`delete from kysely_migration where name = '9999-from-the-future'`.execute(db),
    );
  });

  it('says plainly when PostgreSQL cannot be reached, without a stack trace', async () => {
    const result = await trellis(['serve'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/trellis' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Cannot reach PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/trellis/,
    );
    expect(result.stderr).not.toMatch(/secret/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('serves, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let healthy = false;
    for (let i = 0; i < 120 && !healthy; i++) {
      await new Promise((r) => setTimeout(r, 250));
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
    }
    expect(healthy).toBe(true);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', db: 'pglite' });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
