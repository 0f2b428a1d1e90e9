import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { describeError, VanguardError } from '../core/errors.js';
import type { RawFinding, Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { findingFrom } from '../core/rule.js';
import { collectProducts, type Product } from './artifacts.js';
import { pathClassifier, type PathClass } from './classify.js';
import { lockedDependencies } from './dependencies.js';
import { readGitState } from './git-state.js';
import {
  buildEnvironment,
  provenanceStatement,
  WATCH_LOG_NAME,
  type ResourceDescriptor,
  type SlsaProvenance,
  type Statement,
  type WatchVerdict,
} from './provenance.js';
import { attestResult } from './result.js';
import { BUILD_RULES } from './rules.js';
import { changedBetween, differsFromCommit, snapshotTracked } from './snapshot.js';
import { foldersOf, SourceWatcher } from './watcher.js';

export interface BuildOptions {
  cwd: string;
  command: readonly string[];
  artifacts: readonly string[];
  /** Where provenance.json and the watch log go; relative to `cwd`. */
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Overrides the builder id taken from the CI environment. */
  builderId?: string;
  failOn?: Severity | 'none';
  /** Called once every watch is in place, just before the command starts. */
  onWatching?: () => void;
}

export interface BuildOutcome {
  /** The command's exit status (null when a signal ended it). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  result: ScanResult;
  verdict: WatchVerdict;
  products: Product[];
  watchLogPath: string;
  provenancePath?: string;
  statement?: Statement<SlsaProvenance>;
}

const toPosix = (p: string): string => p.split(sep).join('/');
const MAX_LISTED = 1000;

function runCommand(
  cmd: readonly string[],
  cwd: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd, stdio: 'inherit' });
    // Ctrl-C reaches the child through the terminal; a SIGTERM sent to us alone is passed on.
    const forward = (): void => void child.kill('SIGTERM');
    process.once('SIGTERM', forward);
    child.on('error', (e) => {
      process.off('SIGTERM', forward);
      rej(new VanguardError('USAGE', `cannot run ${cmd[0]}: ${e.message}`, { cause: e }));
    });
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      res({ code, signal });
    });
  });
}

function when(events: { t: number; kind: string }[]): string {
  const shown = events
    .slice(0, 4)
    .map(
      (e) =>
        `${e.kind === 'rename' ? 'created, replaced or removed' : 'written'} at +${(e.t / 1000).toFixed(3)} s`,
    );
  return shown.join(', ') + (events.length > 4 ? ` and ${events.length - 4} more` : '');
}

/** Runs a build command under watch and records what it consumed and produced (see docs/build-integrity.md). */
export async function runWatchedBuild(o: BuildOptions): Promise<BuildOutcome> {
  if (o.command.length === 0) throw new VanguardError('USAGE', 'give the build command after --');
  const startedOn = new Date();
  const cwd = resolve(o.cwd);
  const state = await readGitState(cwd);
  const cwdRel = toPosix(relative(state.top, cwd));
  const env = buildEnvironment(o.env, `urn:uuid:${randomUUID()}`);
  if (o.builderId !== undefined) env.builderId = o.builderId;
  const deps = await lockedDependencies(state.top);
  const warnings: string[] = deps.problems.map((p) => `dependencies: could not read ${p.path}: ${p.message}`);

  const before = snapshotTracked(state);
  const dirty = differsFromCommit(state, before);
  const untracked = state.changes.filter((c) => c.status === '??').map((c) => c.path);
  const folderList = foldersOf(before.keys());
  const classify = pathClassifier(state, new Set(folderList), o.artifacts, cwdRel);
  const watcher = new SourceWatcher(state.top, folderList);
  watcher.start();
  o.onWatching?.();
  let run: { code: number | null; signal: NodeJS.Signals | null };
  try {
    run = await runCommand(o.command, cwd);
  } finally {
    await watcher.stop();
  }
  const finishedOn = new Date();
  const after = snapshotTracked(state, before);
  const changed = new Set(changedBetween(before, after));

  const classes = new Map<string, PathClass>();
  for (const p of watcher.seen.keys()) classes.set(p, classify(p));
  const byPath = new Map<string, { t: number; kind: string }[]>();
  for (const e of watcher.events) {
    if (classes.get(e.path) === 'tracked' || classes.get(e.path) === 'added') {
      const l = byPath.get(e.path) ?? [];
      l.push(e);
      byPath.set(e.path, l);
    }
  }
  const findings: RawFinding[] = [];
  const tampered: string[] = [];
  const added: string[] = [];
  for (const [p, cls] of classes) {
    if (cls !== 'tracked' && cls !== 'added') continue;
    const evs = byPath.get(p) ?? [];
    const restored = !changed.has(p);
    if (cls === 'tracked') {
      tampered.push(p);
      findings.push(
        findingFrom(BUILD_RULES.sourceTampered, {
          message:
            `${p || '(the repository folder)'} was ${when(evs) || 'changed'} while the build ran` +
            (restored && before.has(p)
              ? '; its content after the build is the same as before, so it was put back: only the watch saw it.'
              : '.'),
          location: { path: p || '.', startLine: 1 },
          fingerprintKey: `tampered|${p}`,
        }),
      );
    } else {
      added.push(p);
      findings.push(
        findingFrom(BUILD_RULES.sourceAdded, {
          message: `${p} appeared in the source tree (${when(evs) || 'changed'}) while the build ran; it is neither tracked nor ignored.`,
          location: { path: p, startLine: 1 },
          fingerprintKey: `added|${p}`,
        }),
      );
    }
  }
  // Changes the watch did not name (a lost event, an unwatchable folder) still show in the content.
  for (const p of changed) {
    if (classes.get(p) === 'tracked') continue;
    tampered.push(p);
    findings.push(
      findingFrom(BUILD_RULES.sourceDiffers, {
        message: `${p} held different content after the build than before it.`,
        location: { path: p, startLine: 1 },
        fingerprintKey: `differs|${p}`,
      }),
    );
  }
  const ciDirty = env.ci !== 'none' && (dirty.length > 0 || untracked.length > 0);
  if (ciDirty) {
    const all = [...dirty, ...untracked];
    findings.push(
      findingFrom(BUILD_RULES.uncommittedChanges, {
        message: `The build started with ${dirty.length} tracked file(s) not matching commit ${state.commit.slice(0, 12)} and ${untracked.length} untracked file(s): ${all.slice(0, 5).join(', ')}${all.length > 5 ? ', …' : ''}.`,
        location: { path: all[0] ?? '.', startLine: 1 },
        fingerprintKey: `dirty|${state.commit}`,
      }),
    );
  } else if (dirty.length > 0 || untracked.length > 0) {
    warnings.push(
      `the work tree has ${dirty.length} changed tracked and ${untracked.length} untracked file(s) not in commit ${state.commit.slice(0, 12)}: recorded in the provenance`,
    );
  }
  const unreadable = [...after].filter(([, s]) => 'error' in s).map(([p]) => p);
  const coverageLost = [
    ...watcher.failures.map((f) => `${f.path}: ${f.message}`),
    ...unreadable.map((p) => `${p}: unreadable`),
  ];
  const verdict: WatchVerdict = {
    tampered: tampered.length > 0 || added.length > 0,
    complete: coverageLost.length === 0,
    trackedFiles: before.size,
    watchedFolders: folderList.length,
    events: watcher.events.length + watcher.dropped,
    tamperedPaths: [...new Set(tampered)].sort().slice(0, MAX_LISTED),
    addedPaths: added.sort().slice(0, MAX_LISTED),
    coverageLost: coverageLost.slice(0, MAX_LISTED),
  };

  const outDir = resolve(cwd, o.outDir);
  await mkdir(outDir, { recursive: true });
  const log =
    [
      JSON.stringify({
        type: 'start',
        commit: state.commit,
        startedOn: startedOn.toISOString(),
        command: o.command,
        watchedFolders: folderList.length,
        trackedFiles: before.size,
      }),
      ...watcher.events.map((e) => JSON.stringify({ type: 'event', ...e, class: classes.get(e.path) })),
      JSON.stringify({
        type: 'end',
        finishedOn: finishedOn.toISOString(),
        exitCode: run.code,
        signal: run.signal,
        droppedEvents: watcher.dropped,
        changedAfter: [...changed],
        verdict,
      }),
    ].join('\n') + '\n';
  const watchLogPath = join(outDir, WATCH_LOG_NAME);
  await writeFile(watchLogPath, log);

  const outcome: BuildOutcome = {
    exitCode: run.code,
    signal: run.signal,
    verdict,
    products: [],
    watchLogPath,
    result: undefined as unknown as ScanResult,
  };
  const incomplete = coverageLost.map((m) => ({
    path: m.split(':')[0] ?? '.',
    code: 'WATCH_LOST',
    message: m,
  }));
  if (run.code === 0 && o.artifacts.length > 0) {
    try {
      outcome.products = await collectProducts(cwd, o.artifacts);
    } catch (err) {
      incomplete.push({ path: '.', code: describeError(err).code, message: describeError(err).message });
    }
  } else if (o.artifacts.length === 0) {
    warnings.push('no --artifacts given: the watch ran, but there are no products to write provenance for');
  }
  if (outcome.products.length > 0) {
    const source: ResourceDescriptor = {
      uri:
        env.sourceUri ??
        (state.remoteUrl
          ? `git+${state.remoteUrl}${state.ref ? `@${state.ref}` : ''}`
          : `git+file://${state.top}`),
      digest: { gitCommit: state.commit },
      annotations: {
        gitTree: state.tree,
        clean: dirty.length === 0 && untracked.length === 0,
        uncommitted: dirty.slice(0, MAX_LISTED),
        untracked: untracked.slice(0, MAX_LISTED),
        lockfiles: deps.lockfiles,
      },
    };
    outcome.statement = provenanceStatement({
      subjects: outcome.products,
      command: o.command,
      workingDirectory: cwdRel,
      artifacts: o.artifacts,
      source,
      dependencies: deps.dependencies,
      env,
      startedOn,
      finishedOn,
      exitCode: run.code ?? -1,
      watchLog: { sha256: createHash('sha256').update(log).digest('hex') },
      verdict,
    });
    outcome.provenancePath = join(outDir, 'provenance.json');
    await writeFile(outcome.provenancePath, `${JSON.stringify(outcome.statement, null, 2)}\n`);
  }
  outcome.result = attestResult({
    root: state.top,
    startedAt: startedOn,
    findings,
    filesAnalyzed: before.size,
    incomplete,
    warnings,
    ...(o.failOn !== undefined ? { failOn: o.failOn } : {}),
  });
  return outcome;
}
