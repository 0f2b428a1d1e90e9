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

/** Advisory records by ecosystem and normalised package name, looked up once for many inventories. */
export type PackageAdvisories = Map<string, Map<string, OsvRecord[]>>;

/** Looks up the advisories of every package in the list: one query per ecosystem. */
export function advisoriesFor(
  index: AdvisoryIndex,
  packages: readonly InventoryPackage[],
): PackageAdvisories {
  const names = new Map<string, Set<string>>();
  for (const p of packages) {
    const set = names.get(p.ecosystem) ?? new Set<string>();
    set.add(p.name);
    names.set(p.ecosystem, set);
  }
  const out: PackageAdvisories = new Map();
  for (const [eco, set] of names) out.set(eco, index.lookupMany(eco, [...set]));
  return out;
}

/**
 * Matches an inventory against the advisory index with the deps analyzer's own matcher, for
 * re-matching stored inventories on the server without a pipeline run. Exported for the platform.
 * `known` may hold the advisories of a whole batch of inventories, looked up once.
 */
export function matchInventory(
  index: AdvisoryIndex,
  packages: readonly InventoryPackage[],
  known: PackageAdvisories = advisoriesFor(index, packages),
): InventoryMatch[] {
  const out: InventoryMatch[] = [];
  for (const p of packages) {
    const records = known.get(p.ecosystem)?.get(normaliseName(p.ecosystem, p.name));
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
  return out;
}
