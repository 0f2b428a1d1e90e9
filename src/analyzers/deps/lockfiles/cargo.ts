import { computePaths } from './graph.js';
import { str } from './json-lines.js';
import { purlFor } from './purl.js';
import { parseTomlPackages } from './toml-lines.js';
import type { Inventory, LockedPackage } from './types.js';

/** Cargo.lock (v1–v4): packages without a `source` are the workspace's own crates, whose dependencies are direct. */
export function parseCargoLock(text: string): Inventory {
  const { packages } = parseTomlPackages(text, 'Cargo.lock');
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const byName = new Map<string, string[]>();
  const locals = new Set<string>();
  for (const { table } of packages) {
    const name = str(table, 'name');
    const version = str(table, 'version');
    if (!name || !version) continue;
    const l = byName.get(name) ?? [];
    l.push(version);
    byName.set(name, l);
    if (!str(table, 'source')) locals.add(`${name}@${version}`);
  }
  // "name", "name version" or "name version (source)": a bare name is unambiguous by Cargo's rules.
  const ref = (d: string): string | undefined => {
    const [n, v] = d.split(' ');
    if (!n) return undefined;
    const version = v ?? byName.get(n)?.[0];
    return version ? `${n}@${version}` : undefined;
  };
  const direct = new Set<string>();
  for (const { table, line } of packages) {
    const name = str(table, 'name');
    const version = str(table, 'version');
    if (!name || !version) continue;
    const id = `${name}@${version}`;
    const deps = (Array.isArray(table.dependencies) ? table.dependencies : []).filter(
      (d): d is string => typeof d === 'string',
    );
    if (locals.has(id)) {
      for (const d of deps) {
        const to = ref(d);
        if (to && !locals.has(to)) direct.add(to);
      }
      continue;
    }
    const p: LockedPackage = {
      id,
      ecosystem: 'crates.io',
      name,
      version,
      purl: purlFor('crates.io', name, version),
      direct: false,
      line,
    };
    const checksum = str(table, 'checksum');
    const source = str(table, 'source');
    if (checksum) p.integrity = `sha256:${checksum}`;
    if (source) p.resolved = source;
    inv.packages.push(p);
    for (const d of deps) {
      const to = ref(d);
      if (to) inv.edges.push([id, to]);
    }
  }
  return computePaths(inv, direct);
}
