import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import type { Analyzer, AnalyzerContext, FileRef, ProjectContext, SourceFile } from '../../core/analyzer.js';
import { VanguardError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { findingFrom, type RuleMeta } from '../../core/rule.js';
import { resolveDbPath } from './db/paths.js';
import { dbStatus } from './db/status.js';
import { indexFor } from './advisory-lookup.js';
import { AdvisoryIndex } from './db/store.js';
import { declaredInventory } from './declare.js';
import { manifestInventory } from './installed.js';
import { integrityIssues } from './integrity.js';
import { formatFor, isDependencyFile, NPM_LOCKFILES } from './lockfiles/index.js';
import type { Inventory, LockedPackage, ParseOptions } from './lockfiles/types.js';
import { matchPackage, type AdvisoryMatch } from './osv/match.js';
import { normaliseName } from './osv/normalise.js';
import type { OsvRecord } from './osv/types.js';
import { INTEGRITY_RULES } from './rules.js';
import { packageVerdict, VULNERABLE_PACKAGE_RULE } from './package-finding.js';
import { OWN_MANIFESTS, ownPackageOf, projectVerdict, VULNERABLE_PROJECT_RULE } from './own-project.js';
import { profileOption } from '../../core/profile.js';
import { roleOfFile } from '../../core/role-option.js';
import { optionsOf } from '../options.js';

export type { DepsOptions } from './options.js';
export { advisoryMatches, closeDepsDatabase } from './advisory-lookup.js';

const RULES_BY_ID = new Map<string, RuleMeta>(INTEGRITY_RULES.map((r) => [r.id, r]));

function sibling(file: FileRef, name: string): string {
  const dir = posix.dirname(file.path);
  return dir === '.' ? name : `${dir}/${name}`;
}

async function parseOptions(
  file: SourceFile,
  ctx: AnalyzerContext,
  manifest: string | undefined,
): Promise<ParseOptions> {
  const opts: ParseOptions = {};
  if (file.name === 'package.json')
    opts.hasSiblingLockfile = NPM_LOCKFILES.some((l) => ctx.paths.has(sibling(file, l)));
  if (manifest && ctx.paths.has(sibling(file, manifest))) {
    const text = await ctx.readFile(sibling(file, manifest));
    if (text !== undefined) opts.manifest = text;
  }
  // A yarn Berry lockfile names its workspaces' folders; their manifests say which dependencies are production ones.
  if (file.name === 'yarn.lock' && /^__metadata:/m.test(file.text)) {
    const manifests = new Map<string, string>();
    for (const ws of workspaceFolders(file.text)) {
      const path = sibling(file, `${ws}/package.json`);
      const text = ctx.paths.has(path) ? await ctx.readFile(path) : undefined;
      if (text !== undefined) manifests.set(ws, text);
    }
    opts.workspaceManifests = manifests;
  }
  return opts;
}

// A Berry workspace entry's resolution, `"name@workspace:packages/a"`, other than the root's (`.`).
const WORKSPACE_RESOLUTION =
  /^ {2}resolution: "?(?:@[^/@\s]{1,214}\/)?[^@\s]{1,214}@workspace:([^"\s]{1,500})"?$/gm;

/** The folders a yarn Berry lockfile's workspace entries name, the root's excepted. */
function workspaceFolders(text: string): string[] {
  return [...text.matchAll(WORKSPACE_RESOLUTION)].map((m) => m[1]!).filter((p) => p !== '.');
}

function vulnerablePackageFinding(file: SourceFile, p: LockedPackage, matches: AdvisoryMatch[]): RawFinding {
  const v = packageVerdict(p, matches);
  // The exposure cannot start before the first advisory was public; the scan's blame stage moves it later
  // when the vulnerable version entered the lockfile after that.
  const published = matches
    .flatMap((m) => m.records.map((r) => r.published))
    .filter((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)))
    .sort((x, y) => Date.parse(x) - Date.parse(y))[0];
  return findingFrom(VULNERABLE_PACKAGE_RULE, {
    ...(published ? { introducedAt: new Date(published).toISOString() } : {}),
    title: v.title,
    message: v.message,
    remediation: v.remediation,
    severity: v.severity,
    cwe: v.cwe,
    location: { path: file.path, startLine: p.line, snippet: file.lines()[p.line - 1]?.trim() ?? '' },
    fingerprintKey: v.fingerprintKey,
    package: v.package,
  });
}

/**
 * One entry per ecosystem+name+version (npm can lock the same version at several paths): a copy installed in
 * production before a development-only one (the version is deployed when any copy is), then direct first, then
 * shortest path.
 */
function uniquePackages(inv: Inventory): LockedPackage[] {
  const best = new Map<string, LockedPackage>();
  const rank = (x: LockedPackage): number =>
    (x.dev === true ? 1_000_000 : 0) + (x.direct ? 0 : (x.path?.length ?? 1000));
  for (const p of inv.packages) {
    const k = `${p.ecosystem}|${normaliseName(p.ecosystem, p.name)}|${p.version}`;
    const prev = best.get(k);
    if (!prev || rank(p) < rank(prev)) best.set(k, p);
  }
  return [...best.values()];
}

