import { CONFIDENCES, severityRank, TIERS } from '../../core/finding.js';
import type { CodeMatch } from './engine.js';

/** Lower is stronger: a proven flow beats a structural match, which beats an audit. */
function strength(m: CodeMatch): [number, number, number] {
  return [TIERS.indexOf(m.rule.tier), severityRank(m.rule.severity), CONFIDENCES.indexOf(m.confidence)];
}

function stronger(a: CodeMatch, b: CodeMatch): boolean {
  const x = strength(a);
  const y = strength(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/**
 * One finding per problem: matches of one weakness class on one line (a taint rule and its audit
 * twin, `hashlib.md5(pw).hexdigest()` seen by the weak-hash and the password-hash rules, a call
 * matched by two patterns) are one problem, reported by the strongest match. Order is kept.
 */
export function dedupeMatches(matches: readonly CodeMatch[]): CodeMatch[] {
  const best = new Map<string, CodeMatch>();
  for (const m of matches) {
    const key = `${m.rule.class}\0${m.line}`;
    const prev = best.get(key);
    if (!prev || stronger(m, prev)) best.set(key, m);
  }
  const keep = new Set(best.values());
  return matches.filter((m) => keep.has(m));
}
