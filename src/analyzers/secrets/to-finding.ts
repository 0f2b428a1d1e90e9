import type { RawFinding, Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { findingFrom } from '../../core/rule.js';
import type { Detection } from './engine.js';
import { SECRET_RULES } from './rules.js';

const META = new Map<string, RuleMeta>(SECRET_RULES.map((r) => [r.meta.id, r.meta]));

/** The severity a detection is reported at (its rule's, under the id it is reported as, unless a check set one). */
export function severityOf(d: Detection): Severity {
  return d.severity ?? (META.get(d.ruleId) ?? d.rule.meta).severity;
}

/** A detection as a raw finding at `path` (and `commit`, for git history). */
export function toFinding(d: Detection, path: string, commit?: string): RawFinding {
  const meta = META.get(d.ruleId) ?? d.rule.meta;
  const f = findingFrom(meta, {
    message: `${meta.title} in ${path}${commit ? ` (added in commit ${commit.slice(0, 12)})` : ''}${d.note ? `: ${d.note}` : ''}.`,
    location: {
      path,
      startLine: d.line,
      startColumn: d.column,
      ...(d.endColumn !== undefined ? { endLine: d.line, endColumn: d.endColumn } : {}),
      snippet: d.snippet,
      ...(commit ? { commit } : {}),
    },
    secret: d.secret,
    ...(d.confidence ? { confidence: d.confidence } : {}),
    ...(d.severity ? { severity: d.severity } : {}),
  });
  return f;
}
