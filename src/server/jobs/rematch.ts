import { existsSync, statSync } from 'node:fs';
import { AdvisoryIndex } from '../../analyzers/deps/db/store.js';
import { matchInventory, type InventoryPackage } from '../../analyzers/deps/match-inventory.js';
import { VanguardError } from '../../core/errors.js';
import { packageKeyOf } from '../ingest/check.js';
import { applyReport } from '../ingest/apply.js';
import { loadSla } from '../ingest/sla.js';
import type { IngestFinding, InventoryComponent, ParsedReport } from '../ingest/types.js';
import type { Store } from '../store/open.js';
import { nowIso } from '../store/util.js';
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

/** Queues one re-match job per stored inventory (after an advisory database update). */
export async function rematchAll(
  store: Store,
  queue: JobQueue,
  actor: string,
): Promise<{ inventories: number }> {
  const rows = await store.db.selectFrom('inventories').select('id').orderBy('id').execute();
  for (const r of rows) await queue.enqueue('rematch', { inventoryId: r.id }, actor);
  return { inventories: rows.length };
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

/**
 * Re-matches one stored inventory: newly affected packages become findings (detected by re-match);
 * re-match findings whose package or advisory no longer matches are closed, like a complete scan
 * of the re-match scope. Findings from pipeline scans are only listed with the extra tool.
 */
export async function rematchInventory(
  store: Store,
  dbPath: string,
  inventoryId: number,
): Promise<{ scanId: number | null; matches: number; new: number; fixed: number }> {
  const inv = await store.db
    .selectFrom('inventories')
    .selectAll()
    .where('id', '=', inventoryId)
    .executeTakeFirst();
  if (!inv) return { scanId: null, matches: 0, new: 0, fixed: 0 };
  if (!existsSync(dbPath))
    throw new VanguardError(
      'DATABASE',
      `no advisory database at ${dbPath}: run \`vanguard db update\` on the server`,
    );
  const components = JSON.parse(inv.components) as InventoryComponent[];
  const packages: InventoryPackage[] = components.map((c) => ({
    ecosystem: c.ecosystem,
    name: c.name,
    version: c.version,
    purl: c.purl,
    direct: c.direct,
    ...(c.scope === 'dev' ? { dev: true } : {}),
    declaredIn: c.declaredIn || c.purl,
  }));
  const matches = matchInventory(indexFor(dbPath), packages);
  const report: ParsedReport = {
    format: 'rematch',
    tools: [REMATCH_TOOL],
    status: 'complete',
    scope: [{ tool: REMATCH_TOOL, analyzers: ['deps'] }],
    findings: matches.map(findingOf),
    notes: [],
  };
  const sla = await loadSla(store.db);
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
  return { scanId: outcome.scanId, matches: matches.length, new: outcome.new, fixed: outcome.fixed };
}
