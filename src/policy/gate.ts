import picomatch from 'picomatch';
import type { Confidence, Finding, Severity } from '../core/finding.js';
import { atOrAbove, confidenceAtLeast, SEVERITIES, severityRank } from '../core/finding.js';
import type { GateResult } from '../core/result.js';
import type { FailOn, GatesConfig, GateThresholds, RuleMatcher } from './config-schema.js';
import { DEFAULT_FAIL_ON } from './config.js';

export interface GateOptions {
  /** `--fail-on`: replaces every severity threshold of the configuration; 'none' turns the gate off. */
  failOn?: FailOn;
  /** The branch being scanned, to pick `gates.branches` overrides. */
  branch?: string;
  /** `--min-confidence`: replaces the configuration's `minConfidence`. */
  minConfidence?: Confidence;
}

type EffectiveGates = Required<
  Pick<GateThresholds, 'failOn' | 'analyzers' | 'phases' | 'alwaysFail' | 'neverFail'>
> &
  Pick<GateThresholds, 'minConfidence'>;

/** The gate settings for a branch: the defaults with the first matching `branches` entry merged over them. */
export function gatesFor(
  gates: GatesConfig | undefined,
  branch?: string,
): EffectiveGates & { branchKey?: string } {
  const base: EffectiveGates = {
    failOn: gates?.failOn ?? DEFAULT_FAIL_ON,
    analyzers: { ...gates?.analyzers },
    phases: { ...gates?.phases },
    alwaysFail: [...(gates?.alwaysFail ?? [])],
    neverFail: [...(gates?.neverFail ?? [])],
    ...(gates?.minConfidence !== undefined ? { minConfidence: gates.minConfidence } : {}),
  };
  if (branch === undefined || !gates?.branches) return base;
  const entries = Object.entries(gates.branches);
  // An exact name beats a glob, then the first glob in file order.
  const hit = entries.find(([k]) => k === branch) ?? entries.find(([k]) => picomatch(k)(branch));
  const o = hit?.[1];
  if (!hit || !o) return base;
  const key = hit[0];
  return {
    failOn: o.failOn ?? base.failOn,
    analyzers: { ...base.analyzers, ...o.analyzers },
    phases: { ...base.phases, ...o.phases },
    alwaysFail: [...base.alwaysFail, ...(o.alwaysFail ?? [])],
    neverFail: [...base.neverFail, ...(o.neverFail ?? [])],
    ...((o.minConfidence ?? base.minConfidence) !== undefined
      ? { minConfidence: o.minConfidence ?? base.minConfidence }
      : {}),
    branchKey: key,
  };
}

function compileMatcher(m: RuleMatcher): (f: Finding) => boolean {
  if (typeof m === 'string') {
    const re = picomatch(m, { dot: true });
    return (f) => re(f.ruleId);
  }
  const rule = m.rule === undefined ? undefined : picomatch(m.rule, { dot: true });
  return (f) =>
    (rule === undefined || rule(f.ruleId)) &&
    (m.analyzer === undefined || f.analyzer === m.analyzer) &&
    (m.confidence === undefined || f.confidence === m.confidence) &&
    (m.severity === undefined || atOrAbove(f.severity, m.severity));
}

function describeMatcher(m: RuleMatcher): string {
  if (typeof m === 'string') return m;
  return Object.entries(m)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityCounts(fs: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of fs) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}

/**
 * Computes the gate from the findings after suppressions: only unsuppressed findings count.
 * A finding blocks when an `alwaysFail` matcher matches it, or when no `neverFail` matcher
 * matches and its severity is at or above its threshold (per analyzer, else per phase, else
 * `failOn`). `--fail-on` replaces all thresholds; `--fail-on none` passes whatever is found.
 */
export function evaluateGate(
  findings: readonly Finding[],
  gates: GatesConfig | undefined,
  opts: GateOptions = {},
): GateResult {
  const g = gatesFor(gates, opts.branch);
  const overall: FailOn = opts.failOn ?? g.failOn;
  const minConfidence = opts.minConfidence ?? g.minConfidence;
  const withMin = <T extends GateResult>(r: T): T => (minConfidence ? { ...r, minConfidence } : r);
  const active = findings.filter((f) => f.suppression === undefined);
  const suppressed = findings.length - active.length;
  const suppressedNote = suppressed > 0 ? `; ${suppressed} suppressed` : '';
  if (opts.failOn === 'none') {
    return withMin({
      failOn: 'none',
      failed: false,
      reason: `passed: gate turned off by --fail-on none (${plural(active.length, 'unsuppressed finding')}${suppressedNote})`,
      blocking: 0,
    });
  }
  const always = g.alwaysFail.map((m) => ({ m, test: compileMatcher(m) }));
  const never = g.neverFail.map(compileMatcher);
  const blocking: Finding[] = [];
  const byRule = new Map<string, number>();
  let byThreshold = 0;
  let mixedThresholds = false;
  let unproven = 0;
  for (const f of active) {
    const hit = always.find((a) => a.test(f));
    if (hit) {
      blocking.push(f);
      const key = describeMatcher(hit.m);
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
      continue;
    }
    if (never.some((t) => t(f))) continue;
    if (minConfidence !== undefined && !confidenceAtLeast(f.confidence, minConfidence)) {
      unproven++;
      continue;
    }
    const threshold: FailOn = opts.failOn ?? g.analyzers[f.analyzer] ?? g.phases[f.phase] ?? g.failOn;
    if (threshold !== 'none' && atOrAbove(f.severity, threshold)) {
      blocking.push(f);
      byThreshold++;
      if (threshold !== overall) mixedThresholds = true;
    }
  }
  const below = active.length - blocking.length - unproven;
  const thresholdText = overall === 'none' ? 'the configured thresholds' : overall;
  const where = g.branchKey !== undefined ? `; gates for branch "${g.branchKey}"` : '';
  if (blocking.length === 0) {
    const tail = [
      below > 0 ? `${below} below the gate or never-fail` : '',
      unproven > 0 ? `${unproven} below confidence ${minConfidence ?? ''}` : '',
      suppressed > 0 ? `${suppressed} suppressed` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return withMin({
      failOn: overall,
      failed: false,
      reason: `passed: no unsuppressed findings at or above ${thresholdText}${tail ? ` (${tail})` : ''}${where}`,
      blocking: 0,
    });
  }
  blocking.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const parts: string[] = [];
  if (byThreshold > 0)
    parts.push(
      `${byThreshold} at or above ${mixedThresholds ? 'their analyzer or phase threshold' : thresholdText}`,
    );
  for (const [rule, n] of byRule) parts.push(`${n} by alwaysFail ${rule}`);
  const why =
    byRule.size === 0 && !mixedThresholds
      ? `${plural(blocking.length, 'finding')} at or above ${thresholdText}`
      : `${plural(blocking.length, 'blocking finding')}: ${parts.join('; ')}`;
  const unprovenNote =
    unproven > 0 ? `; ${unproven} below confidence ${minConfidence ?? ''} not counted` : '';
  return withMin({
    failOn: overall,
    failed: true,
    reason: `failed: ${why} (${severityCounts(blocking)})${unprovenNote}${where}`,
    blocking: blocking.length,
  });
}

/**
 * The branch whose gate applies in CI: a pull or merge request's target branch (a change headed
 * for release/* is held to release rules), else the branch being built. Undefined outside CI.
 */
export function branchFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const pick = (...names: string[]): string | undefined =>
    names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  return (
    pick('GITHUB_BASE_REF', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME') ??
    pick('GITHUB_REF_NAME', 'CI_COMMIT_BRANCH')
  );
}
