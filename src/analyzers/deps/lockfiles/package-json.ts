import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { asObject, parseJsonWithLines } from './json-lines.js';
import { purlFor } from './purl.js';
import { parseSemver } from '../versions/semver.js';
import type { Inventory, LockedPackage, ParseOptions } from './types.js';

/**
 * package.json without a lockfile: only exact versions are inventoried; ranges would need the registry,
 * which a scan never asks, so they are counted in a note instead.
 */
export function parsePackageJson(text: string, opts: ParseOptions = {}): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  if (opts.hasSiblingLockfile) return inv;
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('package.json: the top level is not an object', 1);
  let ranges = 0;
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, spec] of Object.entries(tableAt(root, field, 'package.json') ?? {})) {
      if (typeof spec !== 'string') continue;
      const exact = spec.trim().replace(/^=/, '');
      if (!parseSemver(exact) || /^v/.test(exact)) {
        ranges++;
        continue;
      }
      const p: LockedPackage = {
        id: name,
        ecosystem: 'npm',
        name,
        version: exact,
        purl: purlFor('npm', name, exact),
        direct: true,
        line: doc.lineOf([field, name]) ?? 1,
      };
      if (field === 'devDependencies') p.dev = true;
      inv.packages.push(p);
    }
  }
  inv.notes.push(
    `no lockfile next to this package.json: only exact versions were checked${ranges > 0 ? `, ${ranges} range(s) were not resolved` : ''}`,
  );
  return inv;
}
