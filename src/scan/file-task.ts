import { basename, dirname, join } from 'node:path';
import type { Analyzer, AnalyzerContext } from '../core/analyzer.js';
import type { DeclaredDeployment } from '../core/deployment.js';
import type { DeclaredInventory } from '../core/inventory.js';
import { DEFAULT_WARNING_CODE, scanWarning, type ScanWarning } from '../core/warning.js';
import { describeError } from '../core/errors.js';
import { onlyCopyLines } from '../core/bundle-modules.js';
import type { AnalyzerId, Finding, RawFinding } from '../core/finding.js';
import { finalizeFinding, keyRepeats } from '../core/stages.js';
import type { SkipReason } from '../core/result.js';
import { makeSourceFile } from '../core/source-file.js';
import {
  docsRoleFromContent,
  roleFromContent,
  roleFromPath,
  testRoleFromContent,
  type ContentRole,
} from '../core/file-role.js';
import { LIBRARY_HEAD_BYTES, isVariantOfLibraryCopy } from '../core/library-copy.js';
import { bundlerOutput, isDistModule, mapsBundle, SOURCE_MAP_HEAD_BYTES } from '../core/shipped-build.js';
import type { DiscoveredFile } from '../discover/walk.js';
import { readHead, readSource } from '../discover/read-file.js';
import { applyDirectives, parseDirectives } from '../policy/inline.js';

/** One file to analyze and the analyzers that asked for it. */
export interface FileTask {
  file: DiscoveredFile;
  analyzers: AnalyzerId[];
}

export interface DirectiveUse {
  line: number;
  ruleId: string;
  reason: string;
  used: boolean;
}

/** Everything one file produced; plain data so it can cross a worker boundary. */
export interface FileOutcome {
  path: string;
  skipped?: { reason: SkipReason; detail?: string };
  bytes: number;
  utf8: boolean;
  /**
   * Finalized where they were found (masked, fingerprinted, neutralised): a secret never leaves the
   * worker that read it, and the main process only merges.
   */
  findings: Finding[];
  /**
   * Findings of shapes only the audit profile reports, found by a default-profile scan (`RawFinding.heldBack`),
   * finalized as `findings` are (masked, fingerprinted): the scan keeps only their fingerprints.
   */
  heldBack?: Finding[];
  errors: { analyzer: AnalyzerId; code: string; message: string }[];
  /** Milliseconds per analyzer. */
  timings: [AnalyzerId, number][];
  directives: DirectiveUse[];
  // Optional so that outcomes made up for a failed batch need not list them.
  /** Notes the analyzers gave while reading this file. */
  warnings?: ScanWarning[];
  /** Packages the file declares (dependency files), for the scan's inventory. */
  inventories?: DeclaredInventory[];
  /** What the file declares the project deploys, for the scan's deployment. */
  deployments?: DeclaredDeployment[];
  /** Set when the content shows generated, minified or vendored code (the file role; see core/file-role.ts). */
  contentRole?: ContentRole;
}

/**
 * Reads a file once, runs each analyzer that asked for it, and applies the file's inline
 * suppressions. A throwing analyzer is recorded for this file; the others still run.
 */
