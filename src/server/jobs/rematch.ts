import type { Selectable } from 'kysely';
import { existsSync, statSync } from 'node:fs';
import { AdvisoryIndex } from '../../analyzers/deps/db/store.js';
import {
  advisoriesFor,
  matchInventory,
  type InventoryPackage,
} from '../../analyzers/deps/match-inventory.js';
import { VanguardError } from '../../core/errors.js';
import { packageKeyOf } from '../ingest/check.js';
import { applyReport } from '../ingest/apply.js';
import { loadSla } from '../ingest/sla.js';
import type { IngestFinding, InventoryComponent, ParsedReport } from '../ingest/types.js';
import type { Store } from '../store/open.js';
import type { InventoryTable } from '../store/schema.js';
import { chunks, nowIso } from '../store/util.js';
import type { JobQueue } from './types.js';

export const REMATCH_TOOL = 'rematch';

// One read-only index per process, reopened when `vanguard db update` swaps the file in, so the parsed
// advisory cache is shared by every re-match job of a run.
let cached: { path: string; mtimeMs: number; ino: number; index: AdvisoryIndex } | undefined;

function indexFor(path: string): AdvisoryIndex {
  const st = statSync(path);
  if (cached?.path !== path || cached.mtimeMs !== st.mtimeMs || cached.ino !== st.ino) {
    cached?.index.close();
    cached = { path, mtimeMs: st.mtimeMs, ino: st.ino, index: AdvisoryIndex.open(path) };
  }
  return cached.index;
}

/** Closes the cached advisory index (server shutdown, tests). */
export function closeRematchIndex(): void {
  cached?.index.close();
  cached = undefined;
}

/** Inventories per re-match job: the advisories of all their packages are looked up once. */
export const REMATCH_BATCH = 50;

/** Queues re-match jobs for every stored inventory, a batch each (after an advisory database update). */
export async function rematchAll(
  store: Store,
  queue: JobQueue,
  actor: string,
): Promise<{ inventories: number; jobs: number }> {
  const rows = await store.db.selectFrom('inventories').select('id').orderBy('id').execute();
  const batches = chunks(
    rows.map((r) => r.id),
    REMATCH_BATCH,
  );
  for (const inventoryIds of batches) await queue.enqueue('rematch', { inventoryIds }, actor);
  return { inventories: rows.length, jobs: batches.length };
}

function findingOf(m: ReturnType<typeof matchInventory>[number]): IngestFinding {
  const p = m.pkg;
  const v = m.verdict;
  return {
    fingerprint: m.fingerprint,
    ruleId: m.rule.id,
    analyzer: 'deps',
    severity: v.severity,
    confidence: 'high',
    title: v.title.slice(0, 1000),
    message: `${v.message} Detected by re-matching the stored inventory after an advisory database update.`,
    remediation: v.remediation,
    location: { path: p.declaredIn, startLine: 1 },
    cwe: v.cwe,
    owasp: v.owasp,
    principles: m.rule.principles,
    phase: 'build',
    tool: REMATCH_TOOL,
    advisory: m.id,
    ...(packageKeyOf(p.purl) ? { packageKey: packageKeyOf(p.purl)! } : {}),
    package: v.package,
  };
}

function packagesOf(inv: Selectable<InventoryTable>): InventoryPackage[] {
  return (JSON.parse(inv.components) as InventoryComponent[]).map((c) => ({
    ecosystem: c.ecosystem,
    name: c.name,
    version: c.version,
    purl: c.purl,
    direct: c.direct,
    ...(c.scope === 'dev' ? { dev: true } : {}),
    declaredIn: c.declaredIn || c.purl,
  }));
}

/** Whether the branch has re-match findings a re-match could close. */
async function hasOpenRematchFindings(store: Store, projectId: number, branch: string): Promise<boolean> {
  const row = await store.db
    .selectFrom('findings')
    .select('id')
    .where('project_id', '=', projectId)
    .where('branch', '=', branch)
    .where('status', 'in', ['open', 'accepted'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('finding_tools')
          .select('finding_tools.finding_id')
          .where('finding_tools.tool', '=', REMATCH_TOOL)
          .whereRef('finding_tools.finding_id', '=', 'findings.id'),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface RematchOutcome {
  inventories: number;
  /** Inventories that matched nothing and had nothing to close: no scan is recorded for them. */
  unchanged: number;
  matches: number;
  new: number;
  fixed: number;
  scanIds: number[];
}

/**
 * Re-matches stored inventories: newly affected packages become findings (detected by re-match);
 * re-match findings whose package or advisory no longer matches are closed, like a complete scan
 * of the re-match scope. Findings from pipeline scans are only listed with the extra tool. The
 * advisories of every package of the batch are looked up once; each inventory is stored in its
 * own transaction.
 */
export async function rematchInventories(
  store: Store,
  dbPath: string,
  inventoryIds: readonly number[],
): Promise<RematchOutcome> {
  const out: RematchOutcome = { inventories: 0, unchanged: 0, matches: 0, new: 0, fixed: 0, scanIds: [] };
  if (inventoryIds.length === 0) return out;
  const invs = await store.db
    .selectFrom('inventories')
    .selectAll()
    .where('id', 'in', [...inventoryIds])
    .orderBy('id')
    .execute();
  if (invs.length === 0) return out;
  if (!existsSync(dbPath))
    throw new VanguardError(
      'DATABASE',
      `no advisory database at ${dbPath}: run \`vanguard db update\` on the server`,
    );
  const index = indexFor(dbPath);
  const packages = new Map(invs.map((inv) => [inv.id, packagesOf(inv)]));
  const known = advisoriesFor(index, [...packages.values()].flat());
  const sla = await loadSla(store.db);
  for (const inv of invs) {
    out.inventories++;
    const matches = matchInventory(index, packages.get(inv.id)!, known);
    if (matches.length === 0 && !(await hasOpenRematchFindings(store, inv.project_id, inv.branch))) {
      out.unchanged++;
      continue;
    }
    const report: ParsedReport = {
      format: 'rematch',
      tools: [REMATCH_TOOL],
      status: 'complete',
      scope: [{ tool: REMATCH_TOOL, analyzers: ['deps'] }],
      findings: matches.map(findingOf),
      notes: [],
    };
    const outcome = await store.db.transaction().execute((trx) =>
      applyReport(
        trx,
        store.dialect,
        report,
        {
          projectId: inv.project_id,
          branch: inv.branch,
          actor: 'system:rematch',
          phase: 'build',
          detectedBy: 'rematch',
        },
        sla,
        nowIso(),
      ),
    );
    out.matches += matches.length;
    out.new += outcome.new;
    out.fixed += outcome.fixed;
    out.scanIds.push(outcome.scanId);
  }
  return out;
}
