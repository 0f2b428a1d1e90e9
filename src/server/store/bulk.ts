import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './migrations.js';
import type { Database } from './schema.js';

/** Rows per bulk statement: one JSON parameter each, so the limit is memory, not bound parameters. */
export const BULK_ROWS = 5000;

// JSON.stringify escapes a lone surrogate as \udXXX (paired ones it writes as they are). PostgreSQL
// refuses such an escape and SQLite would store it broken; a bound parameter would carry U+FFFD.
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/gi;

/** JSON text of `value` with every lone surrogate replaced by U+FFFD, as a bound string would be. */
export function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /\\ud[89a-f]/i.test(json) ? json.replace(LONE_SURROGATE, '$1\\ufffd') : json;
}

type Columns<T extends keyof Database> = keyof Database[T] & string;

// The types of the non-text columns of the tables written in bulk (findings, their events and
// tools, the metric rollup); every other column written in bulk is text.
const COLUMN_TYPES: ReadonlyMap<string, 'integer' | 'bigint' | 'double precision'> = new Map([
  ...(
    [
      'id',
      'project_id',
      'start_line',
      'first_scan_id',
      'last_scan_id',
      'principle_mask',
      'owasp_mask',
      'finding_id',
      'scan_id',
      'kind',
      'day',
      'n',
      'due',
      'within',
      'audit_only',
    ] as const
  ).map((c) => [c, 'integer'] as const),
  // A duration in seconds: a finding introduced decades before it was seen passes 2^31 (migration 10).
  ['bucket', 'bigint'],
  ['sum_s', 'double precision'],
]);

/**
 * A PostgreSQL array literal of `values` (quoted elements, NULL for null). Building this string is
 * the whole cost on our side: the driver sends it as it is, and the server parses it far faster
 * than JSON objects (no field names, no per-row records).
 */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else {
      // Strings and integers are what the row types hold; anything else is written as JSON.
      const text = typeof v === 'string' ? v : typeof v === 'number' ? v.toString() : JSON.stringify(v);
      parts[i] = `"${/["\\]/.test(text) ? text.replace(/["\\]/g, '\\$&') : text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/**
 * PostgreSQL: the rows as one array parameter per column, read back with unnest(); a column with
 * the same value in every row (the project, the scan, the times of one ingest) is one scalar.
 */
function unnestRows(
  columns: readonly string[],
  rows: readonly Partial<Record<string, unknown>>[],
): RawBuilder<unknown> {
  const varying: string[] = [];
  const select = columns.map((c) => {
    const type = sql.raw(COLUMN_TYPES.get(c) ?? 'text');
    const first = rows[0]?.[c] ?? null;
    // The first column always varies, so that unnest() yields one row per row.
    if (varying.length > 0 && rows.every((r) => (r[c] ?? null) === first))
      return sql`CAST(${first} AS ${type}) AS ${sql.ref(c)}`;
    varying.push(c);
    return sql.ref(`u.${c}`);
  });
  const arrays = varying.map((c) => {
    const type = sql.raw(COLUMN_TYPES.get(c) ?? 'text');
    return sql`CAST(${arrayLiteral(rows.map((r) => r[c]))} AS ${type}[])`;
  });
  return sql`SELECT ${sql.join(select)} FROM unnest(${sql.join(arrays)}) AS u(${sql.join(varying.map((c) => sql.ref(c)))})`;
}

/**
 * Many rows as few parameters that the database reads back as a table, for
 * `INSERT INTO table (columns) SELECT … FROM <this>`. A multi-row VALUES list costs the query
 * builder an object per value and the database a bound parameter per value; this is an array per
 * column (PostgreSQL) or one JSON string (SQLite) that the database parses natively. Column names
 * come from the typed schema, never from input.
 */
export function bulkRows<T extends keyof Database>(
  dialect: Dialect,
  _table: T,
  columns: readonly Columns<T>[],
  rows: readonly Partial<Record<Columns<T>, unknown>>[],
): RawBuilder<unknown> {
  if (dialect === 'postgres') return unnestRows(columns, rows);
  const arrays = wellFormedJson(rows.map((r) => columns.map((c) => r[c] ?? null)));
  // `WHERE true`: SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
  return sql`SELECT ${sql.join(columns.map((_, i) => sql`value->>${sql.lit(i)}`))} FROM json_each(${arrays}) WHERE true`;
}
