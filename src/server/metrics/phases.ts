import type { EscapeRate, MetricsPhase, PhasesMetric } from './types.js';
import { ratio, round } from './stats.js';

export const PHASE_ORDER: MetricsPhase[] = ['design', 'code', 'build', 'test', 'release', 'runtime'];

/**
 * Relative cost to repair a defect by the stage it is found in, from NIST Planning Report 02-3
 * (2002), "The Economic Impacts of Inadequate Infrastructure for Software Testing", table 5-1:
 * requirements/design 1×, coding/unit test 5×, integration and system test 10×, early customer
 * feedback/beta 15×, post-release 30×. Our phases map onto its stages as docs/metrics.md states:
 * build is the developer's own coding/unit-test loop in CI (5×), release is the last gate before
 * customers (beta, 15×), runtime is post-release (30×).
 */
export const PHASE_COST: Record<MetricsPhase, number> = {
  design: 1,
  code: 5,
  build: 5,
  test: 10,
  release: 15,
  runtime: 30,
};

export const COST_SOURCE =
  'NIST Planning Report 02-3 (2002), The Economic Impacts of Inadequate Infrastructure for Software Testing, table 5-1 (relative cost to repair by stage found); build mapped to coding/unit test (5x), release to beta (15x), runtime to post-release (30x)';

const POST_RELEASE = PHASE_COST.runtime;

/** Share of findings first caught per phase, their relative cost, and the cost avoided against post-release. */
export function phasesMetric(counts: ReadonlyMap<string, number>): PhasesMetric {
  const total = PHASE_ORDER.reduce((s, p) => s + (counts.get(p) ?? 0), 0);
  const items = PHASE_ORDER.map((phase) => {
    const count = counts.get(phase) ?? 0;
    return {
      phase,
      count,
      share: ratio(count, total),
      costWeight: PHASE_COST[phase],
      costUnits: count * PHASE_COST[phase],
    };
  });
  const costUnits = items.reduce((s, i) => s + i.costUnits, 0);
  const costIfPostRelease = total * POST_RELEASE;
  return {
    total,
    items,
    costUnits,
    costIfPostRelease,
    costAvoided: costIfPostRelease - costUnits,
    source: COST_SOURCE,
  };
}

/** Findings first found at runtime ÷ all findings first found in the window. */
export function escapeRate(counts: ReadonlyMap<string, number>): EscapeRate {
  const total = PHASE_ORDER.reduce((s, p) => s + (counts.get(p) ?? 0), 0);
  const runtime = counts.get('runtime') ?? 0;
  return { runtime, total, rate: total === 0 ? null : round(runtime / total) };
}
