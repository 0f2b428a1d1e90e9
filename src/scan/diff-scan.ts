import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineFromFindings } from '../policy/baseline.js';
import type { ScanResult } from '../core/result.js';
import { changedPaths, diffBase, materialize, pathsInCommit, repoTop, stagedPaths } from '../discover/git.js';
import { createRegistry } from '../analyzers/index.js';
import { runScan, type ScanOptions } from './run-scan.js';

/** Analyzers a pre-commit hook runs by default: the ones that cost milliseconds per file. */
export const FAST_ANALYZERS = ['secrets', 'iac', 'pipeline'] as const;

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanguard-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Scans what changed since `ref` (from its merge base with HEAD, plus uncommitted and untracked
 * files) and fails only on findings the change introduced: the same files at the base are scanned
 * too, and findings with a fingerprint already there are marked unchanged.
 */
export async function runDiffScan(opts: ScanOptions, ref: string): Promise<ScanResult> {
  const top = await repoTop(opts.path);
  const base = await diffBase(top, ref);
  const changed = await changedPaths(top, base);
  const baseline = await withTempDir(async (dir) => {
    const before = await pathsInCommit(top, base, changed);
    await materialize(top, base, before, dir);
    const prior = await runScan({ ...opts, path: dir, failOn: 'none', onProgress: undefined });
    return baselineFromFindings(`${ref} (merge base ${base.slice(0, 12)})`, prior.findings);
  });
  const result = await runScan({ ...opts, path: top, include: new Set(changed), baseline });
  result.warnings.unshift(
    `diff: ${changed.length} changed file(s) since ${ref} (merge base ${base.slice(0, 12)})`,
  );
  return result;
}

/** Scans the staged content of the index (what the next commit will contain), for a pre-commit hook. */
export async function runStagedScan(opts: ScanOptions): Promise<ScanResult> {
  const top = await repoTop(opts.path);
  const staged = await stagedPaths(top);
  const registry = opts.registry ?? createRegistry();
  const only =
    opts.only && opts.only.length > 0 ? opts.only : FAST_ANALYZERS.filter((id) => registry.has(id));
  return withTempDir(async (dir) => {
    await materialize(top, '', staged, dir);
    const result = await runScan({ ...opts, only, registry, path: dir });
    result.root = top;
    return result;
  });
}
