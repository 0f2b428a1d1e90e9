import type { Kysely, Transaction } from 'kysely';
import { VanguardError } from '../core/errors.js';
import { audit } from './auth/accounts.js';
import { loadSla, slaDue } from './ingest/sla.js';
import { ROLLUP_COLUMNS, RollupDelta } from './metrics/rollup.js';
import type { Dialect } from './store/migrations.js';
import type { Database } from './store/schema.js';
import { chunks, nowIso } from './store/util.js';

/** Statuses a person may set; `fixed` is only ever set by a scan that no longer reports the finding. */
export const TRIAGE_STATUSES = ['open', 'accepted', 'false-positive', 'not-affected'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface TriageChange {
  status: TriageStatus;
  reason: string;
  owner?: string;
  expires?: string;
  /** Record a decision on the finding's advisory + package and apply it to every project. */
  applyToAllProjects?: boolean;
}

async function setStatus(
  trx: Transaction<Database>,
  dialect: Dialect,
  ids: number[],
  change: TriageChange,
  source: string,
  actor: string,
  now: string,
): Promise<number> {
  let n = 0;
  const rollup = new RollupDelta();
  for (const part of chunks(ids, 1000)) {
    const rows = await trx
      .selectFrom('findings')
      .select(['id', ...ROLLUP_COLUMNS])
      .where('id', 'in', part)
      .execute();
    const moving = rows.filter((r) => r.status !== change.status || change.status === 'accepted');
    if (moving.length === 0) continue;
    for (const r of moving) {
      rollup.remove(r);
      rollup.add({ ...r, status: change.status });
    }
    await trx
      .updateTable('findings')
      .set({
        status: change.status,
        status_source: source,
        status_reason: change.reason,
        accepted_owner: change.status === 'accepted' ? (change.owner ?? null) : null,
        accepted_until: change.status === 'accepted' ? (change.expires ?? null) : null,
      })
      .where(
        'id',
        'in',
        moving.map((r) => r.id),
      )
      .execute();
    await trx
      .insertInto('finding_events')
      .values(
        moving.map((r) => ({
          finding_id: r.id,
          at: now,
          actor,
          from_status: r.status,
          to_status: change.status,
          reason: change.reason,
          scan_id: null,
        })),
      )
      .execute();
    n += moving.length;
  }
  await rollup.apply(trx, dialect);
  return n;
}

/**
 * Triage of one finding (PATCH). With `applyToAllProjects`, the decision is recorded on the
 * advisory + package and applied to every finding of it in every project, now and in later scans.
 */
export async function triageFinding(
  db: Kysely<Database>,
  dialect: Dialect,
  id: number,
  change: TriageChange,
  actor: string,
): Promise<{ updated: number; decisionId?: number }> {
  if (change.status === 'accepted' && (!change.owner || !change.expires))
    throw new VanguardError('USAGE', 'accepting a risk needs an owner and an expiry date');
  if (change.expires !== undefined && Number.isNaN(new Date(change.expires).getTime()))
    throw new VanguardError('USAGE', `expires is not a date: ${change.expires}`);
  const expires = change.expires === undefined ? undefined : new Date(change.expires).toISOString();
  const c = { ...change, ...(expires ? { expires } : {}) };
  return db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom('findings')
      .select(['id', 'status', 'advisory', 'package_key'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!f) throw new VanguardError('NOT_FOUND', `no finding ${id}`);
    if (c.status === 'not-affected' && !f.package_key)
      throw new VanguardError('USAGE', 'not-affected is for dependency findings (a package and an advisory)');
    const now = nowIso();
    if (!c.applyToAllProjects) {
      const updated = await setStatus(trx, dialect, [id], c, 'user', actor, now);
      await audit(trx, actor, 'finding.triage', `finding:${id}`, { status: c.status, reason: c.reason });
      return { updated };
    }
    if (!f.advisory || !f.package_key)
      throw new VanguardError(
        'USAGE',
        'applyToAllProjects needs a dependency finding (an advisory on a package)',
      );
    const d = await trx
      .insertInto('decisions')
      .values({
        advisory: f.advisory,
        package_key: f.package_key,
        status: c.status,
        reason: c.reason,
        owner: c.owner ?? null,
        expires_at: c.expires ?? null,
        actor,
        created_at: now,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Older decisions on the same advisory + package give way to the new one.
    await trx
      .updateTable('decisions')
      .set({ revoked_at: now })
      .where('advisory', '=', f.advisory)
      .where('package_key', '=', f.package_key)
      .where('id', '!=', d.id)
      .where('revoked_at', 'is', null)
      .execute();
    const all = await trx
      .selectFrom('findings')
      .select('id')
      .where('advisory', '=', f.advisory)
      .where('package_key', '=', f.package_key)
      .where('status', '!=', 'fixed')
      .execute();
    const updated = await setStatus(
      trx,
      dialect,
      all.map((r) => r.id),
      { ...c, reason: `decision #${d.id}: ${c.reason}` },
      'decision',
      actor,
      now,
    );
    await audit(trx, actor, 'decision.create', `decision:${d.id}`, {
      advisory: f.advisory,
      package: f.package_key,
      status: c.status,
      findings: updated,
    });
    return { updated, decisionId: d.id };
  });
}

/**
 * Reopens accepted findings whose acceptance has expired. Whether the SLA clock restarts from the
 * expiry is a setting (`restartOnExpiry`); by default the original due date stands.
 */
export async function expireAcceptances(
  db: Kysely<Database>,
  dialect: Dialect,
  now = new Date(),
): Promise<number> {
  const sla = await loadSla(db);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('findings')
      .select(['id', 'accepted_until', ...ROLLUP_COLUMNS])
      .where('status', '=', 'accepted')
      .where('accepted_until', 'is not', null)
      .where('accepted_until', '<=', at)
      .execute();
    const rollup = new RollupDelta();
    for (const f of due) {
      const restart = sla.restartOnExpiry ? { sla_start: at, sla_due: slaDue(sla, f.severity, at) } : {};
      await trx
        .updateTable('findings')
        .set({
          status: 'open',
          status_source: 'expiry',
          status_reason: `risk acceptance expired on ${f.accepted_until}`,
          ...restart,
        })
        .where('id', '=', f.id)
        .execute();
      // Open or accepted count alike in the rollup; kept here so no write path is left out.
      rollup.remove(f);
      rollup.add({ ...f, status: 'open', sla_due: restart.sla_due ?? f.sla_due });
    }
    await rollup.apply(trx, dialect);
    for (const part of chunks(due, 400)) {
      await trx
        .insertInto('finding_events')
        .values(
          part.map((f) => ({
            finding_id: f.id,
            at,
            actor: 'system',
            from_status: 'accepted',
            to_status: 'open',
            reason: `risk acceptance expired on ${f.accepted_until}`,
            scan_id: null,
          })),
        )
        .execute();
    }
    return due.length;
  });
}
