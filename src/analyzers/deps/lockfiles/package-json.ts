import { maskCredentials } from '../../../core/credentials.js';
import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { asObject, parseJsonWithLines } from './json-lines.js';
import { purlFor } from './purl.js';
import { parseSemver } from '../versions/semver.js';
import { satisfiesNpmRange } from '../versions/npm-range.js';
import type { Inventory, LockedPackage, ParseOptions, UnresolvedDependency } from './types.js';

/** One dependency as package.json declares it. */
export interface Declared {
  field: 'dependencies' | 'devDependencies' | 'optionalDependencies';
  /** The key: the folder it is installed under (an alias's own name). */
  name: string;
  /** The package it really is (`npm:real@range` aliases), and the range without the alias. */
  realName: string;
  spec: string;
  line: number;
}

const FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const LISTED = 10;

/** Every string-valued dependency declaration of a package.json, with its line. */
export function declaredDependencies(text: string): Declared[] {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('package.json: the top level is not an object', 1);
  const out: Declared[] = [];
  for (const field of FIELDS) {
    for (const [name, raw] of Object.entries(tableAt(root, field, 'package.json') ?? {})) {
      if (typeof raw !== 'string') continue;
      const alias = /^npm:(@?[^@\s]{1,214})(?:@(.{0,1000}))?$/.exec(raw.trim());
      out.push({
        field,
        name,
        realName: alias ? alias[1]! : name,
        spec: alias ? (alias[2] ?? '*') : raw.trim(),
        line: doc.lineOf([field, name]) ?? 1,
      });
    }
  }
  return out;
}

/** "a@^1, b@~2 and 3 more": the unresolved declarations a note names. */
export function listUnresolved(items: readonly UnresolvedDependency[]): string {
  const names = items.slice(0, LISTED).map((u) => `${u.name}@${u.range}`);
  return `${names.join(', ')}${items.length > LISTED ? ` and ${items.length - LISTED} more` : ''}`;
}

/**
 * package.json without a lockfile: exact versions are inventoried as they are; a range is resolved to the
 * version installed in node_modules when the core found one (a scan never asks a registry); the rest
 * are listed as unresolved, in the inventory and in a note.
 */
export function parsePackageJson(text: string, opts: ParseOptions = {}): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [], unresolved: [] };
  if (opts.hasSiblingLockfile) return inv;
  const installed = opts.installed;
  const mismatched: string[] = [];
  let fromInstalled = 0;
  for (const d of declaredDependencies(text)) {
    const exact = d.spec.replace(/^=/, '');
    let version: string | undefined = parseSemver(exact) && !/^v/.test(exact) ? exact : undefined;
    if (!version && installed) {
      version = installed.versions.get(d.name);
      if (version !== undefined) {
        fromInstalled++;
        if (satisfiesNpmRange(version, d.spec) === false)
          mismatched.push(`${d.name}@${version} (declared ${maskCredentials(d.spec)})`);
      }
    }
    if (!version) {
      const u: UnresolvedDependency = {
        ecosystem: 'npm',
        name: d.realName,
        range: maskCredentials(d.spec),
        reason: installed ? `not installed in ${installed.from}` : 'no lockfile and no node_modules',
        line: d.line,
      };
      if (d.field === 'devDependencies') u.dev = true;
      inv.unresolved!.push(u);
      continue;
    }
    const p: LockedPackage = {
      id: d.name,
      ecosystem: 'npm',
      name: d.realName,
      version,
      purl: purlFor('npm', d.realName, version),
      direct: true,
      line: d.line,
    };
    if (d.field === 'devDependencies') p.dev = true;
    if (d.field === 'optionalDependencies') p.optional = true;
    inv.packages.push(p);
  }
  const parts = [
    `no lockfile next to this package.json: ${inv.packages.length - fromInstalled} exact version(s) read`,
  ];
  if (installed)
    parts.push(
      `${fromInstalled} range(s) resolved from the packages installed in ${installed.from}` +
        (installed.truncated ? ' (the folder holds more packages than are read)' : ''),
    );
  if (inv.unresolved!.length > 0)
    parts.push(
      `${inv.unresolved!.length} could not be resolved and are listed without a version: ${listUnresolved(inv.unresolved!)} ` +
        '(commit a lockfile, e.g. `npm install --package-lock-only`)',
    );
  inv.notes.push(parts.join('; '));
  if (mismatched.length > 0)
    inv.notes.push(
      `installed versions that do not satisfy the declared range: ${mismatched.slice(0, LISTED).join(', ')}`,
    );
  return inv;
}
