import type { Analyzer } from '../core/analyzer.js';
import type { AnalyzerId, Finding, RawFinding } from '../core/finding.js';
import type { AnalyzerRun, HeldBack } from '../core/result.js';
import { finalizeFinding } from '../core/stages.js';

/** A held-back raw finding (`RawFinding.heldBack`) finalized as a reported one is: masked, fingerprinted. */
export function finalizeHeldBack(raw: RawFinding, named: readonly string[] = []): Finding {
  const { heldBack: _held, ...rest } = raw;
  return finalizeFinding(rest, named);
}

/**
 * What a default-profile scan left to the audit profile (ScanResult.heldBack): the fingerprints of the held-back
 * findings, the audit-profile rules of the analyzers that ran, and which of those analyzers mark every finding they
 * leave out (`Analyzer.marksHeldBack`).
 */
export function heldBackOf(
  held: readonly Finding[],
  active: readonly Analyzer[],
  runs: ReadonlyMap<AnalyzerId, AnalyzerRun>,
  optionsOf: (id: AnalyzerId) => Readonly<Record<string, unknown>>,
): HeldBack {
  const ran = active.filter((a) => runs.get(a.id)?.status !== 'skipped');
  const rules = ran.flatMap((a) => a.auditProfileRules?.(optionsOf(a.id)) ?? []);
  return {
    analyzers: ran
      .filter((a) => a.marksHeldBack === true)
      .map((a) => a.id)
      .sort(),
    fingerprints: [...new Set(held.map((f) => f.fingerprint))].sort(),
    rules: [...new Set(rules)].sort(),
  };
}
