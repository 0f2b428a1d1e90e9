import type { Transaction } from 'kysely';
import { ROLLUP_COLUMNS, RollupDelta } from '../metrics/rollup.js';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { chunks, rowsPerStatement } from '../store/util.js';
import type { IngestTarget, ScanScope } from './types.js';
import { insertEvents } from './write-findings.js';

/** True when `path` is one of `places` or under one of them. */
function inPlaces(path: string, places: readonly string[]): boolean {
  return places.some((p) => path === p || path.startsWith(p.endsWith(':') ? p : `${p}/`));
}

/** Statuses a complete scan can close: a false positive or not-affected decision stands regardless. */
const CLOSABLE = ['open', 'accepted'];

/**
 * Marks fixed every open or accepted finding of the project and branch that falls in a scope the
 * scan checked completely and that the scan did not report. Returns how many it closed.
 */
export async function closeMissing(
  trx: Transaction<Database>,
  dialect: Dialect,
  target: IngestTarget,
  scope: readonly ScanScope[],
  scanId: number,
  now: string,
): Promise<number> {
  let closed = 0;
  const rollup = new RollupDelta();
  for (const s of scope) {
    if (s.analyzers && s.analyzers.length === 0) continue;
    let q = trx
      .selectFrom('findings')
      .select(['id', 'path', ...ROLLUP_COLUMNS])
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
    if (s.keepAuditOnly) q = q.where((eb) => eb.or([eb('audit_only', 'is', null), eb('audit_only', '=', 0)]));
    const gone = (await q.execute()).filter((g) => s.paths === undefined || inPlaces(g.path, s.paths));
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
