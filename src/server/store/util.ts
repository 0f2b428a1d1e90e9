import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './migrations.js';
import type { Database } from './schema.js';

/** Splits a list so each statement stays under both databases' bound-parameter limits. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  if (list.length <= size) return list.length === 0 ? [] : [list as T[]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// Bound parameters per statement, a little under SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32_000, postgres: 65_000 };

/** How many rows of `columns` values fit in one statement (multi-row INSERT, IN list). */
export function rowsPerStatement(dialect: Dialect, columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMS[dialect] / columns));
}

/**
 * Serialises writers of one project+branch on PostgreSQL (a transaction-scoped advisory lock), so two
 * concurrent pushes of the same branch cannot both decide a finding is new. SQLite has one writer.
 */
export async function lockScope(
  trx: Transaction<Database>,
  dialect: Dialect,
  projectId: number,
  branch: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  const key = createHash('sha256').update(`${projectId}\0${branch}`).digest().readInt32BE(0);
  await sql`SELECT pg_advisory_xact_lock(${key})`.execute(trx);
}

/** Runs `fn` in one transaction: every write of it commits together or not at all. */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(fn);
}

/** Values that may be searched for inside a JSON list column: no LIKE wildcards, no quotes. */
export const LIST_VALUE = /^[A-Za-z0-9.:+-]{1,100}$/;

/**
 * A LIKE pattern that finds `"value"` inside a JSON list stored as text. Values are restricted to
 * LIST_VALUE (tool names are normalised to it at ingest), so no wildcard needs escaping.
 */
export function jsonListContains(value: string): string {
  if (!LIST_VALUE.test(value)) throw new Error(`not a list value: ${value.slice(0, 40)}`);
  return `%"${value}"%`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
