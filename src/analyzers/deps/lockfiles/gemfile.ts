import { ParseError } from '../../../core/errors.js';
import { computePaths, rootsOf } from './graph.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

/** Gemfile.lock: specs under GEM/GIT/PATH (`    name (version)`), their dependencies, and the DEPENDENCIES list. */
export function parseGemfileLock(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const lines = text.split(/\r?\n/);
  let section = '';
  let remote: string | undefined;
  let revision: string | undefined;
  let current: string | undefined;
  const byName = new Map<string, string>();
  const pendingEdges: [string, string][] = [];
  const declared: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      remote = undefined;
      revision = undefined;
      continue;
    }
    if (section === 'DEPENDENCIES') {
      const m = /^ {2}([^\s!(]{1,200})/.exec(line);
      if (m) declared.push(m[1]!);
      continue;
    }
    if (section !== 'GEM' && section !== 'GIT' && section !== 'PATH') continue;
    const field = /^ {2}(remote|revision|ref|branch|tag): (.{1,500})$/.exec(line);
    if (field) {
      if (field[1] === 'remote') remote = field[2];
      if (field[1] === 'revision') revision = field[2];
      continue;
    }
    const spec = /^ {4}([^\s(]{1,200}) \(([^)]{1,100})\)$/.exec(line);
    if (spec) {
      // Platform gems ("1.13.3-x86_64-linux") carry the platform after the version.
      const version = spec[2]!.replace(/-(x86|arm|aarch|java|universal|x64|mingw|mswin)[^\s]*$/, '');
      const name = spec[1]!;
      current = `${name}@${version}`;
      if (byName.has(name)) continue;
      byName.set(name, current);
      const p: LockedPackage = {
        id: current,
        ecosystem: 'RubyGems',
        name,
        version,
        purl: purlFor('RubyGems', name, version),
        direct: false,
        line: i + 1,
      };
      if (remote) p.resolved = section === 'GIT' ? `git+${remote}#${revision ?? ''}` : remote;
      inv.packages.push(p);
      continue;
    }
    const dep = /^ {6}([^\s(]{1,200})/.exec(line);
    if (dep && current) {
      pendingEdges.push([current, dep[1]!]);
      continue;
    }
    if (!/^ {2,4}(specs:|\S)/.test(line)) throw new ParseError('Gemfile.lock: unexpected indentation', i + 1);
  }
  for (const [from, name] of pendingEdges) {
    const to = byName.get(name);
    if (to) inv.edges.push([from, to]);
  }
  const direct = new Set(declared.map((n) => byName.get(n)).filter((x): x is string => x !== undefined));
  return computePaths(inv, declared.length > 0 ? direct : rootsOf(inv));
}
