import { sql, type Transaction } from 'kysely';
import { RollupDelta, sourceOf } from '../metrics/rollup.js';
import { BULK_ROWS, bulkRows } from '../store/bulk.js';
import type { Dialect } from '../store/migrations.js';
import type { Database, FindingRow, NewFinding } from '../store/schema.js';
import { chunks } from '../store/util.js';
import type { Transition } from './rows.js';

/** A row to write: the finding as the report has it now, the stored one it updates, and the status change. */
export interface PlannedRow {
  row: NewFinding;
  prev?: FindingRow | undefined;
  transition?: Transition | undefined;
}

/** Who wrote the rows, from which scan and when: what their history entries and sightings record. */
interface WriteContext {
  trx: Transaction<Database>;
  dialect: Dialect;
  actor: string;
  scanId: number | null;
  now: string;
}

/** Columns a re-scan moves on every finding it reports; a row that differs only in these is "unchanged". */
const SEEN_COLUMNS = new Set(['last_seen', 'last_scan_id']);

// The first statement of new findings is small, so the database starts on it while the rest is planned.
const FIRST_ROWS = 1000;

function unchanged(row: NewFinding, prev: FindingRow): boolean {
  for (const col in row) {
    if (SEEN_COLUMNS.has(col)) continue;
    const k = col as keyof NewFinding & keyof FindingRow;
    if ((row[k] ?? null) !== (prev[k] ?? null)) return false;
  }
  return true;
}

function toolsOf(json: string | undefined): string[] {
  return json === undefined ? [] : (JSON.parse(json) as string[]);
}

/** The tools rows of planned findings that list a tool their stored row did not. */
async function writeTools(c: WriteContext, planned: readonly PlannedRow[], idOf: Map<string, number>) {
  const tools: { tool: string; finding_id: number }[] = [];
  for (const p of planned) {
    if (p.prev && p.row.tools === p.prev.tools) continue;
    const had = new Set(toolsOf(p.prev?.tools));
    const id = idOf.get(p.row.fingerprint)!;
    for (const tool of toolsOf(p.row.tools)) if (!had.has(tool)) tools.push({ tool, finding_id: id });
  }
  for (const part of chunks(tools, BULK_ROWS))
    await c.trx
      .insertInto('finding_tools')
      .columns(['tool', 'finding_id'])
      .expression(bulkRows(c.dialect, 'finding_tools', ['tool', 'finding_id'], part))
      .onConflict((oc) => oc.columns(['tool', 'finding_id']).doNothing())
      .execute();
}

const EVENT_COLUMNS = ['finding_id', 'at', 'actor', 'from_status', 'to_status', 'reason', 'scan_id'] as const;

/** A status history entry to write. */
export type EventRow = Record<(typeof EVENT_COLUMNS)[number], unknown> & { finding_id: number };

/** Writes status history entries in bulk (a statement per BULK_ROWS). */
export async function insertEvents(
  trx: Transaction<Database>,
  dialect: Dialect,
  events: readonly EventRow[],
): Promise<void> {
  for (const part of chunks(events, BULK_ROWS))
    await trx
      .insertInto('finding_events')
      .columns(EVENT_COLUMNS)
      .expression(bulkRows(dialect, 'finding_events', EVENT_COLUMNS, part))
      .execute();
}

/** The status history entries of planned findings whose status changes. */
async function writeEvents(c: WriteContext, planned: readonly PlannedRow[], idOf: Map<string, number>) {
  const events = planned
    .filter((p) => p.transition)
    .map((p) => ({
      finding_id: idOf.get(p.row.fingerprint)!,
      at: c.now,
      actor: c.actor,
      from_status: p.transition!.from,
      to_status: p.transition!.to,
      reason: p.transition!.reason,
      scan_id: c.scanId,
    }));
  await insertEvents(c.trx, c.dialect, events);
}

/** A new finding whose only history entry is its first status, all of it in the row itself. */
function firstStatus(p: PlannedRow): boolean {
  const t = p.transition;
  return (
    !p.prev &&
    t !== undefined &&
    t.from === null &&
    t.to === p.row.status &&
    t.reason === (p.row.status_reason ?? null) &&
    p.row.tools !== undefined
  );
}

/**
 * Inserts new findings a statement of BULK_ROWS at a time, each followed by their tools and history,
 * and builds each statement while the database runs the ones before (the rows come from an iterable
 * that plans them lazily), so that this process and the database work side by side. Collects the
 * ids by fingerprint.
 */