export async function runFileTask(
  task: FileTask,
  analyzers: ReadonlyMap<AnalyzerId, Analyzer>,
  ctxFor: (id: AnalyzerId) => AnalyzerContext,
  maxBytes: number,
): Promise<FileOutcome> {
  const { file } = task;
  const out: FileOutcome = {
    path: file.path,
    bytes: 0,
    utf8: true,
    findings: [],
    errors: [],
    timings: [],
    directives: [],
    warnings: [],
    inventories: [],
    deployments: [],
  };
  const read = readSource(file.absBytes ?? file.absPath, maxBytes);
  if (read.kind === 'binary') {
    out.skipped = { reason: 'binary' };
    return out;
  }
  if (read.kind === 'unreadable') {
    out.skipped = { reason: 'unreadable', detail: read.message };
    return out;
  }
  out.bytes = read.bytes.length;
  let raw: RawFinding[] = [];
  out.utf8 = read.utf8;
  const source = makeSourceFile(file.path, () => read.text, file.absPath, read.bytes);
  for (const id of task.analyzers) {
    const analyzer = analyzers.get(id);
    if (!analyzer) continue;
    const t0 = performance.now();
    try {
      const found = await analyzer.analyze(source, fileContext(ctxFor(id), id, out));
      for (const f of found) raw.push(f);
    } catch (err) {
      const { code, message } = describeError(err);
      out.errors.push({ analyzer: id, code, message });
    }
    out.timings.push([id, performance.now() - t0]);
  }
  // The content role (generated or minified code, a documentation build hook) matters only for a file with findings.
  if (raw.length > 0) {
    const contentRole =
      roleFromContent(source.bytes, file.path) ??
      (!file.absBytes && isVariantOfLibraryCopy(file.path, headBeside(file.absPath))
        ? 'vendored'
        : undefined) ??
      // A bundle under dist/ stays generated even where dist/ is the only copy of the code (core/shipped-build.ts).
      (isDistModule(file.path) &&
      (bundlerOutput(source.text) ||
        (!file.absBytes && mapsBundle(readHead(`${file.absPath}.map`, SOURCE_MAP_HEAD_BYTES) ?? '')))
        ? 'generated'
        : undefined) ??
      docsRoleFromContent(source.text, file.path) ??
      testRoleFromContent(source.text, file.path);
    if (contentRole) out.contentRole = contentRole;
    // A browserify bundle that is the package's only copy of some of its own modules (core/bundle-modules.ts):
    // the code findings in those modules are the program's, read in the role of the bundle's path; the rest of
    // the bundle (the libraries it joins, modules copied from the package's files) stays left out. Only a bundle
    // the program ships (not a documentation demo's or a test's build).
    if (
      contentRole === 'generated' &&
      task.analyzers.includes('code') &&
      roleFromPath(file.path) === 'source'
    ) {
      const ctx = ctxFor('code');
      const own = raw.some((f) => f.analyzer === 'code')
        ? await onlyCopyLines(source.text, file.path, ctx.paths, (p) => ctx.readFile(p))
        : [];
      const inOwn = (f: RawFinding): boolean =>
        f.location.path === file.path &&
        own.some(([a, b]) => f.location.startLine >= a && f.location.startLine <= b);
      if (raw.some((f) => f.analyzer === 'code' && inOwn(f))) {
        delete out.contentRole;
        raw = raw.filter((f) => f.analyzer !== 'code' || inOwn(f));
      }
    }
  }
  // `bytes` is UTF-8 or Latin-1 (wide encodings are re-encoded as UTF-8): the ASCII marker reads the same.
  if (source.bytes.includes('vanguard-ignore')) {
    const { directives, invalid } = parseDirectives(file.path, source.lines());
    // A finding an analyzer placed in another file (a sink reached through an import) answers to that
    // file's directives, which run-scan applies once every file is read.
    const used = applyDirectives(
      raw.filter((f) => f.location.path === file.path),
      directives,
    );
    out.directives = directives.map((d, i) => ({ ...d, used: used.has(i) }));
    for (const f of invalid) raw.push(f);
  }
  // A secret one finding names is masked in every finding of the file that quotes it (another rule's
  // finding on the same line prints the same source line), a held-back finding's too.
  const named = [...new Set(raw.flatMap((f) => (f.secret ? [f.secret] : [])))];
  if (raw.some((f) => f.heldBack)) {
    out.heldBack = heldBackFindings(raw, file.path, named);
    raw = raw.filter((f) => !f.heldBack);
  }
  raw = capFindings(raw, out);
  keyRepeats(raw.filter((f) => f.location.path === file.path));
  out.findings = raw.map((f) => finalizeFinding(f, named));
  return out;
}

/**
 * The held-back findings of `raw`, finalized with the fingerprints an audit scan gives them: numbered by keyRepeats
 * among every finding of the file (copies; the reported findings are numbered among themselves, as before).
 */
function heldBackFindings(raw: readonly RawFinding[], path: string, named: readonly string[]): Finding[] {
  const all = raw.map((f) => ({ ...f }));
  keyRepeats(all.filter((f) => f.location.path === path));
  return all
    .filter((f) => f.heldBack)
    .map((f) => {
      delete f.heldBack;
      return finalizeFinding(f, named);
    });
}

/**
 * Findings of one rule in one file past which the rest are counted, not kept: a file that repeats
 * one problem 200,000 times (a generated Dockerfile of `EXPOSE 23` lines) would otherwise carry
 * every copy through masking, fingerprints and the worker boundary to be merged at the end.
 */
export const MAX_FINDINGS_PER_RULE = 1_000;

/** Keeps the first findings of each rule and path (unsuppressed ones first) and warns of the rest. */
function capFindings(findings: RawFinding[], out: FileOutcome): RawFinding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const groups = new Map<string, RawFinding[]>();
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.location.path}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  if ([...groups.values()].every((g) => g.length <= MAX_FINDINGS_PER_RULE)) return findings;
  const kept: RawFinding[] = [];
  for (const group of groups.values()) {
    if (group.length <= MAX_FINDINGS_PER_RULE) {
      kept.push(...group);
      continue;
    }
    // A suppressed copy must not take the place of an unsuppressed one.
    const ordered = [...group.filter((f) => !f.suppression), ...group.filter((f) => f.suppression)];
    kept.push(...ordered.slice(0, MAX_FINDINGS_PER_RULE));
    const first = group[0]!;
    (out.warnings ??= []).push(
      scanWarning(
        'finding-cap',
        `${first.ruleId} matched ${group.length} times in ${first.location.path}; the first ${MAX_FINDINGS_PER_RULE} are reported`,
        { analyzer: first.analyzer, path: first.location.path },
      ),
    );
  }
  return kept;
}

/** The analyzer's context with warnings, inventories and deployments captured in this file's outcome (plain data for workers). */
function fileContext(base: AnalyzerContext, id: AnalyzerId, out: FileOutcome): AnalyzerContext {
  const warnings = (out.warnings ??= []);
  const inventories = (out.inventories ??= []);
  const deployments = (out.deployments ??= []);
  return {
    ...base,
    warn: (message, detail) =>
      void warnings.push(
        scanWarning(detail?.code ?? DEFAULT_WARNING_CODE, message, { analyzer: id, path: detail?.path }),
      ),
    declareInventory: (inv) => void inventories.push(inv),
    declareDeployment: (d) => void deployments.push(d),
  };
}

/** Reads the start of a regular file in the same folder as `absPath` (named by its last path segment), if any. */
function headBeside(absPath: string): (other: string) => string | undefined {
  const dir = dirname(absPath);
  return (other) => readHead(join(dir, basename(other)), LIBRARY_HEAD_BYTES);
}
