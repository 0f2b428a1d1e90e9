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
  return out;
}
