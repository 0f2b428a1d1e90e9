import type { Transaction } from 'kysely';
import { ROLLUP_COLUMNS, RollupDelta } from '../metrics/rollup.js';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { chunks, rowsPerStatement } from '../store/util.js';
import type { IngestTarget, ReportHeldBack, ScanScope } from './types.js';
import { insertEvents } from './write-findings.js';

/** True when `path` is one of `places` or under one of them. */
function inPlaces(path: string, places: readonly string[]): boolean {
  return places.some((p) => path === p || path.startsWith(p.endsWith(':') ? p : `${p}/`));
}

/** Statuses a complete scan can close: a false positive or not-affected decision stands regardless. */
const CLOSABLE = ['open', 'accepted'];

/**
 * Whether a finding a default-profile scan did not report is one it left to the audit profile (`heldBack`): one it
 * held back, one of an audit rule it did not run, or one only audit scans reported (`audit_only`) of an analyzer
 * that does not list what it holds back. Of an analyzer that does, such a finding is gone.
 */
function leftToAudit(
  g: { fingerprint: string; rule_id: string; analyzer: string; audit_only: number | null },
  held: { fingerprints: ReadonlySet<string>; rules: ReadonlySet<string>; analyzers: ReadonlySet<string> },
): boolean {
  return (
    held.fingerprints.has(g.fingerprint) ||
    held.rules.has(g.rule_id) ||
    (g.audit_only === 1 && !held.analyzers.has(g.analyzer))
  );
}

/**
 * Marks fixed every open or accepted finding of the project and branch that falls in a scope the
 * scan checked completely and that the scan did not report. Returns how many it closed. A default-profile
 * Vanguard scan's `heldBack` (schemaVersion 1.7.0) keeps what it left to the audit profile open (leftToAudit).
 */
export async function closeMissing(
  trx: Transaction<Database>,
  dialect: Dialect,
  target: IngestTarget,
  scope: readonly ScanScope[],
  scanId: number,
  now: string,
  heldBack?: ReportHeldBack,
): Promise<number> {
  const held = heldBack && {
    fingerprints: new Set(heldBack.fingerprints),
    rules: new Set(heldBack.rules),
    analyzers: new Set(heldBack.analyzers),
  };
  let closed = 0;
  const rollup = new RollupDelta();
  for (const s of scope) {
    if (s.analyzers && s.analyzers.length === 0) continue;
    let q = trx
      .selectFrom('findings')
      .select(['id', 'path', 'fingerprint', 'rule_id', 'audit_only', ...ROLLUP_COLUMNS])
      .where('project_id', '=', target.projectId)
      .where('branch', '=', target.branch)
      .where('status', 'in', CLOSABLE)
      // Not seen by this scan: neither written by it nor recorded as a sighting of it (finding_seen).
      .where((eb) => eb.or([eb('last_scan_id', 'is', null), eb('last_scan_id', '!=', scanId)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('finding_seen')
              .select('finding_seen.finding_id')
              .whereRef('finding_seen.finding_id', '=', 'findings.id')
              .where('finding_seen.last_scan_id', '=', scanId),
          ),
        ),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('finding_tools')
            .select('finding_tools.finding_id')
            .where('finding_tools.tool', '=', s.tool)
            .whereRef('finding_tools.finding_id', '=', 'findings.id'),
        ),
      );
    if (s.analyzers) q = q.where('analyzer', 'in', s.analyzers);
    const heldHere = s.tool === 'vanguard' ? held : undefined;
    if (s.keepAuditOnly && !heldHere)
      q = q.where((eb) => eb.or([eb('audit_only', 'is', null), eb('audit_only', '=', 0)]));
    const gone = (await q.execute()).filter(
      (g) => (s.paths === undefined || inPlaces(g.path, s.paths)) && !(heldHere && leftToAudit(g, heldHere)),
    );
    for (const g of gone) {
      rollup.remove(g);
      rollup.add({ ...g, status: 'fixed', fixed_at: now });
    }
    for (const part of chunks(gone, rowsPerStatement(dialect, 1) - 10)) {
      await trx
        .updateTable('findings')
        .set({
          status: 'fixed',
          status_source: 'scan',
          status_reason: `not reported by complete scan #${scanId}`,
          fixed_at: now,
        })
        .where(
          'id',
          'in',
          part.map((g) => g.id),
        )
        .execute();
      await insertEvents(
        trx,
        dialect,
        part.map((g) => ({
          finding_id: g.id,
          at: now,
          actor: target.actor,
          from_status: g.status,
          to_status: 'fixed',
          reason: `not reported by complete scan #${scanId} (${s.tool}${s.analyzers ? `: ${s.analyzers.join(', ')}` : ''})`,
          scan_id: scanId,
        })),
      );
    }
    closed += gone.length;
  }
  await rollup.apply(trx, dialect);
  return closed;
}

/**
 * Marks audit-only (`audit_only` 1) the stored findings of the project and branch whose fingerprint a default-profile
 * scan held back (`heldBack`) and did not report: only the audit profile reports them now, as the dashboard shows.
 */
export async function markHeldBack(
  trx: Transaction<Database>,
  dialect: Dialect,
  target: IngestTarget,
  fingerprints: readonly string[],
  reported: ReadonlySet<string>,
): Promise<void> {
  const held = fingerprints.filter((f) => !reported.has(f));
  for (const part of chunks(held, rowsPerStatement(dialect, 1) - 3))
    await trx
      .updateTable('findings')
      .set({ audit_only: 1 })
      .where('project_id', '=', target.projectId)
      .where('branch', '=', target.branch)
      .where('fingerprint', 'in', part)
      .where((eb) => eb.or([eb('audit_only', 'is', null), eb('audit_only', '=', 0)]))
      .execute();
}
