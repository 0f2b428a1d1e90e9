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

/**
 * Many rows as one JSON parameter that the database reads back as a table, for
 * `INSERT INTO table (columns) SELECT … FROM <this>`. A multi-row VALUES list costs the query
 * builder an object per value and the database a bound parameter per value; this is one string that
 * both databases parse natively. Column names come from the typed schema, never from input.
 */
export function jsonRows<T extends keyof Database>(
  dialect: Dialect,
  table: T,
  columns: readonly Columns<T>[],
  rows: readonly Partial<Record<Columns<T>, unknown>>[],
): RawBuilder<unknown> {
  if (dialect === 'postgres') {
    // json_populate_recordset types each value by the table's own row type.
    const objects = wellFormedJson(
      rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))),
    );
    return sql`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM json_populate_recordset(NULL::${sql.table(table)}, ${objects}::json)`;
  }
  const arrays = wellFormedJson(rows.map((r) => columns.map((c) => r[c] ?? null)));
  // `WHERE true`: SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
  return sql`SELECT ${sql.join(columns.map((_, i) => sql`value->>${sql.lit(i)}`))} FROM json_each(${arrays}) WHERE true`;
}
