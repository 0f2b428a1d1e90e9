import type { Kysely } from 'kysely';
import type { Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/util.js';
import { applyReport } from './apply.js';
import { loadSla } from './sla.js';
import type { IngestOutcome, IngestTarget, ParsedReport } from './types.js';

/** The project's id, creating the project when it does not exist yet. */
export async function ensureProject(db: Kysely<Database>, name: string): Promise<number> {
  const found = await db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const made = await db
    .insertInto('projects')
    .values({ name, created_at: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (made) return made.id;
  // Another request created it between the two statements.
  return (await db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** Stores a parsed report in one transaction (all of it or none of it) and writes the audit entry with it. */
export async function ingestReport(
  store: Store,
  report: ParsedReport,
  target: IngestTarget,
): Promise<IngestOutcome> {
  const sla = await loadSla(store.db);
  return store.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const outcome = await applyReport(trx, store.dialect, report, target, sla, now);
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor: target.actor,
        action: 'report.ingest',
        target: `scan:${outcome.scanId}`,
        detail: JSON.stringify({
          format: report.format,
          tools: report.tools,
          branch: target.branch,
          total: outcome.total,
          new: outcome.new,
          fixed: outcome.fixed,
          reopened: outcome.reopened,
        }),
        ip: null,
      })
      .execute();
    return outcome;
  });
}
