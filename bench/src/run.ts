import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StaffRole } from '@trellis/domain';
import { holdReminderScan, measureReminderScan, type ScanMeasurement } from './background.js';
import { buildContext } from './context.js';
import { type DirectDb, openDirect } from './direct.js';
import { explainFloor } from './explain.js';
import { ensureDataSet } from './generate/index.js';
import { consoleLog, type Log } from './log.js';
import { type Cursor, Latencies, nextOf, runHttp, runQuery } from './measure.js';
import { measureCalendarExpansion } from './micro.js';
import { type BenchOptions, HELP, parseOptions } from './options.js';
import {
  calendarExpansionLine,
  describeMachine,
  judge,
  markdownTable,
  type RunReport,
  type ScenarioResult,
  updatePerformanceDoc,
  writeResults,
} from './report.js';
import { SCENARIOS } from './scenarios/index.js';
import type { FloorQuery, RequestSpec, Scenario } from './scenarios/types.js';
import { type RunningServer, startServer } from './server.js';
import { type SignedIn, servedRoutes, signIn } from './session.js';
import { SqlCounter, viaRelay } from './sqlcount.js';
import { type DataTarget, ensureTarget, lockTarget, REPO_ROOT, targetOf } from './target.js';
import { type WaitProfile, WaitSampler } from './waits.js';

interface Prepared {
  scenario: Scenario;
  result: ScenarioResult;
  next?: (i: number) => RequestSpec;
  floor?: FloorQuery;
  cursor: Cursor;
  floorCursor: Cursor;
  httpLatencies: Latencies;
  floorLatencies: Latencies;
  httpSeconds: number;
  floorSeconds: number;
}

