import { ParseError } from '../../../core/errors.js';
import { listAt } from './shape.js';
import { computePaths, rootsOf } from './graph.js';
import { asObject, parseJsonWithLines, str } from './json-lines.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage, ParseOptions } from './types.js';

/** composer.lock: `packages` and `packages-dev` arrays; direct ones come from composer.json when it is given. */
export function parseComposerLock(text: string, opts: ParseOptions = {}): Inventory {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('composer.lock: the top level is not an object', 1);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const ids = new Map<string, string>();
  for (const section of ['packages', 'packages-dev']) {
    const list = listAt(root, section, 'composer.lock') ?? [];
    list.forEach((raw, i) => {
      const e = asObject(raw) ?? {};
      const name = str(e, 'name');
      const version = str(e, 'version');
      if (!name || !version) return;
      const v = version.replace(/^v(?=\d)/, '');
      const id = name.toLowerCase();
      ids.set(id, id);
      const p: LockedPackage = {
        id,
        ecosystem: 'Packagist',
        name,
        version: v,
        purl: purlFor('Packagist', name, v),
        direct: false,
        line: doc.lineOf([section, String(i), 'name']) ?? doc.lineOf([section, String(i)]) ?? 1,
      };
      const dist = asObject(e.dist) ?? {};
      const source = asObject(e.source) ?? {};
      const shasum = str(dist, 'shasum');
      if (shasum) p.integrity = `sha1:${shasum}`;
      const url = str(dist, 'url') ?? str(source, 'url');
      if (url) p.resolved = str(dist, 'url') ? url : `git+${url}#${str(source, 'reference') ?? ''}`;
      if (section === 'packages-dev') p.dev = true;
      inv.packages.push(p);
      for (const dn of Object.keys(asObject(e.require) ?? {})) inv.edges.push([id, dn.toLowerCase()]);
    });
  }
  inv.edges = inv.edges.filter(([, to]) => ids.has(to));
  let direct: Set<string> | undefined;
  if (opts.manifest !== undefined) {
    const m = asObject(parseJsonWithLines(opts.manifest).value) ?? {};
    direct = new Set(
      [...Object.keys(asObject(m.require) ?? {}), ...Object.keys(asObject(m['require-dev']) ?? {})].map((n) =>
        n.toLowerCase(),
      ),
    );
  }
  return computePaths(inv, direct ?? rootsOf(inv));
}
