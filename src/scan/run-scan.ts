import { availableParallelism } from 'node:os';
import type { Analyzer, FileRef, ProjectContext } from '../core/analyzer.js';
import { VanguardError, describeError } from '../core/errors.js';
import { programFilesOf } from '../core/hand-run.js';
import type { AnalyzerId, Confidence, FileRole, Finding } from '../core/finding.js';
import { mergeDeployments, type DeclaredDeployment } from '../core/deployment.js';
import { mergeInventories, type DeclaredInventory } from '../core/inventory.js';
import type { AnalyzerRun, InlineSuppressionUse, ScanResult } from '../core/result.js';
import { SCHEMA_VERSION } from '../core/result.js';
import type { RuleMeta } from '../core/rule.js';
import { finalizeFinding, processFinalized } from '../core/stages.js';
import { VERSION } from '../core/version.js';
import { scanWarning, warningKey, type ScanWarning } from '../core/warning.js';
import { recordSkip, walk, type DiscoveredFile } from '../discover/walk.js';
import { loadRegistry } from '../analyzers/load.js';
import type { AnalyzerRegistry } from '../analyzers/registry.js';
import { applyDirectives, SUPPRESSION_WITHOUT_REASON } from '../policy/inline.js';
import { contextFactory, type AnalyzerOptions } from './context.js';
import { runFileTask, type FileOutcome, type FileTask } from './file-task.js';
import type { SpareWorkers } from './pool.js';
import { summarize } from './summary.js';
import { coverageGaps } from './coverage.js';
import { applyFileRoles } from './file-roles.js';
import { roleClassifier, type ContentRole } from '../core/file-role.js';
import type { Baseline } from '../policy/baseline.js';
import type { FailOn } from '../policy/config-schema.js';
import { defaultConfig, type VanguardConfig } from '../policy/config.js';
import { exceptionWarnings } from '../policy/exceptions.js';
import { finalizeHeldBack, heldBackOf } from './held-back.js';
import { evaluateGate } from '../policy/gate.js';
import { createPolicyStage } from '../policy/stage.js';
import { validatedRuleSets } from '../core/validated-rules.js';
import type { IntroducedOptions } from './introduced.js';
import type { Profile } from '../core/profile.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface ScanOptions {
  path: string;
  /** Analyzers to run (default: all registered). */
  only?: readonly string[];
  skip?: readonly string[];
  /** Analyzers the user asked for by name: their `prepare` failures stop the scan instead of skipping them. */
  explicit?: readonly string[];
  options?: AnalyzerOptions;
  ignore?: readonly string[];
  gitignore?: boolean;
  defaultIgnores?: boolean;
  maxFileSize?: number;
  /** Only these relative paths (diff-aware and staged scans). */
  include?: ReadonlySet<string>;
  /** Worker processes. Default: one per core. */
  workers?: number;
  /** The repository's policy (vanguard.yaml): exceptions and gates. Default: no exceptions, gate at high. */
  config?: VanguardConfig;
  /** Findings with these fingerprints are known (--baseline, or the base of a --diff scan). */
  baseline?: Baseline;
  /** --fail-on: replaces every threshold of the configuration. */
  failOn?: FailOn;
  /** --min-confidence: findings below it do not count towards the gate. */
  minConfidence?: Confidence;
  /** The rule profile (`--profile`, vanguard.yaml's `profile`), recorded in the result; default `default`. */
  profile?: Profile;
  /** The branch scanned, for per-branch gates. */
  branch?: string;
  /** The clock for exception expiry (tests fix it). */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** When each finding was introduced (git blame, cached); false skips it. */
  introduced?: IntroducedOptions | false;
  registry?: AnalyzerRegistry;
}

/** Fatal analyzer errors: the user must fix the invocation (exit 2), the scan cannot be partial. */
const FATAL_CODES = new Set(['USAGE', 'CONFIG', 'NOT_A_GIT_REPO']);

