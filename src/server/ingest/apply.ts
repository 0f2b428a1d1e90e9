import type { Transaction } from 'kysely';
import { RollupDelta, sourceOf } from '../metrics/rollup.js';
import type { Dialect } from '../store/migrations.js';
import { indexDeployment } from '../operate/deployment-keys.js';
import { BULK_ROWS, bulkRows } from '../store/bulk.js';
import type { Database, FindingRow, NewFinding } from '../store/schema.js';
import { chunks, lockScope, rowsPerStatement } from '../store/util.js';
import { closeMissing } from './close.js';
import { findingRow, type DecisionRef, type RowContext, type Transition } from './rows.js';
import type { SlaSettings } from './sla.js';
import type { IngestFinding, IngestOutcome, IngestTarget, ParsedReport } from './types.js';

/** A row to write: the finding as the report has it now, the stored one it updates, and the status change. */
export interface PlannedRow {
  row: NewFinding;
  prev?: FindingRow | undefined;
  transition?: Transition | undefined;
}

/** Columns a re-scan moves on every finding it reports; a row that differs only in these is "unchanged". */
const SEEN_COLUMNS = new Set(['last_seen', 'last_scan_id']);

/** Findings with the same fingerprint in one report are one finding that lists every tool. */
function dedupe(findings: readonly IngestFinding[]): Map<string, { f: IngestFinding; tools: string[] }> {
  const out = new Map<string, { f: IngestFinding; tools: string[] }>();
  for (const f of findings) {
    const prev = out.get(f.fingerprint);
    if (!prev) out.set(f.fingerprint, { f, tools: [f.tool] });
    else if (!prev.tools.includes(f.tool)) prev.tools.push(f.tool);
  }
  return out;
}

// Above this many findings a report reads its whole project+branch in one range scan of the identity
// index (most of a branch's findings are in each complete scan); below, it looks its findings up.
const SCAN_WHOLE_BRANCH_FROM = 2000;

/** The stored findings of the project and branch that the report names, by fingerprint. */
async function existingRows(
  trx: Transaction<Database>,
  dialect: Dialect,
  projectId: number,
  branch: string,
  fingerprints: string[],
): Promise<Map<string, FindingRow>> {
  const out = new Map<string, FindingRow>();
  const scope = trx
    .selectFrom('findings')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('branch', '=', branch);
  if (fingerprints.length >= SCAN_WHOLE_BRANCH_FROM) {
    const wanted = new Set(fingerprints);
    for (const r of await scope.execute()) if (wanted.has(r.fingerprint)) out.set(r.fingerprint, r);
    return out;
  }
  for (const part of chunks(fingerprints, rowsPerStatement(dialect, 1) - 2))
    for (const r of await scope.where('fingerprint', 'in', part).execute()) out.set(r.fingerprint, r);
  return out;
}

/** Active decisions for the advisories in the report, keyed `advisory\0package`. */
export async function activeDecisions(
  trx: Transaction<Database>,
  dialect: Dialect,
  advisories: string[],
  now: string,
): Promise<Map<string, DecisionRef>> {
  const out = new Map<string, DecisionRef>();
  for (const part of chunks([...new Set(advisories)], rowsPerStatement(dialect, 1) - 1)) {
    const rows = await trx
      .selectFrom('decisions')
      .select(['id', 'advisory', 'package_key', 'status', 'reason', 'owner', 'expires_at'])
      .where('advisory', 'in', part)
      .where('revoked_at', 'is', null)
      .orderBy('id', 'asc')
      .execute();
    for (const d of rows) {
      if (d.expires_at !== null && d.expires_at <= now) continue;
      out.set(`${d.advisory}\0${d.package_key}`, d);
    }
  }
  return out;
}

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

/**
 * Inserts new findings a statement of BULK_ROWS at a time, and builds each statement while the
 * database runs the one before (the rows come from an iterable that plans them lazily), so that
 * this process and the database work side by side. Returns the ids by fingerprint.
 */
class FreshWriter {
  readonly idOf = new Map<string, number>();
  private rows: NewFinding[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly dialect: Dialect,
  ) {}

