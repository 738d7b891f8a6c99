import { type CompiledQuery, type Kysely, sql } from 'kysely';

export type Row = Record<string, unknown>;

/** Loaders write tables that the server's DB type may not declare yet: any table, any column. */
export type AnyDB = Record<string, Row>;

interface ColumnInfo {
  name: string;
  /** The element type as PostgreSQL names it (uuid, text, int4, timestamptz, _text for text[] …). */
  udt: string;
  /** not null, no default, not generated: a row must give it. */
  required: boolean;
}

export class SchemaMismatchError extends Error {}

/** Largest number of bind parameters in one statement (PostgreSQL allows 65,535). */
const MAX_PARAMS = 60_000;

/**
 * Batched multi-row inserts through Kysely, one writer per table. The table's columns are read
 * from information_schema once: a row key the table does not have is dropped (with one warning),
 * a required column the rows do not give stops the loader with a message naming it, so a
 * migration that changes shape under a loader fails plainly rather than loading half-right rows.
 */
export class Inserter {
  private readonly columnCache = new Map<string, ColumnInfo[]>();
  readonly counts = new Map<string, number>();
  readonly warnings: string[] = [];

  constructor(
    readonly db: Kysely<AnyDB>,
    private readonly onProgress: (table: string, rows: number) => void = () => {},
  ) {}

  async tableExists(table: string): Promise<boolean> {
    return (await this.columns(table)).length > 0;
  }

  async columns(table: string): Promise<ColumnInfo[]> {
    const cached = this.columnCache.get(table);
    if (cached) return cached;
    const result = await sql<{
      column_name: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
      is_generated: string;
    }>`
      select column_name, udt_name, is_nullable, column_default, is_identity, is_generated
      from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(this.db);
    const columns = result.rows.map((c) => ({
      name: c.column_name,
      udt: c.udt_name,
      required:
        c.is_nullable === 'NO' &&
        c.column_default === null &&
        c.is_identity !== 'YES' &&
        c.is_generated === 'NEVER',
    }));
    if (columns.length > 0) this.columnCache.set(table, columns);
    return columns;
  }

  /**
   * A buffered writer for one table; call close() at the end to write the rest. Rows that
   * reference rows of other writers name them in `after`: those are written first.
   */
  async writer(
    table: string,
    options: { after?: TableWriter[]; batchRows?: number } = {},
  ): Promise<TableWriter> {
    const columns = await this.columns(table);
    if (columns.length === 0) throw new SchemaMismatchError(`table ${table} does not exist`);
    return new TableWriter(this, table, columns, options.batchRows ?? 500, options.after ?? []);
  }

  /** Inserts all the rows (batched). */
  async insert(table: string, rows: Iterable<Row>): Promise<number> {
    const writer = await this.writer(table);
    for (const row of rows) await writer.add(row);
    return writer.close();
  }

  counted(table: string, n: number) {
    const total = (this.counts.get(table) ?? 0) + n;
    this.counts.set(table, total);
    this.onProgress(table, total);
  }
}

export class TableWriter {
  private buffer: Row[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private keys: string[] | null = null;
  private batch: number;
  private written = 0;

  constructor(
    private readonly inserter: Inserter,
    readonly table: string,
    private readonly columns: ColumnInfo[],
    batchRows: number,
    private readonly parents: TableWriter[],
  ) {
    this.batch = batchRows;
  }

  async add(row: Row): Promise<void> {
    if (!this.keys) this.keys = this.checkShape(row);
    this.buffer.push(row);
    if (this.buffer.length >= this.batch) await this.flush();
  }

  /** Writes everything added so far and waits for it (parents first). */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Writes the full buffer; the previous batch may still be in flight (one at a time). */
  private async flush(): Promise<void> {
    for (const parent of this.parents) await parent.drain();
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length === 0) return;
    const compiled = this.compile(rows);
    await this.inFlight;
    this.inFlight = this.inserter.db.executeQuery(compiled).then(() => {
      this.written += rows.length;
      this.inserter.counted(this.table, rows.length);
    });
    // Surface a failure on the next await rather than as an unhandled rejection.
    this.inFlight.catch(() => {});
  }

  /**
   * One multi-row insert. Without array columns it is `insert … select * from unnest($1::uuid[],
   * $2::text[], …)`: one parameter per column rather than per value, about twice as fast to build
   * and to parse as VALUES lists; a table with array columns (which unnest would flatten) gets
   * VALUES.
   */
  private compile(rows: Row[]): CompiledQuery {
    const keys = this.keys as string[];
    const types = keys.map((k) => this.columns.find((c) => c.name === k)?.udt ?? 'text');
    if (types.every((t) => !t.startsWith('_'))) {
      const arrays = keys.map((k) => rows.map((row) => row[k] ?? null));
      const columns = sql.join(keys.map((k) => sql.ref(k)));
      const unnest = sql.join(arrays.map((values, i) => sql`${values}::${sql.raw(`"${types[i]}"[]`)}`));
      return sql`insert into ${sql.table(this.table)} (${columns}) select * from unnest(${unnest})`.compile(
        this.inserter.db,
      );
    }
    const values = rows.map((row) => {
      const out: Row = {};
      for (const k of keys) out[k] = row[k] ?? null;
      return out;
    });
    return this.inserter.db.insertInto(this.table).values(values).compile();
  }

  async close(): Promise<number> {
    await this.drain();
    return this.written;
  }

  private checkShape(row: Row): string[] {
    const known = new Set(this.columns.map((c) => c.name));
    const given = Object.keys(row);
    const dropped = given.filter((k) => !known.has(k));
    if (dropped.length > 0) {
      this.inserter.warnings.push(`${this.table}: no column ${dropped.join(', ')} (left out)`);
    }
    const keys = given.filter((k) => known.has(k));
    const missing = this.columns.filter((c) => c.required && !keys.includes(c.name)).map((c) => c.name);
    if (missing.length > 0) {
      throw new SchemaMismatchError(
        `${this.table} needs ${missing.join(', ')}, which the loader does not give: update the loader to the migration`,
      );
    }
    const hasArrays = keys.some((k) => this.columns.find((c) => c.name === k)?.udt.startsWith('_'));
    this.batch = hasArrays
      ? Math.max(1, Math.min(this.batch, Math.floor(MAX_PARAMS / Math.max(1, keys.length))))
      : Math.max(this.batch, 1000);
    return keys;
  }
}