function selectAnalyzers(registry: AnalyzerRegistry, opts: ScanOptions): Analyzer[] {
  for (const id of [...(opts.only ?? []), ...(opts.skip ?? [])]) registry.get(id);
  const skip = new Set(opts.skip ?? []);
  const chosen = opts.only && opts.only.length > 0 ? opts.only.map((id) => registry.get(id)) : registry.all();
  return chosen.filter((a) => !skip.has(a.id));
}

// Below this, one worker does the whole scan: another would spend longer starting than working.
const PARALLEL_MIN_FILES = 200;
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/** True when a scan has enough to share among workers. */
function isLarge(files: number, bytes: number): boolean {
  return files > PARALLEL_MIN_FILES || bytes > PARALLEL_MIN_BYTES;
}

/**
 * Starts the other workers as soon as the walk has found enough files for the analyzers to share,
 * so that they load while the walk goes on (one started before the walk; the others waited for it).
 */
function startWorkersWhenLarge(
  analyzers: readonly Analyzer[],
  spares: SpareWorkers,
  workers: number,
): (f: DiscoveredFile) => void {
  let files = 0;
  let bytes = 0;
  let started = false;
  return (f) => {
    if (started || !analyzers.some((a) => a.matches(f))) return;
    files++;
    bytes += f.size;
    if (!isLarge(files, bytes)) return;
    started = true;
    spares.startUpTo(workers);
  };
}

/** Runs one scan: walk once, analyze each file with the analyzers that asked for it, then the stages. */
/**
 * The scan's profile as the option of each analyzer that reads one (code, secrets, iac, pipeline, deps: `profileOption`), over
 * any the analyzer's options name: a scan run through the library (`runScan({ profile: 'audit' })`) reports what
 * the command line's `--profile audit` reports, and the result records the profile its findings came from.
 */
function withProfile(options: AnalyzerOptions, profile: Profile | undefined): AnalyzerOptions {
  if (profile === undefined) return options;
  const out: AnalyzerOptions = { ...options };
  for (const id of ['code', 'secrets', 'iac', 'pipeline', 'deps'] as const)
    out[id] = { ...options[id], profile };
  return out;
}

export async function runScan(opts: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const fromSource = import.meta.url.endsWith('.ts');
  const inProcess = opts.registry !== undefined || fromSource;
  // One worker starts loading now, while this process walks the tree and prepares the analyzers.
  const spares = inProcess ? undefined : new (await import('./pool.js')).SpareWorkers(1);
  try {
    return await scanWith(opts, startedAt, inProcess, spares);
  } finally {
    spares?.release();
  }
}