  async add(row: NewFinding): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= BULK_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const part = this.rows;
    this.rows = [];
    const columns = Object.keys(part[0] ?? {}) as (keyof NewFinding)[];
    // A plain INSERT: the scope lock (or SQLite's single writer) means no other writer added one
    // of these meanwhile, and if one had, failing loudly beats a history that says "new" twice.
    const statement =
      part.length === 0
        ? undefined
        : this.trx
            .insertInto('findings')
            .columns(columns)
            .expression(bulkRows(this.dialect, 'findings', columns, part))
            .returning(['id', 'fingerprint']);
    await this.running;
    this.running = statement?.execute().then((ids) => {
      for (const r of ids) this.idOf.set(r.fingerprint, r.id);
    });
    // Keep the promise handled until the next flush awaits it: its failure fails the ingest there.
    this.running?.catch(() => undefined);
  }

  async done(): Promise<Map<string, number>> {
    await this.flush();
    await this.running;
    return this.idOf;
  }
}

/**
 * Records that a scan saw these findings again and found nothing else changed: in the narrow
 * finding_seen table (migration 11), so the wide rows and their indexes are not rewritten.
 */
async function recordSightings(
  trx: Transaction<Database>,
  dialect: Dialect,
  ids: readonly number[],
  scanId: number | null,
  now: string,
): Promise<void> {
  const columns = ['finding_id', 'last_seen', 'last_scan_id'] as const;
  for (const part of chunks(ids, BULK_ROWS))
    await trx
      .insertInto('finding_seen')
      .columns(columns)
      .expression(
        bulkRows(
          dialect,
          'finding_seen',
          columns,
          part.map((id) => ({ finding_id: id, last_seen: now, last_scan_id: scanId })),
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
 * multi-row INSERTs, changed ones in multi-row upserts, and those a re-scan only saw again as
 * sightings in the side table; then their tools and status history.
 */
export async function writeFindings(
  trx: Transaction<Database>,
  dialect: Dialect,
  rowsToWrite: Iterable<PlannedRow>,
  actor: string,
  scanId: number | null,
  now: string,
): Promise<void> {
  const planned: PlannedRow[] = [];
  const changed: NewFinding[] = [];
  const seenAgain: number[] = [];
  const rollup = new RollupDelta();
  const writer = new FreshWriter(trx, dialect);
  for (const p of rowsToWrite) {
    planned.push(p);
    if (!p.prev) await writer.add(p.row);
    else if (!p.transition && unchanged(p.row, p.prev)) {
      // Seen again and nothing else: nothing the metrics read has changed.
      seenAgain.push(p.prev.id);
      continue;
    } else changed.push(p.row);
    rollup.remove(p.prev);
    rollup.add(sourceOf(p.row));
  }
  const idOf = await writer.done();
  for (const p of planned) if (p.prev) idOf.set(p.prev.fingerprint, p.prev.id);
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
  await recordSightings(trx, dialect, seenAgain, scanId, now);
  const tools: { tool: string; finding_id: number }[] = [];
  for (const p of planned) {
    if (p.prev && p.row.tools === p.prev.tools) continue;
    const had = new Set(toolsOf(p.prev?.tools));
    const id = idOf.get(p.row.fingerprint)!;
    for (const tool of toolsOf(p.row.tools)) if (!had.has(tool)) tools.push({ tool, finding_id: id });
  }
  for (const part of chunks(tools, BULK_ROWS))
    await trx
      .insertInto('finding_tools')
      .columns(['tool', 'finding_id'])
      .expression(bulkRows(dialect, 'finding_tools', ['tool', 'finding_id'], part))
      .onConflict((oc) => oc.columns(['tool', 'finding_id']).doNothing())
      .execute();
  const events = planned
    .filter((p) => p.transition)
    .map((p) => ({
      finding_id: idOf.get(p.row.fingerprint)!,
      at: now,
      actor,
      from_status: p.transition!.from,
      to_status: p.transition!.to,
      reason: p.transition!.reason,
      scan_id: scanId,
    }));
  const eventColumns = [
    'finding_id',
    'at',
    'actor',
    'from_status',
    'to_status',
    'reason',
    'scan_id',
  ] as const;
  for (const part of chunks(events, BULK_ROWS))
    await trx
      .insertInto('finding_events')
      .columns(eventColumns)
      .expression(bulkRows(dialect, 'finding_events', eventColumns, part))
      .execute();
  await rollup.apply(trx, dialect);
}

/**
 * Stores one parsed report for a project and branch, inside the caller's transaction: the scan,
 * new and updated findings with their history, closing what a complete scan no longer reports,
 * and the inventory.
 */
export async function applyReport(
  trx: Transaction<Database>,
  dialect: Dialect,
  report: ParsedReport,
  target: IngestTarget,
  sla: SlaSettings,
  now: string,
): Promise<IngestOutcome> {
  await lockScope(trx, dialect, target.projectId, target.branch);
  // The first branch pushed is the one the metrics count until someone names another.
  await trx
    .updateTable('projects')
    .set({ default_branch: target.branch })
    .where('id', '=', target.projectId)
    .where('default_branch', 'is', null)
    .execute();
  const unique = dedupe(report.findings);
  const scan = await trx
    .insertInto('scans')
    .values({
      project_id: target.projectId,
      branch: target.branch,
      commit_sha: target.commit ?? null,
      tools: JSON.stringify(report.tools),
      format: report.format,
      phase: target.phase ?? 'code',
      status: report.status,
      scope: JSON.stringify(report.scope),
      started_at: report.startedAt ?? null,
      received_at: now,
      pushed_by: target.actor,
      finding_count: unique.size,
      new_count: 0,
      fixed_count: 0,
      reopened_count: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const existing = await existingRows(trx, dialect, target.projectId, target.branch, [...unique.keys()]);
  const advisories = [...unique.values()]
    .map((u) => u.f.advisory)
    .filter((a): a is string => a !== undefined);
  const decisions =
    advisories.length > 0
      ? await activeDecisions(trx, dialect, advisories, now)
      : new Map<string, DecisionRef>();
  const ctx: RowContext = {
    projectId: target.projectId,
    branch: target.branch,
    scanId: scan.id,
    now,
    sla,
    detectedBy: target.detectedBy ?? 'scan',
  };
  let created = 0;
  let reopened = 0;
  // Planned one at a time as writeFindings takes them, so planning overlaps the database's work.
  function* rows(): Generator<PlannedRow> {
    for (const { f, tools } of unique.values()) {
      const withPhase = target.phase ? { ...f, phase: target.phase } : f;
      const prev = existing.get(f.fingerprint);
      const decision =
        f.advisory && f.packageKey ? decisions.get(`${f.advisory}\0${f.packageKey}`) : undefined;
      const r = findingRow(withPhase, tools, prev, decision, ctx);
      if (!prev) created++;
      else if (prev.status === 'fixed') reopened++;
      yield { ...r, prev };
    }
  }
  await writeFindings(trx, dialect, rows(), target.actor, scan.id, now);
  const fixed = await closeMissing(trx, dialect, target, report.scope, scan.id, now);
  if (report.inventory) {
    const inv = {
      scan_id: scan.id,
      components: JSON.stringify(report.inventory.components),
      dependencies: JSON.stringify(report.inventory.dependencies),
      component_count: report.inventory.components.length,
      updated_at: now,
    };
    await trx
      .insertInto('inventories')
      .values({ project_id: target.projectId, branch: target.branch, ...inv })
      .onConflict((oc) => oc.columns(['project_id', 'branch']).doUpdateSet(inv))
      .execute();
  }
  if (report.deployment) {
    const dep = {
      scan_id: scan.id,
      workloads: JSON.stringify(report.deployment.workloads),
      assets: JSON.stringify(report.deployment.assets),
      updated_at: now,
    };
    await trx
      .insertInto('deployments')
      .values({ project_id: target.projectId, branch: target.branch, ...dep })
      .onConflict((oc) => oc.columns(['project_id', 'branch']).doUpdateSet(dep))
      .execute();
    await indexDeployment(trx, target.projectId, target.branch, report.deployment);
  }
  await trx
    .updateTable('scans')
    .set({ new_count: created, fixed_count: fixed, reopened_count: reopened })
    .where('id', '=', scan.id)
    .execute();
  return {
    scanId: scan.id,
    total: unique.size,
    new: created,
    reopened,
    fixed,
    unchanged: unique.size - created - reopened,
    notes: report.notes,
  };
}
