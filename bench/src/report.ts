import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ScanMeasurement } from './background.js';
import type { PlanSummary } from './explain.js';
import type { DataSetManifest } from './generate/index.js';
import type { Measurement } from './measure.js';
import type { CalendarExpansionMeasurement } from './micro.js';
import { BENCH_DIR, REPO_ROOT } from './target.js';
import type { WaitProfile } from './waits.js';

/** The targets of issue 7, for reads at 10,000 patients on PostgreSQL. */
export const TARGETS = {
  readRps: 1000,
  readP99Ms: 50,
  floorRatio: 2,
  groupNoteSaveP50Ms: 50,
  serverMb: 300,
};

export interface ScenarioResult {
  name: string;
  title: string;
  kind: 'read' | 'write';
  role: string;
  route: string;
  status: 'measured' | 'unavailable' | 'failed';
  reason?: string;
  http?: Measurement | undefined;
  floor?: Measurement | undefined;
  /** Database floor req/s ÷ scenario req/s: how many times the floor's throughput. */
  floorRatio?: number;
  /** HTTP floor req/s ÷ scenario req/s. */
  httpFloorRatio?: number;
  peakRssMb?: number;
  /** Server CPU time (user + system) per request while measured: load-independent cost. */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL, counted one request at a time through a relay: SQL round trips per request (fewest of 12). */
  sqlPerRequest?: number;
  transactionsPerRequest?: number;
  /** Median latency of one request at a time (no concurrency). */
  aloneP50?: number;
  /** PostgreSQL: what the server's connections were doing while measured (pg_stat_activity). */
  waits?: WaitProfile;
  /** EXPLAIN ANALYZE of the floor query. */
  floorPlan?: PlanSummary;
  /** Target name → met. */
  targets?: Record<string, boolean> | undefined;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  engine: string;
  engineVersion: string;
  loadAverage: { start: number[]; end: number[] };
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  options: {
    engine: string;
    patients: number;
    seed: number;
    duration: number;
    warmup: number;
    connections: number;
    scenarios: string[];
  };
  dataSet: DataSetManifest & { reused: boolean };
  machine: Machine;
  server: { peakRssMb: number; vmHwmMb: number };
  scenarios: ScenarioResult[];
  /** The server's background work, measured alone (PostgreSQL). */
  background?: { reminderScan: ScanMeasurement };
  /** Issue 6: 12 weeks of 40 series with the rosters of 300 participants, in the bench process. */
  calendarExpansion?: CalendarExpansionMeasurement;
}

export function describeMachine(engine: string, engineVersion: string, loadStart: number[]): Machine {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    engine,
    engineVersion,
    loadAverage: { start: loadStart, end: os.loadavg().map((n) => Math.round(n * 100) / 100) },
  };
}

/** Judges a measured scenario against the issue's targets. */
export function judge(result: ScenarioResult): Record<string, boolean> | undefined {
  const http = result.http;
  if (!http) return undefined;
  if (result.kind === 'read') {
    return {
      [`≥ ${TARGETS.readRps} req/s`]: http.rps >= TARGETS.readRps,
      [`p99 < ${TARGETS.readP99Ms} ms`]: http.p99 < TARGETS.readP99Ms,
      ...(result.floorRatio !== undefined
        ? { [`≤ ${TARGETS.floorRatio}× DB floor`]: result.floorRatio <= TARGETS.floorRatio }
        : {}),
    };
  }
  if (result.name === 'group-attendance-note') {
    return { [`p50 < ${TARGETS.groupNoteSaveP50Ms} ms`]: http.p50 < TARGETS.groupNoteSaveP50Ms };
  }
  return undefined;
}

