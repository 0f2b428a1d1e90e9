import { strongerFinding } from '../../core/finding.js';
import type { CodeMatch } from './engine.js';

function stronger(a: CodeMatch, b: CodeMatch): boolean {
  const strength = (m: CodeMatch) => ({
    tier: m.rule.tier,
    severity: m.rule.severity,
    confidence: m.confidence,
  });
  if (strongerFinding(strength(a), strength(b))) return true;
  // Equally strong: a default rule's match wins over the opt-in audit profile's, so a line the default scan
  // reports keeps its rule when the audit profile is switched on (py-xxe-audit and py-audit-xml-parse).
  return (
    !strongerFinding(strength(b), strength(a)) && a.rule.profile !== 'audit' && b.rule.profile === 'audit'
  );
}

/**
 * One finding per problem: matches of one weakness class on one line (a taint rule and its audit
 * twin, `hashlib.md5(pw).hexdigest()` seen by the weak-hash and the password-hash rules, a call
 * matched by two patterns) are one problem, reported by the strongest match. Order is kept.
 */
export function dedupeMatches(all: readonly CodeMatch[]): CodeMatch[] {
  const matches = oneReviewPerStatement(all);
  const best = new Map<string, CodeMatch>();
  for (const m of matches) {
    const key = `${m.rule.class}\0${m.line}`;
    const prev = best.get(key);
    if (!prev || stronger(m, prev)) best.set(key, m);
  }
  const keep = new Set(best.values());
  return matches.filter((m) => keep.has(m));
}

/**
 * An audit match asks for a review of a statement; two matches of one audit rule in one statement (a
 * jQuery chain that fills two parts of one element with `.html(…)`) are one review, reported at the
 * first, its message counting the others.
 */
function oneReviewPerStatement(matches: readonly CodeMatch[]): CodeMatch[] {
  const first = new Map<string, CodeMatch>();
  const extra = new Map<CodeMatch, number>();
  const out: CodeMatch[] = [];
  for (const m of matches) {
    if (m.statement === undefined) {
      out.push(m);
      continue;
    }
    const key = `${m.rule.id}\0${m.path ?? ''}\0${m.statement}`;
    const f = first.get(key);
    if (f) {
      extra.set(f, (extra.get(f) ?? 0) + 1);
      continue;
    }
    first.set(key, m);
    out.push(m);
  }
  return out.map((m) => {
    const n = extra.get(m);
    return n ? { ...m, message: `${m.message} (and ${n} more in the same statement)` } : m;
  });
}
