import type { RawFinding, Severity } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { findingFrom } from '../core/rule.js';

/** A probe finding at a URL (or `tcp://host:port`); `key` identifies the problem at that place. */
export function probeFinding(
  rule: RuleMeta,
  path: string,
  message: string,
  key: string,
  extra: { snippet?: string; severity?: Severity; cwe?: number[] } = {},
): RawFinding {
  return findingFrom(rule, {
    message,
    location: {
      path,
      startLine: 1,
      ...(extra.snippet !== undefined ? { snippet: extra.snippet.slice(0, 300) } : {}),
    },
    fingerprintKey: key,
    ...(extra.severity !== undefined ? { severity: extra.severity } : {}),
    ...(extra.cwe !== undefined ? { cwe: extra.cwe } : {}),
  });
}
