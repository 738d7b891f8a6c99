#!/usr/bin/env node
// Runs the server's integration suite on PostgreSQL instead of the embedded PGlite.
//
//   npm run test:pg                                  # postgres://postgres@127.0.0.1:5432/postgres
//   TEST_DATABASE_URL=postgres://u:p@host/db npm run test:pg
//   npm run test:pg -- --reporter=json --outputFile=out.json   # extra args go to Vitest
//
// The URL names a server and a role allowed to create databases: the suite's global setup
// creates a migrated template database, every test file copies it into its own database, and
// all of them are dropped at the end. Nothing is written to the database the URL names.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const url = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_URL;
const root = path.resolve(import.meta.dirname, '..');

function redact(value) {
  return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Fails fast with a message a person can act on, instead of every test file timing out. */
function checkReachable(target) {
  let parsed;
  try {
    parsed = new URL(target);
  } catch {
    return Promise.reject(new Error(`TEST_DATABASE_URL is not a URL: ${redact(target)}`));
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    return Promise.reject(new Error('TEST_DATABASE_URL must start with postgres://'));
  }
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 5432);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`PostgreSQL at ${host}:${port} did not answer within 5 s.`));
    });
    socket.once('error', (error) => reject(new Error(`PostgreSQL at ${host}:${port}: ${error.message}.`)));
  });
}

try {
  await checkReachable(url);
} catch (error) {
  console.error(`test:pg: ${error.message}`);
  console.error(
    'Start PostgreSQL (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start) ' +
      'or point TEST_DATABASE_URL at one.',
  );
  process.exit(1);
}

console.error(`test:pg: server suite on ${redact(url)}`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--project', 'server', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`test:pg: could not start Vitest: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
