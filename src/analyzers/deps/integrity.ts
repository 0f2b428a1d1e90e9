import type { LockedPackage } from './lockfiles/types.js';
import type { IntegrityRuleId } from './rules.js';

/** Registry hosts each ecosystem trusts by default; the `registries` option adds mirrors. */
const DEFAULT_HOSTS: Record<string, readonly string[]> = {
  npm: ['registry.npmjs.org', 'registry.yarnpkg.com', 'registry.npmjs.com'],
  PyPI: ['pypi.org', 'files.pythonhosted.org', 'pypi.python.org'],
  'crates.io': ['github.com', 'index.crates.io', 'static.crates.io'],
  RubyGems: ['rubygems.org', 'index.rubygems.org'],
};

/** Lockfiles that record a hash for every registry package, so a missing one means something. */
const HASHING_FORMATS = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'Cargo.lock',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'Pipfile.lock',
  'packages.lock.json',
]);

const COMMIT_RE = /(^|[#=@/])[0-9a-f]{40}($|[&?#/])/i;

function isGit(resolved: string): boolean {
  return /^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved) || /\.git([#?]|$)/.test(resolved);
}

function hostOf(resolved: string): { protocol: string; host: string } | undefined {
  const url = resolved.replace(/^(registry|sparse)\+/, '');
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const u = new URL(url);
    return { protocol: u.protocol, host: u.hostname.toLowerCase() };
  } catch (err) {
    void err; // Not a URL (a path or a registry name): no host to judge.
    return undefined;
  }
}

export interface IntegrityIssue {
  rule: IntegrityRuleId;
  detail: string;
}

/** Lockfile integrity problems of one package entry. */
export function integrityIssues(
  fileName: string,
  p: LockedPackage,
  extraHosts: readonly string[] = [],
  requireHashes = false,
): IntegrityIssue[] {
  const out: IntegrityIssue[] = [];
  const resolved = p.resolved;
  const git = resolved !== undefined && isGit(resolved);
  if (git) {
    if (!COMMIT_RE.test(resolved))
      out.push({ rule: 'deps/git-unpinned', detail: `resolved from ${resolved}` });
    return out;
  }
  const where = resolved ? hostOf(resolved) : undefined;
  if (where?.protocol === 'http:')
    out.push({ rule: 'deps/resolved-over-http', detail: `resolved from ${resolved}` });
  const trusted = DEFAULT_HOSTS[p.ecosystem];
  if (
    where &&
    trusted &&
    !trusted.includes(where.host) &&
    !extraHosts.map((h) => h.toLowerCase()).includes(where.host)
  ) {
    out.push({ rule: 'deps/unexpected-registry', detail: `resolved from host ${where.host}` });
  }
  const local = resolved !== undefined && /^(file:|link:|workspace:|\.{0,2}\/)/.test(resolved);
  // yarn v1 lockfiles written before yarn 1.10 keep the tarball's SHA-1 as the resolved URL's fragment
  // (`…/left-pad-1.3.0.tgz#5b8a…`), which yarn checks on download: that is a recorded hash too.
  const fragmentHash =
    fileName === 'yarn.lock' && resolved !== undefined && /\.tgz#[0-9a-f]{40}$/i.test(resolved);
  if (
    !p.integrity &&
    !fragmentHash &&
    !local &&
    !p.inBundle &&
    (HASHING_FORMATS.has(fileName) || requireHashes) &&
    p.version !== '0.0.0-use.local'
  ) {
    out.push({ rule: 'deps/missing-integrity', detail: 'no integrity hash recorded' });
  }
  return out;
}
