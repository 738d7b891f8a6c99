import type { DirectDb } from './direct.js';
import type { FloorQuery } from './scenarios/types.js';

export interface PlanSummary {
  executionMs: number;
  planningMs: number;
  /** The scans, outermost first: "Seq Scan on patient (9,455 removed by filter)". */
  scans: string[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** EXPLAIN ANALYZE of a floor query with its first parameters: where its time goes. */
export async function explainFloor(direct: DirectDb, floor: FloorQuery): Promise<PlanSummary | null> {
  const sql = typeof floor.sql === 'function' ? floor.sql(0) : floor.sql;
  const params = typeof floor.params === 'function' ? floor.params(0) : floor.params;
  try {
    const rows = await direct.rows<{ 'QUERY PLAN': unknown }>(
      `explain (analyze, format json) ${sql}`,
      params,
    );
    const raw = rows[0]?.['QUERY PLAN'];
    const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan: PlanNode;
      'Execution Time': number;
      'Planning Time': number;
    }[];
    const top = doc[0];
    if (!top) return null;
    const scans: string[] = [];
    const walk = (node: PlanNode) => {
      if (node['Relation Name']) {
        const removed = node['Rows Removed by Filter'] ?? 0;
        scans.push(
          `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}` +
            ` (${(node['Actual Rows'] ?? 0).toLocaleString('en-US')} rows${(node['Actual Loops'] ?? 1) > 1 ? ` × ${node['Actual Loops']} loops` : ''}` +
            `${removed > 0 ? `, ${removed.toLocaleString('en-US')} removed by filter` : ''})`,
        );
      }
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(top.Plan);
    return {
      executionMs: Math.round(top['Execution Time'] * 100) / 100,
      planningMs: Math.round(top['Planning Time'] * 100) / 100,
      scans,
    };
  } catch {
    return null;
  }
}