/** CPU time (user + system) a process has used, in ms; clock ticks are 10 ms on Linux. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const pad = (name: string) => name.padEnd(26);

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const options = parsed;
  const log = consoleLog();
  if (options.list) {
    for (const s of SCENARIOS)
      log.line(`${pad(s.name)} ${s.kind.padEnd(6)} ${s.route.padEnd(44)} ${s.title}`);
    log.line(
      `${pad('calendar-expansion')} ${'micro'.padEnd(6)} ${'(domain, in the bench process)'.padEnd(44)} ` +
        '12 weeks of 40 group series with the rosters of 300 participants (issue 6)',
    );
    return;
  }
  const unknown = options.scenarios.filter(
    (name) => name !== 'calendar-expansion' && !SCENARIOS.some((s) => s.name === name),
  );
  if (unknown.length > 0)
    throw new Error(`No scenario named ${unknown.join(', ')}. Run with --list to see them.`);

  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const target = targetOf(options);
  log.line(`Trellis benchmark: ${target.label}, ${options.patients} patients, seed ${options.seed}.`);
  const unlock = await lockTarget(target);
  try {
    await runOn(target, options, log, startedAt, loadStart);
  } finally {
    await unlock();
  }
}

async function runOn(
  target: DataTarget,
  options: BenchOptions,
  log: Log,
  startedAt: string,
  loadStart: number[],
): Promise<void> {
  await ensureTarget(target);
  const { manifest, reused } = await ensureDataSet(
    target,
    { seed: options.seed, patients: options.patients, fresh: options.fresh },
    log,
  );
  if (options.generateOnly) return;

  // The HTTP floor always runs first: every other scenario is compared with it.
  const chosen = SCENARIOS.filter(
    (s, i) => i === 0 || options.scenarios.length === 0 || options.scenarios.includes(s.name),
  );
  const direct = await openDirect(target, options.connections);
  let directOpen = true;
  const engineVersion =
    (await direct.rows<{ version: string }>('select version() as version'))[0]?.version ?? '';
  const contextFor = await buildContext(direct, manifest.anchor, options.seed);
  const users = contextFor('sign-in').users;
  const prepared = await prepare(chosen, contextFor, direct);
  // The server's recurring reminder scan would run while scenarios are timed; it is measured apart.
  const heldScan = await holdReminderScan(direct);

  let server: RunningServer | null = null;
  let memory = { peakRssMb: 0, vmHwmMb: 0 };
  try {
    if (direct.engine === 'pglite') {
      // PGlite is one process's database: time its floors now, then hand the folder to the server.
      log.line('Database floors (PGlite, before the server opens the data folder):');
      for (const item of prepared) await floorSlice(item, direct, options, options.duration, true, log);
      await direct.close();
      directOpen = false;
    }
    log.line('Starting the server …');
    server = await startServer(target);
    log.line(`Server ${server.baseUrl} (pid ${server.pid}); measuring ${options.duration} s per scenario:`);
    await measureAll(prepared, server, users, direct, options, log);
    server.memory.sample();
    memory = {
      peakRssMb: Math.round(server.memory.peakRssKb / 1024),
      vmHwmMb: Math.round(server.memory.hwmKb / 1024),
    };
  } finally {
    await server?.stop();
    if (directOpen) await direct.close();
  }

  let reminderScan: ScanMeasurement | null = null;
  if (options.count && target.databaseUrl) {
    reminderScan = await countStatements(prepared, target, users, heldScan, log);
  }
  // Issue 6's measure, on a full run (or when asked for by name): no server, no database.
  const calendarExpansion =
    options.scenarios.length === 0 || options.scenarios.includes('calendar-expansion')
      ? measureCalendarExpansion()
      : null;
  if (calendarExpansion) log.line(calendarExpansionLine(calendarExpansion));

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
    server: memory,
    scenarios: prepared.map((p) => p.result),
    ...(reminderScan ? { background: { reminderScan } } : {}),
    ...(calendarExpansion ? { calendarExpansion } : {}),
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

/** Each scenario's requests and floor query, from the data set (before the server runs). */
async function prepare(
  chosen: Scenario[],
  contextFor: Awaited<ReturnType<typeof buildContext>>,
  direct: DirectDb,
): Promise<Prepared[]> {
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
    const item: Prepared = {
      scenario,
      result,
      cursor: { i: 0 },
      floorCursor: { i: 0 },
      httpLatencies: new Latencies(),
      floorLatencies: new Latencies(),
      httpSeconds: 0,
      floorSeconds: 0,
    };
    prepared.push(item);
    const ctx = contextFor(scenario.name);
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
      if (scenario.kind === 'read' && scenario.floorSql) {
        // A fresh context: the same random stream as setup, so the floor asks for the same rows.
        item.floor = await scenario.floorSql(contextFor(scenario.name));
        const plan = await explainFloor(direct, item.floor);
        if (plan) result.floorPlan = plan;
      }
    } catch (error) {
      Object.assign(result, { status: 'failed', reason: `setup: ${(error as Error).message}` });
    }
  }
  return prepared;
}

async function floorSlice(
  item: Prepared,
  direct: DirectDb,
  options: BenchOptions,
  seconds: number,
  whole: boolean,
  log: Log,
): Promise<void> {
  if (!item.floor || item.result.status !== 'measured') return;
  if (whole && options.warmup > 0) {
    await runQuery(
      direct,
      item.floor,
      options.connections,
      options.warmup,
      new Latencies(),
      item.floorCursor,
    );
  }
  item.floorSeconds += await runQuery(
    direct,
    item.floor,
    options.connections,
    seconds,
    item.floorLatencies,
    item.floorCursor,
  );
  if (whole) {
    item.result.floor = item.floorLatencies.summarize(item.floorSeconds);
    const f = item.result.floor;
    log.line(
      `  ${pad(item.scenario.name)} DB floor ${String(f.rps).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms` +
        (f.errorSample ? `  (error: ${f.errorSample})` : ''),
    );
  }
}

/**
 * Every available scenario against the running server. On PostgreSQL the scenario and its floor
 * run in alternating slices (five of duration/5 s each), so a change in the machine's load while
 * they run falls on both alike.
 */