const n = (v: number | undefined, digits = 0) =>
  v === undefined
    ? ''
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A markdown table laid out as Biome formats Markdown: padded cells, aligned separators. */
export function formatTable(headers: string[], rightAligned: boolean[], rows: string[][]): string {
  const width = (text: string) => [...text].length;
  const widths = headers.map((h, c) => Math.max(3, width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const cell = (text: string, c: number) => {
    const pad = ' '.repeat((widths[c] ?? 0) - width(text));
    return rightAligned[c] ? pad + text : text + pad;
  };
  const line = (cells: string[]) => `| ${cells.map((t, c) => cell(t, c)).join(' | ')} |`;
  const separator = `| ${widths.map((w, c) => (rightAligned[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), separator, ...rows.map((r) => line(headers.map((_, c) => r[c] ?? '')))].join('\n');
}

export function markdownTable(report: RunReport): string {
  const headers = [
    'scenario',
    'kind',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'non-2xx / errors',
    'server CPU ms/req',
    'SQL stmts (tx) /req',
    'alone p50 ms',
    'backends active / on audit lock',
    'DB floor req/s',
    'DB floor p50 ms',
    '× DB floor',
    '× HTTP floor',
    'targets',
  ];
  const right = headers.map((_, c) => c >= 2 && c < headers.length - 1);
  const rows = report.scenarios.map((r): string[] => {
    if (r.status !== 'measured' || !r.http) {
      return [
        r.name,
        r.kind,
        `${r.status === 'unavailable' ? 'not yet available' : 'FAILED'}: ${r.reason ?? ''}`,
      ];
    }
    const h = r.http;
    const targets = r.targets
      ? Object.entries(r.targets)
          .map(([name, ok]) => `${ok ? '✓' : '✗'} ${name}`)
          .join('; ')
      : '';
    return [
      r.name,
      r.kind,
      n(h.rps),
      n(h.p50, 1),
      n(h.p95, 1),
      n(h.p99, 1),
      `${h.non2xx} / ${h.errors}`,
      n(r.serverCpuMsPerRequest, 2),
      r.sqlPerRequest !== undefined ? `${r.sqlPerRequest} (${r.transactionsPerRequest ?? 0})` : '',
      n(r.aloneP50, 1),
      r.waits ? `${n(r.waits.active, 1)} / ${n(r.waits.advisoryLock, 1)}` : '',
      n(r.floor?.rps),
      n(r.floor?.p50, 2),
      r.floorRatio !== undefined ? `${n(r.floorRatio, 1)}×` : '',
      r.httpFloorRatio !== undefined ? `${n(r.httpFloorRatio, 1)}×` : '',
      targets,
    ];
  });
  return formatTable(headers, right, rows);
}

/** The floor queries' plans: where a floor itself is slow, the fix is in SQL or an index. */
export function markdownPlans(report: RunReport): string {
  const lines = report.scenarios
    .filter((r) => r.floorPlan)
    .map((r) => {
      const plan = r.floorPlan as PlanSummary;
      return `- ${r.name}: ${plan.executionMs} ms (planning ${plan.planningMs} ms) — ${plan.scans.join('; ') || 'no table scan'}`;
    });
  return lines.length > 0
    ? ['Floor query plans (EXPLAIN ANALYZE with the first parameters):', '', ...lines].join('\n')
    : '';
}

export function markdownReport(report: RunReport): string {
  const m = report.machine;
  const o = report.options;
  const ds = report.dataSet;
  const rows = Object.entries(ds.rows)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, c]) => `${t} ${c.toLocaleString('en-US')}`)
    .join(', ');
  const memoryOk = report.server.peakRssMb < TARGETS.serverMb;
  const failed = report.scenarios.filter((s) => s.targets && Object.values(s.targets).includes(false));
  const measured = report.scenarios.filter((s) => s.targets);
  return [
    `### ${o.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${o.patients.toLocaleString('en-US')} patients — ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ${m.engineVersion}. ` +
      `Load average ${m.loadAverage.start.join(' / ')} at the start and ${m.loadAverage.end.join(' / ')} at the end ` +
      "(other engineers' work shares these cores: read the load average before comparing runs).",
    '',
    `Run: ${o.connections} connections, ${o.duration} s measured per scenario and per floor after ${o.warmup} s of warm-up; ` +
      `autocannon and the floors run in the bench process, the server is one \`trellis serve\` process. ` +
      `Data set: seed ${ds.seed}, generated ${ds.reused ? 'earlier and reused' : `in ${ds.seconds} s`} for ${ds.anchor}: ${rows}.` +
      (ds.skipped.length
        ? ` Loaders not run: ${ds.skipped.map((s) => `${s.loader} (${s.reason})`).join('; ')}.`
        : ''),
    '',
    markdownTable(report),
    '',
    markdownPlans(report),
    '',
    report.background
      ? `Background: the reminder scan (every 5 minutes) ran alone in ${report.background.reminderScan.seconds} s with ` +
        `${report.background.reminderScan.statements.toLocaleString('en-US')} SQL statements and queued ` +
        `${report.background.reminderScan.messagesQueued.toLocaleString('en-US')} messages; it was held back while the scenarios were timed.\n`
      : '',
    report.calendarExpansion ? `${calendarExpansionLine(report.calendarExpansion)}\n` : '',
    `Server peak memory: ${report.server.peakRssMb} MB resident (VmHWM ${report.server.vmHwmMb} MB) — ` +
      `${memoryOk ? '✓ under' : '✗ over'} ${TARGETS.serverMb} MB.`,
    '',
    measured.length === 0
      ? 'No scenario was measured against a target.'
      : failed.length === 0
        ? `Every measured scenario meets its targets${o.engine === 'postgres' && o.patients >= 10_000 ? '' : ' (the targets are set for 10,000 patients on PostgreSQL)'}.`
        : `Targets missed by: ${failed.map((s) => s.name).join(', ')}` +
          `${o.engine === 'postgres' && o.patients >= 10_000 ? '' : ' (the targets are set for 10,000 patients on PostgreSQL; this run is smaller)'}.`,
    '',
    "× DB floor = the database floor's req/s ÷ the scenario's req/s (the same rows by plain SQL, same connections and " +
      "duration; on PostgreSQL in alternating slices with the scenario); × HTTP floor = the HTTP floor's req/s ÷ the " +
      "scenario's req/s. Server CPU = the server process's user + system time per request while measured (less " +
      'sensitive to other load than req/s). SQL statements per request and "alone p50" come from a separate pass, one ' +
      'request at a time, through a relay that counts the statements the server sends. Backends active / on audit lock = ' +
      "the average number of the server's PostgreSQL connections running a statement / waiting for the audit chain's " +
      'advisory lock, sampled every 50 ms from pg_stat_activity while measured.',
  ].join('\n');
}

export async function writeResults(report: RunReport): Promise<{ json: string; md: string }> {
  const dir = path.join(BENCH_DIR, 'results');
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const base = path.join(dir, `${stamp}-${report.options.engine}-${report.options.patients}`);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${base}.md`, `${markdownReport(report)}\n`);
  return { json: `${base}.json`, md: `${base}.md` };
}

/** Replaces the engine's block of the latest results in docs/performance.md. */
export async function updatePerformanceDoc(report: RunReport): Promise<string | null> {
  const file = path.join(REPO_ROOT, 'docs', 'performance.md');
  if (!existsSync(file)) return null;
  const text = await readFile(file, 'utf8');
  const begin = `<!-- bench:${report.options.engine}:begin -->`;
  const end = `<!-- bench:${report.options.engine}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return null;
  const updated = `${text.slice(0, from + begin.length)}\n${markdownReport(report)}\n${text.slice(to)}`;
  await writeFile(file, updated);
  return file;
}

/** Issue 6's measure, in one sentence. */
export function calendarExpansionLine(c: CalendarExpansionMeasurement): string {
  return (
    `Calendar expansion (issue 6): ${c.weeks} weeks of ${c.series} group series with the rosters of ` +
    `${c.participants} enrolled participants — ${c.occurrences.toLocaleString('en-US')} occurrences, ` +
    `${c.rosterPlaces.toLocaleString('en-US')} roster places — in ${c.medianMs} ms (median of ${c.runs}; ` +
    `slowest ${c.maxMs} ms), in the bench process with the domain's expansion.`
  );
}
