import { fingerprintOf } from '../../core/fingerprint.js';
import type { RuleMeta } from '../../core/rule.js';
import type { AdvisoryIndex } from './db/store.js';
import { advisoryRule } from './index.js';
import { matchPackage } from './osv/match.js';
import { normaliseName } from './osv/normalise.js';
import type { OsvRecord } from './osv/types.js';

/** A package of a stored inventory, as re-matching needs it. */
export interface InventoryPackage {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  direct: boolean;
  /** The lockfile it came from (the finding's location, as in a scan). */
  declaredIn: string;
}

/** One advisory group affecting one package, with the finding identity a scan would give it. */
export interface InventoryMatch {
  pkg: InventoryPackage;
  rule: RuleMeta;
  id: string;
  ids: string[];
  fixed: string[];
  summary: string;
  /** Equal to the deps analyzer's fingerprint for the same lockfile, package and advisory. */
  fingerprint: string;
}

/**
 * Matches an inventory against the advisory index with the deps analyzer's own matcher, for
 * re-matching stored inventories on the server without a pipeline run. Exported for the platform.
 */
export function matchInventory(
  index: AdvisoryIndex,
  packages: readonly InventoryPackage[],
): InventoryMatch[] {
  const out: InventoryMatch[] = [];
  const ecosystems = new Set(packages.map((p) => p.ecosystem));
  for (const eco of ecosystems) {
    const ofEco = packages.filter((p) => p.ecosystem === eco);
    const byName: Map<string, OsvRecord[]> = index.lookupMany(
      eco,
      ofEco.map((p) => p.name),
    );
    for (const p of ofEco) {
      const records = byName.get(normaliseName(eco, p.name));
      if (!records) continue;
      for (const m of matchPackage(records, p)) {
        const rule = advisoryRule(m);
        out.push({
          pkg: p,
          rule,
          id: m.id,
          ids: m.ids,
          fixed: m.fixed,
          summary: m.summary,
          fingerprint: fingerprintOf({
            ruleId: rule.id,
            location: { path: p.declaredIn, startLine: 1 },
            fingerprintKey: `${p.ecosystem}|${normaliseName(p.ecosystem, p.name)}|${p.version}|${m.id}`,
          }),
        });
      }
    }
  }
  return out;
}
