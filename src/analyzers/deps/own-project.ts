/**
 * The scanned project itself as a published package: a manifest that names the project's own package and
 * version (package.json, pyproject.toml, setup.cfg) is matched against the same advisories and with the same
 * matcher as its dependencies. A project whose own released version has a published advisory is told so as
 * its own finding kind: the fix is to release or deploy the fixed version, not to upgrade a dependency.
 */
import { parse as parseToml } from 'smol-toml';
import { roleFromPath } from '../../core/file-role.js';
import type { RuleMeta } from '../../core/rule.js';
import { asObject, parseJsonWithLines } from './lockfiles/json-lines.js';
import { purlFor } from './lockfiles/purl.js';
import { smallestFixForAll, type AdvisoryMatch } from './osv/match.js';
import { normaliseName } from './osv/normalise.js';
import { packageVerdict, type PackageVerdict } from './package-finding.js';
import { parsePep440 } from './versions/pep440.js';
import { parseSemver } from './versions/semver.js';

export const VULNERABLE_PROJECT_RULE: RuleMeta = {
  id: 'deps/vulnerable-project',
  analyzer: 'deps',
  title: "The project's own released version has known vulnerabilities",
  description:
    "The project's own manifest names a published package and version (package.json `name` and `version` without `private`, pyproject.toml `[project]` or `[tool.poetry]`, setup.cfg `[metadata]`) that published advisories (OSV) affect. The code scanned is that release: whoever installed or deployed it is exposed.",
  severity: 'high',
  confidence: 'high',
  cwe: [1395],
  owasp: ['A03:2025'],
  principles: ['asset-management'],
  phase: 'build',
  remediation:
    'Release (or deploy) the fixed version named in the finding, and tell the users of the affected versions to upgrade.',
  helpUri: 'https://osv.dev/',
};

/** The package a manifest says the project publishes, with the line that names its version. */
export interface OwnPackage {
  ecosystem: 'npm' | 'PyPI';
  name: string;
  version: string;
  line: number;
}

/** Files that can name the project's own package. */
export const OWN_MANIFESTS = new Set(['package.json', 'pyproject.toml', 'setup.cfg']);

function lineMatching(text: string, re: RegExp, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (re.test(lines[i]!)) return i + 1;
  return 1;
}

function fromPackageJson(text: string): OwnPackage | undefined {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  // `private: true` is npm's refusal to publish: no registry version can be this code.
  if (!root || root.private === true) return undefined;
  const { name, version } = root;
  if (typeof name !== 'string' || typeof version !== 'string') return undefined;
  if (!parseSemver(version) || /^v/.test(version)) return undefined;
  return { ecosystem: 'npm', name, version, line: doc.lineOf(['version']) ?? 1 };
}

function fromPyproject(text: string): OwnPackage | undefined {
  const root = parseToml(text);
  const project = asObject(root.project);
  const poetry = asObject(asObject(root.tool)?.poetry);
  const table = typeof project?.version === 'string' ? project : poetry;
  const name = table?.name;
  const version = table?.version;
  // A dynamic version (set by the build from git or a module) is not in the manifest: nothing to match.
  if (typeof name !== 'string' || typeof version !== 'string' || !parsePep440(version)) return undefined;
  const header = table === project ? /^\s*\[project\]/ : /^\s*\[tool\.poetry\]/;
  const at = lineMatching(text, header) - 1;
  return { ecosystem: 'PyPI', name, version, line: lineMatching(text, /^\s*version\s*=/, at) };
}

function fromSetupCfg(text: string): OwnPackage | undefined {
  let section = '';
  let name: string | undefined;
  let version: { v: string; line: number } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const head = /^\s*\[([^\]]+)\]/.exec(line);
    if (head) section = head[1]!.trim().toLowerCase();
    if (section !== 'metadata') return;
    const kv = /^([A-Za-z_-]+)\s*[=:]\s*(\S.*?)\s*$/.exec(line);
    if (kv?.[1] === 'name') name = kv[2];
    // `attr:` and `file:` versions are read at build time, not written here.
    if (kv?.[1] === 'version') version = { v: kv[2]!, line: i + 1 };
  });
  if (!name || !version || !parsePep440(version.v)) return undefined;
  return { ecosystem: 'PyPI', name, version: version.v, line: version.line };
}

/**
 * The project's own package as the manifest at `path` names it, or undefined: a manifest of a test, fixture,
 * example, vendored or generated folder is not the project (a fixture's package.json naming an old express
 * is test data), nor is one that cannot be parsed.
 */
export function ownPackageOf(path: string, name: string, text: string): OwnPackage | undefined {
  if (!OWN_MANIFESTS.has(name) || roleFromPath(path) !== 'source') return undefined;
  try {
    if (name === 'package.json') return fromPackageJson(text);
    if (name === 'pyproject.toml') return fromPyproject(text);
    return fromSetupCfg(text);
  } catch {
    // An unreadable manifest names no package; the dependency parsers report the parse error.
    return undefined;
  }
}

/** What the finding says: the package verdict, re-worded for the project's own release. */
export function projectVerdict(
  own: OwnPackage,
  manifest: string,
  matches: readonly AdvisoryMatch[],
): PackageVerdict {
  const facts = {
    ecosystem: own.ecosystem,
    name: own.name,
    version: own.version,
    purl: purlFor(own.ecosystem, own.name, own.version),
    direct: true,
  };
  const base = packageVerdict(facts, matches);
  const fix = smallestFixForAll(matches, facts);
  const n = matches.length;
  const list = matches
    .map(
      (m) =>
        `${m.id} (${m.severity.severity}, ${m.smallestFix ? `fixed in ${m.smallestFix}` : 'no fixed version'}): ${m.summary}`,
    )
    .join('; ');
  const lead = matches[0]!;
  return {
    ...base,
    title:
      n === 1
        ? `This project, ${own.name}@${own.version}, has a published advisory: ${lead.summary}`
        : `This project, ${own.name}@${own.version}, has ${n} published advisories (worst ${lead.severity.severity}: ${lead.summary})`,
    message:
      `${manifest} says this project is ${own.name}@${own.version}, and that released version is itself affected by ` +
      `${n === 1 ? 'a published advisory' : `${n} published advisories`}: ${list}. It is not a dependency: the code ` +
      'scanned is the vulnerable release, and every installation or deployment of it is exposed.',
    remediation: fix
      ? `Release or deploy ${own.name} ${fix} or later (the smallest version that fixes ${n === 1 ? 'it' : `all ${n}`}), and tell the users of ${own.version} to upgrade; if this code already holds the fixes, raise the version in ${manifest} so it no longer names an affected release.`
      : `No released version of ${own.name} fixes ${n === 1 ? 'it' : 'all of them'}: fix the code, release a new version, and tell the users of ${own.version}.`,
    // Not the same decision as a dependency of the same name and version in another project's lockfile.
    fingerprintKey: `project|${own.ecosystem}|${normaliseName(own.ecosystem, own.name)}|${own.version}`,
  };
}
