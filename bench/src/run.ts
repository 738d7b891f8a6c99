import os from 'node:os';
import path from 'node:path';
import type { StaffRole } from '@trellis/domain';
import { buildContext } from './context.js';
import { type DirectDb, openDirect } from './direct.js';
import { ensureDataSet } from './generate/index.js';
import { consoleLog } from './log.js';
import { type Measurement, measureHttp, measureQuery, nextOf } from './measure.js';
import { HELP, parseOptions } from './options.js';
import {
  describeMachine,
  judge,
  markdownTable,
  type RunReport,
  type ScenarioResult,
  updatePerformanceDoc,
  writeResults,
} from './report.js';
import { SCENARIOS } from './scenarios/index.js';
import type { FloorQuery, RequestSpec, Scenario, ScenarioContext } from './scenarios/types.js';
import { type RunningServer, startServer } from './server.js';
import { type SignedIn, servedRoutes, signIn } from './session.js';
import { ensureTarget, REPO_ROOT, targetOf } from './target.js';

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const options = parsed;
  const log = consoleLog();

  if (options.list) {
    for (const s of SCENARIOS)
      log.line(`${s.name.padEnd(26)} ${s.kind.padEnd(6)} ${s.route.padEnd(44)} ${s.title}`);
    process.exit(0);
  }
  const unknown = options.scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`No scenario named ${unknown.join(', ')}. Run with --list to see them.\n`);
    process.exit(2);
  }

  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const target = targetOf(options);
  log.line(`Trellis benchmark: ${target.label}, ${options.patients} patients, seed ${options.seed}.`);
  await ensureTarget(target);
  const before = Date.now();
  const manifest = await ensureDataSet(
    target,
    { seed: options.seed, patients: options.patients, fresh: options.fresh },
    log,
  );
  const reused = Date.now() - before < 1000 * Math.max(1, manifest.seconds) * 0.5;
  if (options.generateOnly) process.exit(0);

  // The HTTP floor always runs: every other scenario is compared with it.
  const chosen = SCENARIOS.filter(
    (s, i) => i === 0 || options.scenarios.length === 0 || options.scenarios.includes(s.name),
  );

  interface Prepared {
    scenario: Scenario;
    result: ScenarioResult;
    next?: (i: number) => RequestSpec;
    floor?: FloorQuery;
  }

  const direct: DirectDb = await openDirect(target, options.connections);
  const engineVersion =
    (await direct.rows<{ version: string }>('select version() as version'))[0]?.version ?? '';
  const contextFor = await buildContext(direct, manifest.anchor, options.seed);

  const prepared: Prepared[] = [];
  for (const scenario of chosen) {
    const result: ScenarioResult = {
      name: scenario.name,
      title: scenario.title,
      kind: scenario.kind,
      role: scenario.role,
      route: scenario.route,
      status: 'measured',
    };
    const item: Prepared = { scenario, result };
    prepared.push(item);
    const ctx: ScenarioContext = contextFor(scenario.name);
    const missing = (scenario.tables ?? []).filter((t) => !ctx.tables.has(t));
    if (missing.length > 0) {
      Object.assign(result, { status: 'unavailable', reason: `no table ${missing.join(', ')} yet` });
      continue;
    }
    try {
      const requests = await scenario.setup(ctx);
      if ('unavailable' in requests) {
        Object.assign(result, { status: 'unavailable', reason: requests.unavailable });
        continue;
      }
      item.next = nextOf(requests);
      if (scenario.kind === 'read' && scenario.floorSql)
        item.floor = await scenario.floorSql(contextFor(scenario.name));
    } catch (error) {
      Object.assign(result, { status: 'failed', reason: `setup: ${(error as Error).message}` });
    }
  }

  const floorOf = async (item: Prepared): Promise<Measurement | undefined> => {
    if (!item.floor || item.result.status !== 'measured') return undefined;
    if (options.warmup > 0) await measureQuery(direct, item.floor, options.connections, options.warmup);
    const floor = await measureQuery(direct, item.floor, options.connections, options.duration);
    log.line(
      `  ${item.scenario.name.padEnd(26)} DB floor ${String(floor.rps).padStart(6)} req/s  p50 ${floor.p50} ms  p99 ${floor.p99} ms` +
        (floor.errorSample ? `  (error: ${floor.errorSample})` : ''),
    );
    return floor;
  };

  // PGlite is one process's database: time its floors now, then hand the folder to the server.
  if (direct.engine === 'pglite') {
    log.line('Database floors (PGlite, before the server opens the data folder):');
    for (const item of prepared) item.result.floor = await floorOf(item);
    await direct.close();
  }

  let server: RunningServer | null = null;
  try {
    log.line('Starting the server …');
    server = await startServer(target);
    const routes = await servedRoutes(server.baseUrl);
    const sessions = new Map<StaffRole, SignedIn>();
    const users = contextFor('sign-in').users;
    log.line(`Server ${server.baseUrl} (pid ${server.pid}); measuring ${options.duration} s per scenario:`);
    server.memory.windowPeakMb();
    for (const item of prepared) {
      const { scenario, result } = item;
      if (result.status !== 'measured' || !item.next) {
        log.line(
          `  ${scenario.name.padEnd(26)} ${result.status === 'unavailable' ? 'not yet available' : 'FAILED'}: ${result.reason}`,
        );
        continue;
      }
      if (routes && !routes.has(scenario.route)) {
        Object.assign(result, { status: 'unavailable', reason: `the server has no ${scenario.route} yet` });
        log.line(`  ${scenario.name.padEnd(26)} not yet available: ${result.reason}`);
        continue;
      }
      try {
        let session = sessions.get(scenario.role);
        if (!session) {
          session = await signIn(server.baseUrl, scenario.role, users[scenario.role]);
          sessions.set(scenario.role, session);
        }
        const probe = item.next(0);
        const probeRes = await fetch(`${server.baseUrl}${probe.path}`, {
          method: probe.method ?? 'GET',
          headers: {
            ...session.headers,
            ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...probe.headers,
          },
          ...(probe.body !== undefined ? { body: JSON.stringify(probe.body) } : {}),
        });
        const probeText = await probeRes.text();
        if (probeRes.status === 404 && probeText.includes('There is no')) {
          Object.assign(result, {
            status: 'unavailable',
            reason: `${probe.method ?? 'GET'} ${probe.path.split('?')[0]} answers 404`,
          });
          log.line(`  ${scenario.name.padEnd(26)} not yet available: ${result.reason}`);
          continue;
        }
        if (probeRes.status >= 400) {
          log.line(
            `  ${scenario.name.padEnd(26)} note: the first request answered ${probeRes.status}: ${probeText.slice(0, 300)}`,
          );
        }
        const load = {
          baseUrl: server.baseUrl,
          headers: session.headers,
          connections: options.connections,
        };
        if (options.warmup > 0) await measureHttp({ ...load, next: item.next, seconds: options.warmup });
        server.memory.windowPeakMb();
        result.http = await measureHttp({ ...load, next: item.next, seconds: options.duration });
        result.peakRssMb = server.memory.windowPeakMb();
        const h = result.http;
        log.line(
          `  ${scenario.name.padEnd(26)} ${String(h.rps).padStart(6)} req/s  p50 ${h.p50} ms  p95 ${h.p95} ms  p99 ${h.p99} ms` +
            `  errors ${h.errors}  non-2xx ${h.non2xx}  RSS ${result.peakRssMb} MB`,
        );
        if (direct.engine === 'postgres') result.floor = await floorOf(item);
      } catch (error) {
        Object.assign(result, { status: 'failed', reason: (error as Error).message });
        log.line(`  ${scenario.name.padEnd(26)} FAILED: ${(error as Error).message}`);
      }
    }
  } finally {
    await server?.stop();
    if (direct.engine === 'postgres') await direct.close();
  }

  const httpFloorRps = prepared[0]?.result.http?.rps;
  for (const { result } of prepared) {
    if (!result.http || result.http.rps === 0) continue;
    if (result.floor) result.floorRatio = Math.round((result.floor.rps / result.http.rps) * 100) / 100;
    if (httpFloorRps) result.httpFloorRatio = Math.round((httpFloorRps / result.http.rps) * 100) / 100;
    result.targets = judge(result);
  }

  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options: {
      engine: options.engine,
      patients: options.patients,
      seed: options.seed,
      duration: options.duration,
      warmup: options.warmup,
      connections: options.connections,
      scenarios: chosen.map((s) => s.name),
    },
    dataSet: { ...manifest, reused },
    machine: describeMachine(options.engine, engineVersion.split(' on ')[0] ?? engineVersion, loadStart),
    server: {
      peakRssMb: Math.round((server?.memory.peakRssKb ?? 0) / 1024),
      vmHwmMb: Math.round((server?.memory.hwmKb ?? 0) / 1024),
    },
    scenarios: prepared.map((p) => p.result),
  };
  const files = await writeResults(report);
  log.line('');
  log.line(markdownTable(report));
  log.line('');
  log.line(`Server peak RSS ${report.server.peakRssMb} MB (VmHWM ${report.server.vmHwmMb} MB).`);
  log.line(`Results: ${path.relative(REPO_ROOT, files.md)} and .json`);
  if (options.scenarios.length === 0) {
    const doc = await updatePerformanceDoc(report);
    if (doc) log.line(`Updated ${path.relative(REPO_ROOT, doc)}.`);
  }
}

try {
  await main();
} catch (error) {
  // Database errors carry whole statements: the message says what went wrong.
  process.stderr.write(`bench: ${(error as Error).message.slice(0, 2000)}\n`);
  process.exit(1);
}
