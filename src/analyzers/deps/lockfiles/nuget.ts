import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { computePaths } from './graph.js';
import { asObject, parseJsonWithLines, str } from './json-lines.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

/** packages.lock.json (NuGet): per target framework, `Direct` / `Transitive` entries with resolved versions. */
export function parseNugetLock(text: string): Inventory {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('packages.lock.json: the top level is not an object', 1);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const direct = new Set<string>();
  const seen = new Set<string>();
  const versionOf = new Map<string, string>();
  for (const [fw, raw] of Object.entries(tableAt(root, 'dependencies', 'packages.lock.json') ?? {})) {
    for (const [name, e] of Object.entries(asObject(raw) ?? {})) {
      const v = str(asObject(e), 'resolved');
      if (v) versionOf.set(name.toLowerCase(), v);
    }
    for (const [name, rawE] of Object.entries(asObject(raw) ?? {})) {
      const e = asObject(rawE) ?? {};
      const version = str(e, 'resolved');
      const type = str(e, 'type');
      if (!version || type === 'Project') continue;
      const id = `${name.toLowerCase()}@${version}`;
      if (type === 'Direct') direct.add(id);
      for (const dn of Object.keys(asObject(e.dependencies) ?? {})) {
        const dv = versionOf.get(dn.toLowerCase());
        if (dv) inv.edges.push([id, `${dn.toLowerCase()}@${dv}`]);
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const p: LockedPackage = {
        id,
        ecosystem: 'NuGet',
        name,
        version,
        purl: purlFor('NuGet', name, version),
        direct: false,
        line: doc.lineOf(['dependencies', fw, name]) ?? 1,
      };
      const hash = str(e, 'contentHash');
      if (hash) p.integrity = `sha512-${hash}`;
      inv.packages.push(p);
    }
  }
  return computePaths(inv, direct);
}