// Rules whose entries are aggregated per lockfile: a lockfile written by an old package manager lacks
// hashes on hundreds of entries, and one finding with a count says all there is to say.
const AGGREGATED = new Set<string>(['deps/missing-integrity']);
const EXAMPLES = 5;

function integrityFindings(
  file: SourceFile,
  inv: Inventory,
  options: Readonly<Record<string, unknown>>,
): RawFinding[] {
  const extra = optionsOf('deps', options).registries ?? [];
  const requireHashes = /^requirements/.test(file.name) && inv.packages.some((p) => p.integrity);
  const out: RawFinding[] = [];
  const grouped = new Map<string, LockedPackage[]>();
  const at = (p: LockedPackage) => ({
    path: file.path,
    startLine: p.line,
    snippet: file.lines()[p.line - 1]?.trim() ?? '',
  });
  for (const p of inv.packages) {
    for (const issue of integrityIssues(file.name, p, extra, requireHashes)) {
      if (AGGREGATED.has(issue.rule)) {
        grouped.set(issue.rule, [...(grouped.get(issue.rule) ?? []), p]);
        continue;
      }
      out.push(
        findingFrom(RULES_BY_ID.get(issue.rule)!, {
          message: `${p.name}@${p.version}: ${issue.detail}.`,
          location: at(p),
          fingerprintKey: `${p.ecosystem}|${p.name}|${p.version}|${p.resolved ?? ''}`,
        }),
      );
    }
  }
  for (const [rule, pkgs] of grouped) {
    const names = pkgs.slice(0, EXAMPLES).map((p) => `${p.name}@${p.version}`);
    const more = pkgs.length > EXAMPLES ? `, and ${pkgs.length - EXAMPLES} more` : '';
    out.push(
      findingFrom(RULES_BY_ID.get(rule)!, {
        message:
          pkgs.length === 1
            ? `${names[0]}: no integrity hash recorded.`
            : `${pkgs.length} locked packages have no integrity hash recorded: ${names.join(', ')}${more}.`,
        location: at(pkgs[0]!),
        // One finding per lockfile and rule: the count may change, the decision (relock) does not.
        fingerprintKey: `${file.path}|${rule}`,
      }),
    );
  }
  return out;
}

/** The finding for the project's own published package when its manifest names an affected version. */
function ownProjectFinding(file: SourceFile, index: AdvisoryIndex, ctx: AnalyzerContext): RawFinding[] {
  const own = ownPackageOf(file.path, file.name, file.text);
  if (!own) return [];
  const records = index.lookupMany(own.ecosystem, [own.name]).get(normaliseName(own.ecosystem, own.name));
  if (!records) return [];
  let matches: AdvisoryMatch[];
  try {
    matches = matchPackage(records, own, (id, err) =>
      ctx.warn(
        `${file.path}: advisory ${id} could not be evaluated for ${own.name}@${own.version} and was skipped ` +
          `(${(err as Error).message}); re-import the database with \`vanguard db update\``,
      ),
    );
  } catch (err) {
    ctx.warn(
      `${file.path}: the advisories of ${own.name}@${own.version} could not be evaluated (${(err as Error).message})`,
    );
    return [];
  }
  if (matches.length === 0) return [];
  const v = projectVerdict(own, file.name, matches);
  return [
    findingFrom(VULNERABLE_PROJECT_RULE, {
      title: v.title,
      message: v.message,
      remediation: v.remediation,
      severity: v.severity,
      cwe: v.cwe,
      location: { path: file.path, startLine: own.line, snippet: file.lines()[own.line - 1]?.trim() ?? '' },
      fingerprintKey: v.fingerprintKey,
      package: v.package,
    }),
  ];
}

/** Parses a dependency file into its inventory: notes go to ctx.warn, the packages to ctx.declareInventory. */
export async function inventoryOf(file: SourceFile, ctx: AnalyzerContext): Promise<Inventory | undefined> {
  const fmt = formatFor(file.name);
  if (!fmt) return undefined;
  const opts = await parseOptions(file, ctx, fmt.manifest);
  const dir = posix.dirname(file.path);
  const inv =
    file.name === 'package.json' && !opts.hasSiblingLockfile
      ? manifestInventory(file.text, await ctx.readInstalledNpm?.(dir === '.' ? '' : dir))
      : fmt.parse(file.text, opts);
  for (const note of inv.notes) ctx.warn(note, { code: 'lockfile-note', path: file.path });
  ctx.declareInventory?.(declaredInventory(file.path, inv, fmt.scopes === true || inv.devMarked === true));
  return inv;
}