class FreshWriter {
  private batch: PlannedRow[] = [];
  private statements = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly c: WriteContext,
    readonly idOf: Map<string, number>,
  ) {}

  async add(p: PlannedRow): Promise<void> {
    this.batch.push(p);
    if (this.batch.length >= (this.statements === 0 ? FIRST_ROWS : BULK_ROWS)) await this.flush();
  }

  async flush(): Promise<void> {
    const part = this.batch;
    this.batch = [];
    const statement = part.length === 0 ? undefined : this.statement(part);
    await this.running;
    this.statements++;
    this.running = statement?.then(async ({ ids, rest }) => {
      for (const r of ids) this.idOf.set(r.fingerprint, r.id);
      if (!rest) return;
      await writeTools(this.c, part, this.idOf);
      await writeEvents(this.c, part, this.idOf);
    });
    // Keep the promise handled until the next flush awaits it: its failure fails the ingest there.
    this.running?.catch(() => undefined);
  }

  /**
   * The INSERT of `part`, started as soon as the connection is free. On PostgreSQL, when every row's
   * history entry is its first status (as for findings new to the store), the same statement writes
   * the tools and history rows from the inserted rows, saving two round trips and the arrays that
   * would carry them; `rest` says whether they are still to write.
   */
  private statement(
    part: PlannedRow[],
  ): Promise<{ ids: { id: number; fingerprint: string }[]; rest: boolean }> {
    const columns = Object.keys(part[0]!.row) as (keyof NewFinding)[];
    // A plain INSERT: the scope lock (or SQLite's single writer) means no other writer added one
    // of these meanwhile, and if one had, failing loudly beats a history that says "new" twice.
    const insert = this.c.trx
      .insertInto('findings')
      .columns(columns)
      .expression(
        bulkRows(
          this.c.dialect,
          'findings',
          columns,
          part.map((p) => p.row),
        ),
      )
      .returning(['id', 'fingerprint']);
    const fromRows = this.c.dialect === 'postgres' && part.every(firstStatus);
    if (!fromRows) return insert.execute().then((ids) => ({ ids, rest: true }));
    const { now, actor, scanId } = this.c;
    return sql<{
      id: number;
      fingerprint: string;
    }>`WITH ins AS (${insert.returning(['tools', 'status', 'status_reason'])}),
        t AS (INSERT INTO finding_tools (tool, finding_id)
          SELECT j.tool, ins.id FROM ins CROSS JOIN LATERAL json_array_elements_text(CAST(ins.tools AS json)) AS j(tool)
          ON CONFLICT DO NOTHING),
        e AS (INSERT INTO finding_events (finding_id, at, actor, from_status, to_status, reason, scan_id)
          SELECT ins.id, ${now}, ${actor}, NULL, ins.status, ins.status_reason, CAST(${scanId} AS integer) FROM ins)
      SELECT ins.id, ins.fingerprint FROM ins`
      .execute(this.c.trx)
      .then((r) => ({ ids: r.rows, rest: false }));
  }

  async done(): Promise<void> {
    await this.flush();
    await this.running;
  }
}

/**
 * Records that a scan saw these findings again and found nothing else changed: in the narrow
 * finding_seen table (migration 11), so the wide rows and their indexes are not rewritten.
 */
async function recordSightings(c: WriteContext, ids: readonly number[]): Promise<void> {
  const columns = ['finding_id', 'last_seen', 'last_scan_id'] as const;
  for (const part of chunks(ids, BULK_ROWS))
    await c.trx
      .insertInto('finding_seen')
      .columns(columns)
      .expression(
        bulkRows(
          c.dialect,
          'finding_seen',
          columns,
          part.map((id) => ({ finding_id: id, last_seen: c.now, last_scan_id: c.scanId })),
        ),
      )
      .onConflict((oc) =>
        oc.column('finding_id').doUpdateSet({
          last_seen: (eb) => eb.ref('excluded.last_seen'),
          last_scan_id: (eb) => eb.ref('excluded.last_scan_id'),
        }),
      )
      .execute();
}

/**
 * Writes planned rows with as few statements as the parameter limits allow: new findings in
 * multi-row INSERTs (with their tools and history), changed ones in multi-row upserts, and those a
 * re-scan only saw again as sightings in the side table; then the tools and history of the rest.
 * `defaultBranches` (each written project's), when the caller knows them, lets the metrics rollup
 * count each row while the database stores the ones before it.
 */
export async function writeFindings(
  trx: Transaction<Database>,
  dialect: Dialect,
  rowsToWrite: Iterable<PlannedRow>,
  actor: string,
  scanId: number | null,
  now: string,
  defaultBranches?: ReadonlyMap<number, string | null>,
): Promise<void> {
  const c: WriteContext = { trx, dialect, actor, scanId, now };
  const stored: PlannedRow[] = [];
  const changed: NewFinding[] = [];
  const seenAgain: number[] = [];
  const rollup = new RollupDelta(defaultBranches);
  const idOf = new Map<string, number>();
  const writer = new FreshWriter(c, idOf);
  for (const p of rowsToWrite) {
    if (!p.prev) await writer.add(p);
    else if (!p.transition && unchanged(p.row, p.prev)) {
      // Seen again and nothing else: nothing the metrics read has changed.
      seenAgain.push(p.prev.id);
      continue;
    } else {
      changed.push(p.row);
      stored.push(p);
      idOf.set(p.prev.fingerprint, p.prev.id);
    }
    rollup.remove(p.prev);
    rollup.add(sourceOf(p.row));
  }
  await writer.done();
  const columns = Object.keys(changed[0] ?? {}) as (keyof NewFinding)[];
  for (const part of chunks(changed, BULK_ROWS)) {
    await trx
      .insertInto('findings')
      .columns(columns)
      .expression(bulkRows(dialect, 'findings', columns, part))
      .onConflict((oc) =>
        oc.columns(['project_id', 'branch', 'fingerprint']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const col of columns) {
            if (col === 'project_id' || col === 'branch' || col === 'fingerprint') continue;
            set[col] = eb.ref(`excluded.${col}` as 'excluded.status');
          }
          return set;
        }),
      )
      .execute();
  }
  await recordSightings(c, seenAgain);
  await writeTools(c, stored, idOf);
  await writeEvents(c, stored, idOf);
  await rollup.apply(trx, dialect);
}