async function measureAll(
  prepared: Prepared[],
  server: RunningServer,
  users: Record<StaffRole, { id: string; email: string; roles: StaffRole[] }>,
  direct: DirectDb,
  options: BenchOptions,
  log: Log,
): Promise<void> {
  const routes = await servedRoutes(server.baseUrl);
  const sessions = new Map<StaffRole, SignedIn>();
  for (const item of prepared) {
    const { scenario, result } = item;
    if (result.status !== 'measured' || !item.next) {
      log.line(
        `  ${pad(scenario.name)} ${result.status === 'unavailable' ? 'not yet available' : 'FAILED'}: ${result.reason}`,
      );
      continue;
    }
    if (routes && !routes.has(scenario.route)) {
      Object.assign(result, { status: 'unavailable', reason: `the server has no ${scenario.route} yet` });
      log.line(`  ${pad(scenario.name)} not yet available: ${result.reason}`);
      continue;
    }
    try {
      let session = sessions.get(scenario.role);
      if (!session) {
        session = await signIn(server.baseUrl, scenario.role, users[scenario.role]);
        sessions.set(scenario.role, session);
      }
      const probe = await send(server.baseUrl, session, item.next(0));
      if (probe.status === 404 && probe.text.includes('There is no')) {
        Object.assign(result, { status: 'unavailable', reason: `${scenario.route} answers 404` });
        log.line(`  ${pad(scenario.name)} not yet available: ${result.reason}`);
        continue;
      }
      if (probe.status >= 400) {
        log.line(
          `  ${pad(scenario.name)} note: a first request answered ${probe.status}: ${probe.text.slice(0, 300)}`,
        );
      }
      const load = {
        baseUrl: server.baseUrl,
        headers: session.headers,
        connections: options.connections,
        next: item.next,
      };
      const interleave = direct.engine === 'postgres' && item.floor !== undefined;
      if (options.warmup > 0)
        await runHttp({ ...load, seconds: options.warmup }, new Latencies(), item.cursor);
      if (interleave && options.warmup > 0 && item.floor) {
        await runQuery(
          direct,
          item.floor,
          options.connections,
          options.warmup,
          new Latencies(),
          item.floorCursor,
        );
      }
      const rounds = interleave ? Math.min(5, options.duration) : 1;
      const slice = options.duration / rounds;
      server.memory.windowPeakMb();
      let cpu = 0;
      const waits = direct.engine === 'postgres' ? new WaitSampler(direct) : null;
      for (let r = 0; r < rounds; r++) {
        const before = cpuMs(server.pid);
        waits?.start();
        item.httpSeconds += await runHttp({ ...load, seconds: slice }, item.httpLatencies, item.cursor);
        const profile = waits?.stop();
        if (profile) result.waits = mergeWaits(result.waits, profile);
        cpu += cpuMs(server.pid) - before;
        if (interleave) await floorSlice(item, direct, options, slice, false, log);
      }
      result.peakRssMb = server.memory.windowPeakMb();
      result.http = item.httpLatencies.summarize(item.httpSeconds);
      if (result.http.requests > 0 && Number.isFinite(cpu)) {
        result.serverCpuMsPerRequest = Math.round((cpu / result.http.requests) * 100) / 100;
      }
      if (interleave) result.floor = item.floorLatencies.summarize(item.floorSeconds);
      const h = result.http;
      log.line(
        `  ${pad(scenario.name)} ${String(h.rps).padStart(6)} req/s  p50 ${h.p50} ms  p95 ${h.p95} ms  p99 ${h.p99} ms` +
          `  non-2xx ${h.non2xx}  errors ${h.errors}  server CPU ${result.serverCpuMsPerRequest ?? '?'} ms/req` +
          (result.waits
            ? `  backends active ${result.waits.active}, on audit lock ${result.waits.advisoryLock}`
            : '') +
          (result.floor ? `  | DB floor ${result.floor.rps} req/s p50 ${result.floor.p50} ms` : ''),
      );
    } catch (error) {
      Object.assign(result, { status: 'failed', reason: (error as Error).message });
      log.line(`  ${pad(scenario.name)} FAILED: ${(error as Error).message}`);
    }
  }
}