async function scanWith(
  opts: ScanOptions,
  startedAt: Date,
  inProcess: boolean,
  spares: SpareWorkers | undefined,
): Promise<ScanResult> {
  const registry = opts.registry ?? (await loadRegistry(opts));
  const analyzers = selectAnalyzers(registry, opts);
  const explicit = new Set(opts.explicit ?? opts.only ?? []);
  const options = withProfile(opts.options ?? {}, opts.profile);
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const cores = availableParallelism();
  const workers = Math.min(opts.workers ?? cores, cores);
  const { root, files, discovery, isExcluded } = await walk(opts.path, {
    ignore: opts.ignore ?? [],
    gitignore: opts.gitignore ?? true,
    defaultIgnores: opts.defaultIgnores ?? true,
    maxFileSize,
    ...(opts.include ? { include: opts.include } : {}),
    ...(spares && workers > 1 ? { onFile: startWorkersWhenLarge(analyzers, spares, workers) } : {}),
  });
  const warnings: ScanWarning[] = [];
  const seenWarnings = new Set<string>();
  const warn = (w: ScanWarning): void => {
    const key = warningKey(w);
    if (seenWarnings.has(key)) return;
    seenWarnings.add(key);
    warnings.push(w);
  };
  const declared: DeclaredInventory[] = [];
  const deployments: DeclaredDeployment[] = [];
  const contentRoles = new Map<string, ContentRole>();
  const paths = new Set(files.map((f) => f.path));
  const ctxFor = contextFactory(root, paths, options, warn, maxFileSize);
  const runs = new Map<AnalyzerId, AnalyzerRun>(
    analyzers.map((a) => [
      a.id,
      { id: a.id, status: 'succeeded', filesAnalyzed: 0, findings: 0, durationMs: 0, errors: [] },
    ]),
  );
  const matched = new Map<AnalyzerId, FileRef[]>(
    analyzers.map((a) => [a.id, files.filter((f) => a.matches(f))]),
  );
  const failures = new Map<AnalyzerId, { path: string; err: unknown }[]>();
  const projectCtx = (a: Analyzer): ProjectContext => ({
    ...ctxFor(a.id),
    files: matched.get(a.id) ?? [],
    requested: explicit.has(a.id),
    isIgnored: isExcluded,
    fail: (path, err) => {
      const list = failures.get(a.id) ?? [];
      list.push({ path, err });
      failures.set(a.id, list);
    },
    // git history is read here, in the core, with the walk's ignores (default and vanguard.yaml).
    history: async function* (request) {
      const ctx = projectCtx(a);
      // Loaded only by scans that read history.
      const { readHistory } = await import('../discover/history.js');
      yield* readHistory(root, {
        ...request,
        isIgnored: isExcluded,
        maxBlobBytes: maxFileSize,
        fail: (path, err) => ctx.fail(path, err),
        warn: (message, detail) => ctx.warn(message, detail),
      });
    },
  });

  // prepare: an analyzer that cannot run stops the scan if asked for by name, else is skipped.
  const active: Analyzer[] = [];
  for (const a of analyzers) {
    if (a.prepare && (matched.get(a.id)?.length ?? 0) > 0) {
      try {
        await a.prepare(projectCtx(a));
      } catch (err) {
        if (explicit.has(a.id) || (err instanceof VanguardError && FATAL_CODES.has(err.code))) throw err;
        runs.get(a.id)!.status = 'skipped';
        warn(scanWarning('analyzer-skipped', `skipped: ${describeError(err).message}`, { analyzer: a.id }));
        continue;
      }
    }
    active.push(a);
  }

  const wanted = new Map(active.map((a) => [a.id, new Set(matched.get(a.id))] as const));
  const tasks: FileTask[] = [];
  for (const f of files) {
    const ids = active.filter((a) => wanted.get(a.id)!.has(f)).map((a) => a.id);
    if (ids.length > 0) tasks.push({ file: f, analyzers: ids });
  }
  const found: Finding[] = [];
  /** Findings of shapes only the audit profile reports, found by a default-profile scan (HeldBack). */
  const held: Finding[] = [];
  const suppressions: InlineSuppressionUse[] = [];
  /** Findings reported while analysing another file than the one they sit in. */
  const foreign: Finding[] = [];
  let done = 0;
  const collect = (outcomes: FileOutcome[], ws: string[]): void => {
    for (const w of ws) warn(scanWarning('analyzer-note', w));
    for (const o of outcomes) {
      done++;
      for (const w of o.warnings ?? []) warn(w);
      for (const inv of o.inventories ?? []) declared.push(inv);
      for (const d of o.deployments ?? []) deployments.push(d);
      if (o.contentRole) contentRoles.set(o.path, o.contentRole);
      if (o.skipped) {
        recordSkip(discovery, o.path, o.skipped.reason, o.skipped.detail);
        continue;
      }
      discovery.filesScanned++;
      discovery.bytesScanned += o.bytes;
      if (!o.utf8) discovery.nonUtf8++;
      for (const f of o.findings) {
        found.push(f);
        if (f.location.path !== o.path) foreign.push(f);
      }
      for (const f of o.heldBack ?? []) held.push(f);
      for (const d of o.directives) suppressions.push({ path: o.path, ...d });
      for (const [id, ms] of o.timings) {
        const run = runs.get(id)!;
        run.filesAnalyzed++;
        run.durationMs += ms;
      }
      for (const e of o.errors)
        runs.get(e.analyzer)!.errors.push({ path: o.path, code: e.code, message: e.message });
    }
    opts.onProgress?.(done, tasks.length);
  };

  // Every scan from the built CLI runs its files in worker processes, under the pool's watchdog:
  // a file that hangs an analyzer (or crashes a native parser) fails alone instead of the CLI.
  // Only scans with an injected registry or run from the TypeScript sources stay in this process.
  // One worker per core: this process walks, then mostly waits, since workers finalize their own
  // findings and each holds its next batch already. On 2 cores, 2 workers were faster than one on
  // real trees (bench/secrets/real-tree.mjs: 2.95 s vs 3.5 s) and 10,000 workflows (6.3 s vs 6.8 s).
  if (opts.workers !== undefined && opts.workers > cores) {
    warn(
      scanWarning(
        'workers-clamped',
        `--workers ${opts.workers} is more than the ${cores} cores of this machine; using ${cores}`,
      ),
    );
  }
  const totalBytes = tasks.reduce((n, t) => n + t.file.size, 0);
  if (inProcess) {
    const byId = new Map(active.map((a) => [a.id, a] as const));
    for (const t of tasks) collect([await runFileTask(t, byId, ctxFor, maxFileSize)], []);
  } else if (tasks.length > 0) {
    // A second worker costs a start-up; it pays off only when there is enough to share.
    const small = !isLarge(tasks.length, totalBytes);
    const { runInWorkers } = await import('./pool.js');
    await runInWorkers(
      tasks,
      {
        root,
        analyzerIds: active.map((a) => a.id),
        options,
        paths: [...paths],
        maxFileSize,
        validatedRuleSets: validatedRuleSets(),
      },
      small ? 1 : workers,
      collect,
      undefined,
      undefined,
      {},
      spares,
    );
  }

  applyForeignDirectives(foreign, suppressions);

  for (const a of active) {
    if (!a.analyzeProject) continue;
    const t0 = performance.now();
    try {
      for (const f of await a.analyzeProject(projectCtx(a))) {
        if (!f.heldBack) found.push(finalizeFinding(f));
        else held.push(finalizeHeldBack(f));
      }
    } catch (err) {
      if (err instanceof VanguardError && FATAL_CODES.has(err.code)) throw err;
      const { code, message } = describeError(err);
      runs.get(a.id)!.errors.push({ path: '.', code, message });
      runs.get(a.id)!.status = 'failed';
    }
    runs.get(a.id)!.durationMs += performance.now() - t0;
  }
  for (const [id, list] of failures) {
    for (const { path, err } of list) runs.get(id)!.errors.push({ path, ...describeError(err) });
  }

  const policy = createPolicyStage(opts.config ?? defaultConfig(), {
    now: opts.now ?? new Date(),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
  });
  const classify = roleClassifier(opts.config?.roles ?? {}, paths);
  const roleOf = (path: string): FileRole => classify(path, contentRoles.get(path));
  // An example the package's own program runs keeps what the example role drops (file-roles.ts); when the
  // manifest cannot be read, every example counts as run.
  const program = await programFilesOf(ctxFor('code'));
  const roled = applyFileRoles(found, roleOf, (p) => program?.has(p) ?? true);
  // A held-back finding passes the role stage as it would in an audit scan (a generated file's is dropped there).
  const heldRoled = applyFileRoles(held, roleOf, (p) => program?.has(p) ?? true).findings;
  const staged = policy.stage(processFinalized(roled.findings), warnings, heldRoled);
  const findings =
    opts.introduced === false
      ? staged
      : (await (await import('./introduced.js')).addIntroduction(root, staged, opts.introduced ?? {}, warn))
          .findings;
  // Files an analyzer could not cover are counted by kind in `coverage`, not listed one warning each.
  const notAnalyzed = warnings.filter((w) => w.code === 'file-not-analyzed' && w.path);
  const coverage = coverageGaps({
    files,
    paths,
    active,
    roleOf,
    dropped: roled.dropped,
    notAnalyzed,
  });
  const policyReport = policy.report();
  // Without an advisory database no advisory was looked up, so an exception for one cannot be
  // judged stale: saying "remove it" would be wrong advice on every machine without the database.
  if (warnings.some((w) => w.code === 'advisory-db-missing'))
    policyReport.staleExceptions = policyReport.staleExceptions.filter((r) => r.match.advisory === undefined);
  for (const w of exceptionWarnings({
    expired: policyReport.expiredExceptions,
    stale: policyReport.staleExceptions,
    ...(policyReport.auditProfileExceptions ? { auditProfile: policyReport.auditProfileExceptions } : {}),
  }))
    warn(w);
  for (const run of runs.values()) {
    run.findings = findings.filter((f) => f.analyzer === run.id).length;
    if (run.status === 'succeeded' && run.errors.length > 0) run.status = 'partial';
  }
  // An input that could not be read was not analyzed: the scan is incomplete, as when an analyzer fails.
  const status =
    // Files that exist but could not be read (permissions, FIFOs and other special files) are
    // coverage lost; ignored, binary, too-large and symlinked files are skipped by design.
    discovery.skipped.unreadable > 0 ||
    discovery.skipped.special > 0 ||
    [...runs.values()].some((r) => r.status === 'partial' || r.status === 'failed')
      ? 'partial'
      : 'complete';
  const gate = evaluateGate(findings, opts.config?.gates, {
    ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
    ...(opts.branch !== undefined ? { branch: opts.branch } : {}),
    ...(opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}),
  });
  const deployment = deploymentOf(active, deployments, warn);
  const finishedAt = new Date();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vanguard', version: VERSION },
    root,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    status,
    profile: opts.profile ?? 'default',
    ...((opts.profile ?? 'default') === 'default'
      ? { heldBack: heldBackOf(heldRoled, active, runs, (id) => options[id] ?? {}) }
      : {}),
    analyzers: [...runs.values()],
    discovery,
    findings,
    rules: rulesFor(findings, registry),
    suppressions,
    warnings: warnings.filter((w) => !notAnalyzed.includes(w)),
    summary: summarize(findings, gate),
    policy: policyReport,
    ...(coverage.length > 0 ? { coverage } : {}),
    // The inventory is the deps analyzer's reading of the tree: absent when it did not run.
    ...(active.some((a) => a.id === 'deps') ? { inventory: mergeInventories(declared) } : {}),
    ...(deployment ? { deployment } : {}),
  };
}

