import type { Transaction } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database, FindingRow, NewFinding } from '../store/schema.js';
import { chunks, lockScope } from '../store/util.js';
import { closeMissing } from './close.js';
import { findingRow, type DecisionRef, type RowContext, type Transition } from './rows.js';
import type { SlaSettings } from './sla.js';
import type { IngestFinding, IngestOutcome, IngestTarget, ParsedReport } from './types.js';

// ~35 columns per finding row: 400 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT = 400;
const KEYS_PER_SELECT = 2000;

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

async function existingRows(
  trx: Transaction<Database>,
  projectId: number,
  branch: string,
  fingerprints: string[],
): Promise<Map<string, FindingRow>> {
  const out = new Map<string, FindingRow>();
  for (const part of chunks(fingerprints, KEYS_PER_SELECT)) {
    const rows = await trx
      .selectFrom('findings')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('branch', '=', branch)
      .where('fingerprint', 'in', part)
      .execute();
    for (const r of rows) out.set(r.fingerprint, r);
  }
  return out;
}

/** Active decisions for the advisories in the report, keyed `advisory\0package`. */
export async function activeDecisions(
  trx: Transaction<Database>,
  advisories: string[],
  now: string,
): Promise<Map<string, DecisionRef>> {
  const out = new Map<string, DecisionRef>();
  for (const part of chunks([...new Set(advisories)], KEYS_PER_SELECT)) {
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

/** Upserts rows and records their status changes; returns the ids by fingerprint. */
export async function writeFindings(
  trx: Transaction<Database>,
  rows: { row: NewFinding; transition?: Transition }[],
  actor: string,
  scanId: number | null,
  now: string,
): Promise<void> {
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    const values = part.map((r) => r.row);
    const ids = await trx
      .insertInto('findings')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['project_id', 'branch', 'fingerprint']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const col of Object.keys(values[0]!)) {
            if (col === 'project_id' || col === 'branch' || col === 'fingerprint') continue;
            set[col] = eb.ref(`excluded.${col}` as 'excluded.status');
          }
          return set;
        }),
      )
      .returning(['id', 'fingerprint'])
      .execute();
    const idOf = new Map(ids.map((r) => [r.fingerprint, r.id]));
    const events = part
      .filter((r) => r.transition)
      .map((r) => ({
        finding_id: idOf.get(r.row.fingerprint)!,
        at: now,
        actor,
        from_status: r.transition!.from,
        to_status: r.transition!.to,
        reason: r.transition!.reason,
        scan_id: scanId,
      }));
    for (const ev of chunks(events, ROWS_PER_INSERT))
      await trx.insertInto('finding_events').values(ev).execute();
  }
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
  const existing = await existingRows(trx, target.projectId, target.branch, [...unique.keys()]);
  const advisories = [...unique.values()]
    .map((u) => u.f.advisory)
    .filter((a): a is string => a !== undefined);
  const decisions =
    advisories.length > 0 ? await activeDecisions(trx, advisories, now) : new Map<string, DecisionRef>();
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
  const rows = [...unique.values()].map(({ f, tools }) => {
    const withPhase = target.phase ? { ...f, phase: target.phase } : f;
    const prev = existing.get(f.fingerprint);
    const decision = f.advisory && f.packageKey ? decisions.get(`${f.advisory}\0${f.packageKey}`) : undefined;
    const r = findingRow(withPhase, tools, prev, decision, ctx);
    if (!prev) created++;
    else if (prev.status === 'fixed') reopened++;
    return r;
  });
  await writeFindings(trx, rows, target.actor, scan.id, now);
  const fixed = await closeMissing(trx, target, report.scope, scan.id, now);
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
