import { fingerprintOf } from '../../core/fingerprint.js';
import type { RuleMeta } from '../../core/rule.js';
import type { AdvisoryIndex } from './db/store.js';
import { packageVerdict, VULNERABLE_PACKAGE_RULE, type PackageVerdict } from './package-finding.js';
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
  /** Development-only, as the inventory's scope says. */
  dev?: boolean;
  /** The lockfile it came from (the finding's location, as in a scan). */
  declaredIn: string;
}

/** The advisories affecting one package, consolidated as a scan consolidates them. */
export interface InventoryMatch {
  pkg: InventoryPackage;
  rule: RuleMeta;
  /** The representative id of the most severe advisory. */
  id: string;
  verdict: PackageVerdict;
  /** Equal to the deps analyzer's fingerprint for the same lockfile and package version. */
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
      const matches = matchPackage(records, p);
      if (matches.length === 0) continue;
      const verdict = packageVerdict(p, matches);
      out.push({
        pkg: p,
        rule: VULNERABLE_PACKAGE_RULE,
        id: matches[0]!.id,
        verdict,
        fingerprint: fingerprintOf({
          ruleId: VULNERABLE_PACKAGE_RULE.id,
          location: { path: p.declaredIn, startLine: 1 },
          fingerprintKey: verdict.fingerprintKey,
        }),
      });
    }
  }
  return out;
}