/** The deployment is the iac and threats analyzers' reading of the tree: absent when neither ran. */
function deploymentOf(
  active: readonly Analyzer[],
  parts: readonly DeclaredDeployment[],
  warn: (w: ScanWarning) => void,
): DeclaredDeployment | undefined {
  if (!active.some((a) => a.id === 'iac' || a.id === 'threats')) return undefined;
  const { deployment, dropped } = mergeDeployments(parts);
  if (dropped > 0)
    warn(
      scanWarning(
        'deployment-truncated',
        `the deployment lists the first ${deployment.workloads.length} workloads and ${deployment.assets.length} assets; ${dropped} more were left out`,
      ),
    );
  return deployment;
}

/** Suppresses findings placed in another file by that file's inline directives (and marks those used). */
function applyForeignDirectives(foreign: Finding[], uses: InlineSuppressionUse[]): void {
  if (foreign.length === 0) return;
  const byPath = new Map<string, InlineSuppressionUse[]>();
  for (const u of uses) byPath.set(u.path, [...(byPath.get(u.path) ?? []), u]);
  for (const f of foreign) {
    const list = byPath.get(f.location.path);
    if (!list) continue;
    const used = applyDirectives([f], list);
    for (const i of used) list[i]!.used = true;
  }
}

/** Descriptions of the rules behind the findings: the catalogue's, or derived from the finding for dynamic rules. */
function rulesFor(findings: readonly Finding[], registry: AnalyzerRegistry): RuleMeta[] {
  const catalogue = registry.rules();
  catalogue.set(SUPPRESSION_WITHOUT_REASON.id, SUPPRESSION_WITHOUT_REASON);
  const out = new Map<string, RuleMeta>();
  for (const f of findings) {
    if (out.has(f.ruleId)) continue;
    out.set(
      f.ruleId,
      catalogue.get(f.ruleId) ?? {
        id: f.ruleId,
        analyzer: f.analyzer,
        title: f.title,
        description: f.title,
        severity: f.severity,
        confidence: f.confidence,
        cwe: f.cwe,
        owasp: f.owasp,
        principles: f.principles,
        phase: f.phase,
        remediation: f.remediation,
      },
    );
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
