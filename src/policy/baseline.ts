import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

/** The fingerprints of an earlier scan: findings with these are not new. */
export interface Baseline {
  /** Where it came from (a file path, or a git ref for --diff). */
  source: string;
  fingerprints: ReadonlySet<string>;
}

const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A baseline from findings in memory (for --diff: the scan of the base ref). */
export function baselineFromFindings(
  source: string,
  findings: readonly Pick<Finding, 'fingerprint'>[],
): Baseline {
  return { source, fingerprints: new Set(findings.map((f) => f.fingerprint)) };
}

/**
 * Reads the fingerprints of a baseline report: the JSON scan result (`--format json`), or a
 * SARIF log (every value of each result's `partialFingerprints`).
 */
export function parseBaseline(text: string, source: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`baseline ${source} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const fingerprints = new Set<string>();
  if (isRecord(doc) && Array.isArray(doc.findings)) {
    for (const f of doc.findings) {
      if (isRecord(f) && typeof f.fingerprint === 'string') fingerprints.add(f.fingerprint);
      else
        throw new UsageError(
          `baseline ${source}: a finding without a fingerprint; is this a vanguard JSON report?`,
        );
    }
    return { source, fingerprints };
  }
  if (isRecord(doc) && Array.isArray(doc.runs)) {
    for (const run of doc.runs) {
      const results = isRecord(run) && Array.isArray(run.results) ? (run.results as unknown[]) : [];
      for (const r of results) {
        const pf = isRecord(r) && isRecord(r.partialFingerprints) ? r.partialFingerprints : {};
        for (const v of Object.values(pf)) if (typeof v === 'string') fingerprints.add(v);
      }
    }
    return { source, fingerprints };
  }
  throw new UsageError(
    `baseline ${source} is neither a vanguard JSON report (findings[]) nor SARIF (runs[])`,
  );
}

/** Reads a baseline file; a missing or malformed file is a usage error (exit 2). */
export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read baseline ${path}: ${(err as Error).message}`, { cause: err });
  }
  if (text.length > MAX_BASELINE_BYTES) throw new UsageError(`baseline ${path} is too large`);
  return parseBaseline(text, path);
}

export interface BaselineOutcome {
  /** Every finding with `baselineState`; known ones without another suppression get `suppression.kind = 'baseline'`. */
  findings: Finding[];
  unchanged: number;
  new: number;
}

/**
 * Compares findings with a baseline by fingerprint. Known findings stay in the result (SARIF
 * reports them with baselineState "unchanged") but are suppressed, so the gate sees only new ones.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  let unchanged = 0;
  const out = findings.map((f): Finding => {
    if (!baseline.fingerprints.has(f.fingerprint)) return { ...f, baselineState: 'new' };
    unchanged++;
    const next: Finding = { ...f, baselineState: 'unchanged' };
    if (next.suppression === undefined)
      next.suppression = { kind: 'baseline', reason: `in baseline ${baseline.source}` };
    return next;
  });
  return { findings: out, unchanged, new: out.length - unchanged };
}
