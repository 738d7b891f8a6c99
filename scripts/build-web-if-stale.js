#!/usr/bin/env node
// Builds the web app (vite build) only when its output is missing or older than its sources, so
// `npm start` stays quick after the first run. `--force` builds in any case (CI, releases).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'packages/web/dist/index.html');
const inputs = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/domain/src',
].map((p) => path.join(root, p));

/** The newest modification time under a file or folder (0 when it does not exist). */
function newestUnder(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a change of its folder
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestUnder(path.join(target, entry.name)));
  }
  return newest;
}

function staleReason() {
  if (process.argv.includes('--force')) return 'forced (--force)';
  if (!existsSync(output)) return 'no build yet';
  const built = statSync(output).mtimeMs;
  const changed = inputs.find((input) => newestUnder(input) > built);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

const reason = staleReason();
if (!reason) {
  console.warn('Web app is up to date (packages/web/dist); not rebuilding.');
  process.exit(0);
}
console.warn(`Building the web app: ${reason}.`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build', '-w', '@trellis/web'], { cwd: root, stdio: 'inherit' });
if (result.error) {
  console.error(`Could not run npm: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
