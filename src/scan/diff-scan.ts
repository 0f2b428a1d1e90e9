import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { baselineFromFindings } from '../policy/baseline.js';
import type { ScanResult } from '../core/result.js';
import { changedPaths, diffBase, materialize, treeEntries, type BlobEntry } from '../discover/git.js';
import { FILE_MATCHERS, loadRegistry } from '../analyzers/load.js';
import type { FileRef } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';
import { DEFAULT_MAX_FILE_SIZE, runScan, type ScanOptions } from './run-scan.js';
import { scanWarning, type ScanWarning } from '../core/warning.js';
import { readStagedIndex, scope, type StagedIndex } from './staged-index.js';

/** Analyzers a pre-commit hook runs by default: the ones that cost milliseconds per file. */
export const FAST_ANALYZERS = ['secrets', 'iac', 'pipeline'] as const;
type FastId = (typeof FAST_ANALYZERS)[number];

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanguard-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function skippedWarnings(
  what: string,
  skipped: { path: string; reason: string }[],
  other: string[],
): ScanWarning[] {
  return [
    ...skipped.map((s) =>
      scanWarning(`${what}-not-scanned`, `${s.path} not scanned: ${s.reason}`, { path: s.path }),
    ),
    ...other.map((p) =>
      scanWarning(
        `${what}-not-scanned`,
        `${p} not scanned: not a regular file (symbolic link, submodule or conflict)`,
        { path: p },
      ),
    ),
  ];
}

/**
 * Scans what changed since `ref` (from its merge base with HEAD, plus uncommitted and untracked
 * files) and fails only on findings the change introduced: the same files at the base are scanned
 * too, and findings with a fingerprint already there are marked unchanged.
 */
export async function runDiffScan(opts: ScanOptions, ref: string): Promise<ScanResult> {
  const { top, prefix } = await scope(opts.path);
  const base = await diffBase(top, ref);
  const changed = (await changedPaths(top, base)).filter((p) => p.startsWith(prefix));
  const baseline = await withTempDir(async (dir) => {
    const { entries } = await treeEntries(top, base, changed);
    await materialize(top, entries, dir, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    const prior = await runScan({ ...opts, path: dir, failOn: 'none', onProgress: undefined });
    return baselineFromFindings(`${ref} (merge base ${base.slice(0, 12)})`, prior.findings);
  });
  const result = await runScan({ ...opts, path: top, include: new Set(changed), baseline });
  result.warnings.unshift(
    scanWarning(
      'diff-scope',
      `diff: ${changed.length} changed file(s) since ${ref} (merge base ${base.slice(0, 12)})`,
    ),
  );
  return result;
}

/**
 * Scans the staged content of the index (what the next commit will contain), for a pre-commit
 * hook. Every staged path is accounted for: one that cannot be written out is a warning. `index`
 * is the index already being read (the CLI starts reading it before it loads the engine).
 */
export async function runStagedScan(
  opts: ScanOptions,
  index: Promise<StagedIndex> = readStagedIndex(opts.path),
): Promise<ScanResult> {
  const named = opts.only && opts.only.length > 0 ? opts.only : undefined;
  // The secrets analyzer reads every file: it loads while git reads the index.
  const warm =
    named || opts.registry || opts.skip?.includes('secrets')
      ? undefined
      : loadRegistry({ only: ['secrets'] });
  const [{ top, entries, other }] = await Promise.all([index, warm]);
  // By default, an analyzer that reads no staged file is not even loaded (it would analyze nothing).
  const idle = named || opts.registry ? [] : await idleAnalyzers(entries);
  const registry =
    opts.registry ??
    (await loadRegistry({
      only: named ?? FAST_ANALYZERS.filter((id) => !idle.includes(id)),
      skip: opts.skip,
    }));
  const only = named ?? FAST_ANALYZERS.filter((id) => registry.has(id));
  return withTempDir(async (dir) => {
    const { skipped } = await materialize(top, entries, dir, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    // Every file written out is staged, so tracked: .gitignore does not apply to it (as in git), and
    // the folder is not a repository to ask, neither for ignores nor for when a line was introduced
    // (a staged line has not been committed yet).
    const result = await runScan({ ...opts, only, registry, path: dir, gitignore: false, introduced: false });
    result.root = top;
    // The analyzers left unloaded are reported as they would have run: on no file, with nothing found.
    if (idle.length > 0)
      result.analyzers = only
        .concat(idle)
        .filter((id) => !opts.skip?.includes(id))
        .sort((a, b) => FAST_ANALYZERS.indexOf(a as FastId) - FAST_ANALYZERS.indexOf(b as FastId))
        .map(
          (id) =>
            result.analyzers.find((a) => a.id === id) ?? {
              id: id as AnalyzerId,
              status: 'succeeded',
              filesAnalyzed: 0,
              findings: 0,
              durationMs: 0,
              errors: [],
            },
        );
    result.warnings.unshift(
      scanWarning('staged-scope', `staged: ${entries.length + other.length} staged file(s)`),
      ...skippedWarnings('staged', skipped, other),
    );
    return result;
  });
}

/** The default pre-commit analyzers that read only files and want none of the staged ones. */
async function idleAnalyzers(entries: readonly BlobEntry[]): Promise<AnalyzerId[]> {
  const refs: FileRef[] = entries.map((e) => {
    const name = posix.basename(e.path);
    return { path: e.path, name, ext: posix.extname(name).slice(1).toLowerCase(), size: 0 };
  });
  const idle: AnalyzerId[] = [];
  for (const [id, load] of Object.entries(FILE_MATCHERS) as [AnalyzerId, (typeof FILE_MATCHERS)['iac']][]) {
    if (!(FAST_ANALYZERS as readonly string[]).includes(id)) continue;
    const matches = await load();
    if (!refs.some((f) => matches(f))) idle.push(id);
  }
  return idle;
}
