import type { Transaction } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import { indexDeployment } from '../operate/deployment-keys.js';
import type { Database, FindingRow } from '../store/schema.js';
import { chunks, lockScope, rowsPerStatement } from '../store/util.js';
import { closeMissing, markHeldBack } from './close.js';
import { findingRow, type DecisionRef, type RowContext } from './rows.js';
import type { SlaSettings } from './sla.js';
import type { IngestFinding, IngestOutcome, IngestTarget, ParsedReport } from './types.js';
import { writeFindings, type PlannedRow } from './write-findings.js';

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
  const project = await trx
    .selectFrom('projects')
    .select('default_branch')
    .where('id', '=', target.projectId)
    .executeTakeFirstOrThrow();
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
    ...(report.profile ? { profile: report.profile } : {}),
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
  const defaults = new Map([[target.projectId, project.default_branch]]);
  await writeFindings(trx, dialect, rows(), target.actor, scan.id, now, defaults);
  const fixed = await closeMissing(trx, dialect, target, report.scope, scan.id, now, report.heldBack);
  if (report.heldBack)
    await markHeldBack(trx, dialect, target, report.heldBack.fingerprints, new Set(unique.keys()));
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