async function send(
  baseUrl: string,
  session: SignedIn,
  spec: RequestSpec,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${spec.path}`, {
    method: spec.method ?? 'GET',
    headers: {
      ...session.headers,
      ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...spec.headers,
    },
    ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
  });
  return { status: res.status, text: await res.text() };
}

function mergeWaits(a: WaitProfile | undefined, b: WaitProfile): WaitProfile {
  if (!a || a.samples === 0) return b;
  const n = a.samples + b.samples;
  const mix = (x: number, y: number) =>
    Math.round(((x * a.samples + y * b.samples) / Math.max(1, n)) * 100) / 100;
  return {
    samples: n,
    active: mix(a.active, b.active),
    advisoryLock: mix(a.advisoryLock, b.advisoryLock),
    otherLock: mix(a.otherLock, b.otherLock),
    io: mix(a.io, b.io),
    idleInTransaction: mix(a.idleInTransaction, b.idleInTransaction),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * A second, unloaded pass on PostgreSQL: the server talks to the database through a relay that
 * counts statements, and each scenario sends requests one at a time. The fewest statements and
 * transactions seen per request are the route's own; the median latency is its latency alone.
 */
async function countStatements(
  prepared: Prepared[],
  target: DataTarget,
  users: Record<StaffRole, { id: string; email: string; roles: StaffRole[] }>,
  scanHeld: boolean,
  log: Log,
): Promise<ScanMeasurement | null> {
  const measured = prepared.filter((p) => p.result.status === 'measured' && p.next);
  if (!target.databaseUrl) return null;
  const upstream = new URL(target.databaseUrl);
  const counter = new SqlCounter(upstream.hostname, Number(upstream.port || 5432));
  const port = await counter.start();
  let server: RunningServer | null = null;
  log.line('Counting SQL statements per request (one request at a time, through a relay) …');
  try {
    server = await startServer({ ...target, databaseUrl: viaRelay(target.databaseUrl, port) });
    const sessions = new Map<StaffRole, SignedIn>();
    for (const item of measured) {
      const next = item.next as (i: number) => RequestSpec;
      let session = sessions.get(item.scenario.role);
      if (!session) {
        session = await signIn(server.baseUrl, item.scenario.role, users[item.scenario.role]);
        sessions.set(item.scenario.role, session);
      }
      const statements: number[] = [];
      const transactions: number[] = [];
      const latencies: number[] = [];
      for (let k = 0; k < 15; k++) {
        if (counter.trace) counter.trace.length = 0;
        const before = counter.snapshot();
        const t = performance.now();
        await send(server.baseUrl, session, next(item.cursor.i++));
        const ms = performance.now() - t;
        const after = counter.snapshot();
        if (k < 3) continue; // warm: caches, prepared plans, the session touch
        statements.push(after.statements - before.statements);
        transactions.push(after.transactions - before.transactions);
        latencies.push(ms);
        if (k === 14 && counter.trace) for (const text of counter.trace) log.line(`      ${text}`);
      }
      // The fewest: background work (the outbox delivery polls every 15 s) only ever adds.
      item.result.sqlPerRequest = Math.min(...statements);
      item.result.transactionsPerRequest = Math.min(...transactions);
      item.result.aloneP50 = Math.round(median(latencies) * 100) / 100;
      log.line(
        `  ${pad(item.scenario.name)} ${item.result.sqlPerRequest} statements, ${item.result.transactionsPerRequest} transactions, ` +
          `${item.result.aloneP50} ms alone`,
      );
    }
    if (!scanHeld) return null;
    // The background reminder scan, released now and timed alone (the relay counts its statements).
    log.line('Running the reminder scan alone …');
    const direct = await openDirect(target, 1);
    try {
      const scan = await measureReminderScan(direct, () => counter.statements);
      if (scan) {
        log.line(
          `  reminder scan: ${scan.seconds} s, ${scan.statements.toLocaleString('en-US')} statements, ` +
            `${scan.messagesQueued.toLocaleString('en-US')} messages queued`,
        );
      }
      await holdReminderScan(direct);
      return scan;
    } finally {
      await direct.close();
    }
  } finally {
    await server?.stop();
    await counter.stop();
  }
}

try {
  await main();
} catch (error) {
  // Database errors carry whole statements: the message says what went wrong.
  process.stderr.write(`bench: ${(error as Error).message.slice(0, 2000)}\n`);
  process.exit(1);
}
