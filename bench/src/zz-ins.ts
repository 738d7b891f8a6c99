import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create();
await db.exec(
  `create table t (id uuid primary key, a text, b text, c timestamptz, d jsonb, e text, f text, g text, h text, i text, j text, k text, l text, m text, n text, o text, p text)`,
);
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    crypto.randomUUID(),
    'x' + i,
    'yyyyyyy',
    new Date().toISOString(),
    '{}',
    'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
    'f',
    'g',
    null,
    'i',
    'j',
    'k',
    'l',
    'm',
    'n',
    'o',
    'p',
  ]);
const lit = (v: unknown) => (v === null ? 'null' : `'${String(v).replace(/'/g, "''")}'`);
for (const size of [500]) {
  let t = performance.now();
  for (let b = 0; b < 20; b++) {
    const data = rows(size);
    const ph = data.map((r, ri) => `(${r.map((_, ci) => `$${ri * 17 + ci + 1}`).join(',')})`).join(',');
    await db.query(`insert into t values ${ph}`, data.flat());
  }
  console.error('params', size, Math.round(performance.now() - t), 'ms / 10k');
  t = performance.now();
  for (let b = 0; b < 20; b++) {
    const data = rows(size);
    await db.exec(`insert into t values ${data.map((r) => `(${r.map(lit).join(',')})`).join(',')}`);
  }
  console.error('literal', size, Math.round(performance.now() - t), 'ms / 10k');
  t = performance.now();
  for (let b = 0; b < 20; b++) {
    const data = rows(size);
    const cols = Array.from({ length: 17 }, (_, c) => data.map((r) => r[c]));
    await db.query(
      `insert into t select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])`,
      cols,
    );
  }
  console.error('unnest', size, Math.round(performance.now() - t), 'ms / 10k');
}
await db.close();