/** Opens the database once to fail early (DATABASE error) and warns when it is stale. */
function checkDatabase(ctx: ProjectContext): void {
  const opts = optionsOf('deps', ctx.options);
  const path = resolveDbPath(opts.dbPath);
  // Throws the DATABASE error (with the commands to fix it) when there is no database.
  AdvisoryIndex.open(path).close();
  const status = dbStatus(path);
  const maxAge = opts.maxDbAgeDays ?? 7;
  if (status.ageDays !== undefined && status.ageDays > maxAge) {
    ctx.warn(
      `the advisory database at ${path} is ${Math.floor(status.ageDays)} days old: run \`vanguard db update\``,
      { code: 'advisory-db-stale' },
    );
  }
  if (status.advisories === 0)
    throw new VanguardError(
      'DATABASE',
      `the advisory database at ${path} is empty: run \`vanguard db update\``,
    );
}

export const depsAnalyzer: Analyzer = {
  id: 'deps',
  description:
    'Vulnerable dependencies (OSV advisories) and lockfile integrity, from lockfiles and manifests of every major ecosystem.',
  rules: [...INTEGRITY_RULES, VULNERABLE_PACKAGE_RULE, VULNERABLE_PROJECT_RULE],
  // A default scan marks a development-only package's advisories, the audit profile's, as held back.
  marksHeldBack: true,
  matches: (file) => isDependencyFile(file.name) || OWN_MANIFESTS.has(file.name),

  /**
   * Without a database, a scan that asked for deps by name stops (exit 2); a default scan goes on
   * with the lockfile integrity rules only, and says loudly that advisories were not checked.
   */
  prepare(ctx: ProjectContext): Promise<void> {
    let opts;
    try {
      opts = optionsOf('deps', ctx.options);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    if (opts.advisories === false) return Promise.resolve();
    if (!ctx.requested && !existsSync(resolveDbPath(opts.dbPath))) {
      ctx.warn(
        `no advisory database at ${resolveDbPath(opts.dbPath)}: dependencies were NOT checked for known ` +
          'vulnerabilities (run `vanguard db update`, or `vanguard db import <zip|folder>` offline)',
        { code: 'advisory-db-missing' },
      );
      return Promise.resolve();
    }
    try {
      checkDatabase(ctx);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  },

  async analyze(file, ctx) {
    const inv = await inventoryOf(file, ctx);
    const index = optionsOf('deps', ctx.options).advisories === false ? undefined : indexFor(ctx.options);
    const own = index ? ownProjectFinding(file, index, ctx) : [];
    if (!inv) return own;
    const out = [...own, ...integrityFindings(file, inv, ctx.options)];
    if (!index) return out;
    const unique = uniquePackages(inv);
    // A development-only package (the lockfile's dev flag) is not in what the project deploys: its advisories are
    // the audit profile's, as Trivy leaves dev dependencies out unless asked (`--include-dev-deps`).
    const withDev = profileOption('deps', ctx.options) === 'audit';
    // A dependency file of an example (`examples/`, `demo/`: the file-role classifier's example role) is installed
    // only by whoever runs the example from its folder; the application's own install never reads it, as npm, yarn,
    // pnpm and bun read only the lockfile beside the manifest they install. Its advisories go with dev-only ones.
    const example = roleOfFile(file.path, file.text, ctx.options) === 'example';
    let devOnly = 0;
    const byEcosystem = new Map<string, Map<string, OsvRecord[]>>();
    for (const eco of new Set(unique.map((p) => p.ecosystem))) {
      byEcosystem.set(
        eco,
        index.lookupMany(
          eco,
          unique.filter((p) => p.ecosystem === eco).map((p) => p.name),
        ),
      );
    }
    for (const p of unique) {
      const records = byEcosystem.get(p.ecosystem)?.get(normaliseName(p.ecosystem, p.name));
      if (!records) continue;
      // A malformed stored record is skipped and named; the package's other advisories still match.
      const onBad = (id: string, err: unknown): void =>
        ctx.warn(
          `${file.path}: advisory ${id} could not be evaluated for ${p.name}@${p.version} and was skipped ` +
            `(${(err as Error).message}); re-import the database with \`vanguard db update\``,
        );
      let matches: AdvisoryMatch[];
      try {
        matches = matchPackage(records, p, onBad);
      } catch (err) {
        onBad(records.map((r) => r.id).join(', '), err);
        continue;
      }
      if (matches.length === 0) continue;
      if ((p.dev === true || example) && !withDev) {
        devOnly++;
        // Left to the audit profile: marked, so the scan result lists its fingerprint (ScanResult.heldBack).
        out.push({ ...vulnerablePackageFinding(file, p, matches), heldBack: true });
      } else out.push(vulnerablePackageFinding(file, p, matches));
    }
    if (devOnly > 0)
      ctx.warn(
        example
          ? `${file.path}: ${devOnly} package(s) with advisories not reported (an example's dependency file, which ` +
              "the application's install does not read); `scan --profile audit` reports them"
          : `${file.path}: ${devOnly} development-only package(s) with advisories not reported (not installed in ` +
              'production); `scan --profile audit` reports them',
        { code: 'dev-only-advisories', path: file.path },
      );
    return out;
  },
};
