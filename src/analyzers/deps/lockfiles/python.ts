import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { normalisePypiName } from '../versions/pep440.js';
import { computePaths, rootsOf } from './graph.js';
import { asObject, parseJsonWithLines, str } from './json-lines.js';
import { purlFor } from './purl.js';
import { parseTomlPackages } from './toml-lines.js';
import { maskCredentials } from '../../../core/credentials.js';
import type { Inventory, LockedPackage, UnresolvedDependency } from './types.js';

function pkg(name: string, version: string, line: number): LockedPackage {
  const id = normalisePypiName(name);
  return { id, ecosystem: 'PyPI', name, version, purl: purlFor('PyPI', name, version), direct: true, line };
}

/** requirements*.txt: `name==version` pins (extras, markers and `--hash` options understood); other lines noted. */
export function parseRequirements(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const lines = text.split(/\r?\n/);
  const unpinned: UnresolvedDependency[] = [];
  let included = 0;
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!;
    // Backslash continuations join lines (pip-compile puts each --hash on its own line).
    while (logical.endsWith('\\') && i + 1 < lines.length) logical = logical.slice(0, -1) + ' ' + lines[++i]!;
    const body = logical.replace(/(^|\s)#.*$/, '').trim();
    if (/^(-r|--requirement|-c|--constraint)\s/.test(body)) included++;
    if (body === '' || body.startsWith('-')) continue;
    const m =
      /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})(\[[^\]]{0,200}\])?\s*===?\s*([^\s;,]{1,100})\s*(;[^-]*)?(.*)$/.exec(
        body,
      );
    if (!m) {
      const req = /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})(?:\[[^\]]{0,200}\])?\s*([^;#]{0,500})/.exec(body);
      if (req)
        unpinned.push({
          ecosystem: 'PyPI',
          name: req[1]!,
          // `django>=4.2`, `requests`, or a URL (`pkg @ https://…`, whose credentials are masked).
          range: maskCredentials(req[2]!.trim() || '*'),
          reason: 'not pinned with ==',
          line: start + 1,
        });
      continue;
    }
    const p = pkg(m[1]!, m[3]!, start + 1);
    const hashes = [...(m[5] ?? '').matchAll(/--hash[=\s]+([a-z0-9]{1,10}:[a-f0-9]{16,128})/g)].map(
      (h) => h[1]!,
    );
    if (hashes[0]) p.integrity = hashes[0];
    inv.packages.push(p);
  }
  if (unpinned.length > 0) {
    inv.unresolved = unpinned;
    const names = unpinned.slice(0, 10).map((u) => `${u.name} ${u.range}`);
    inv.notes.push(
      `${unpinned.length} requirement(s) are not pinned with == and were not resolved, listed without a version: ` +
        `${names.join(', ')}${unpinned.length > 10 ? ` and ${unpinned.length - 10} more` : ''} (pin them, e.g. with pip-compile)`,
    );
  }
  // Included files are scanned on their own when they are named requirements*.txt; others are not read.
  if (included > 0) inv.notes.push(`${included} -r/-c include(s) are not followed from this file`);
  return inv;
}

function firstHash(files: unknown): string | undefined {
  if (!Array.isArray(files)) return undefined;
  for (const f of files) {
    const h = str(asObject(f), 'hash');
    if (h) return h;
  }
  return undefined;
}

/** Dependency names from poetry (`{name = spec}`), pdm (`["name>=1"]`) or uv (`[{name = …}]`) tables. */
function depNamesOf(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v
      .map((d) =>
        typeof d === 'string' ? /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}/.exec(d)?.[0] : str(asObject(d), 'name'),
      )
      .filter((x): x is string => x !== undefined);
  }
  return Object.keys(asObject(v) ?? {});
}

/** poetry.lock, pdm.lock and uv.lock: `[[package]]` tables with name, version, dependencies and file hashes. */
export function parsePythonTomlLock(text: string, what: string): Inventory {
  const { root, packages } = parseTomlPackages(text, what);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const legacyHashes = asObject(asObject(root.metadata)?.files) ?? {};
  const direct = new Set<string>();
  let hasRoot = false;
  for (const { table, line } of packages) {
    const name = str(table, 'name');
    const version = str(table, 'version');
    if (!name) continue;
    const source = asObject(table.source) ?? {};
    const id = normalisePypiName(name);
    const deps = [
      ...depNamesOf(table.dependencies),
      ...Object.values(asObject(table['optional-dependencies']) ?? {}).flatMap(depNamesOf),
      ...Object.values(asObject(table['dev-dependencies']) ?? {}).flatMap(depNamesOf),
    ].map(normalisePypiName);
    // uv: the project itself is a package whose source is editable/virtual; its dependencies are direct.
    if (source.editable !== undefined || source.virtual !== undefined) {
      hasRoot = true;
      for (const d of deps) direct.add(d);
      continue;
    }
    if (!version) continue;
    const p = pkg(name, version, line);
    p.direct = false;
    const h =
      firstHash(table.files) ??
      firstHash(table.wheels) ??
      str(asObject(table.sdist), 'hash') ??
      firstHash(legacyHashes[name]);
    if (h) p.integrity = h;
    const git = str(source, 'git') ?? (str(source, 'type') === 'git' ? str(source, 'url') : undefined);
    const commit = str(source, 'resolved_reference') ?? str(source, 'reference') ?? '';
    // uv writes git sources as `git+https://…?rev=x#<commit>`; poetry as url + resolved_reference.
    const url = git
      ? git.includes('#')
        ? git
        : `git+${git}#${commit}`
      : (str(source, 'registry') ?? str(source, 'url'));
    if (url) p.resolved = url;
    if (table.category === 'dev') p.dev = true;
    inv.packages.push(p);
    for (const d of deps) inv.edges.push([id, d]);
  }
  return computePaths(inv, hasRoot ? direct : rootsOf(inv));
}

/** Pipfile.lock: JSON with `default` and `develop` sections of `{version: "==1.2"}` entries. */
export function parsePipfileLock(text: string): Inventory {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('Pipfile.lock: the top level is not an object', 1);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  for (const section of ['default', 'develop']) {
    for (const [name, raw] of Object.entries(tableAt(root, section, 'Pipfile.lock') ?? {})) {
      const e = asObject(raw) ?? {};
      const v = str(e, 'version');
      if (!v?.startsWith('==')) continue;
      const p = pkg(name, v.replace(/^===?/, ''), doc.lineOf([section, name]) ?? 1);
      const hashes = e.hashes;
      if (Array.isArray(hashes) && typeof hashes[0] === 'string') p.integrity = hashes[0];
      if (section === 'develop') p.dev = true;
      const git = str(e, 'git');
      if (git) p.resolved = `git+${git}${str(e, 'ref') ? '#' + str(e, 'ref') : ''}`;
      inv.packages.push(p);
    }
  }
  return inv;
}
