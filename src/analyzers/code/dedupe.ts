import { strongerFinding } from '../../core/finding.js';
import type { CodeMatch } from './engine.js';

function stronger(a: CodeMatch, b: CodeMatch): boolean {
  return strongerFinding(
    { tier: a.rule.tier, severity: a.rule.severity, confidence: a.confidence },
    { tier: b.rule.tier, severity: b.rule.severity, confidence: b.confidence },
  );
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
