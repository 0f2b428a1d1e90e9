// The project's verdicts on findings in the pinned applications (verdicts.json): `true` or `false` with
// the reason, keyed `rule path:line`, `rule path` (every line of that file) or `rule *` (the whole class).
import { readFileSync } from 'node:fs';

export function loadVerdicts(path) {
  return JSON.parse(readFileSync(path, 'utf8')).targets;
}

/** `{ ok, why }` for a finding of `target`, or undefined when nobody judged it yet. */
export function verdictFor(verdicts, target, f) {
  const own = verdicts[target] ?? {};
  const at = `${f.ruleId} ${f.location.path}:${f.location.startLine}`;
  const text = own[at] ?? own[`${f.ruleId} ${f.location.path}`] ?? own[`${f.ruleId} *`];
  if (text === undefined) return undefined;
  const m = /^(true|false)\b[\s:—-]*(.*)$/s.exec(text);
  if (!m) throw new Error(`verdict for ${target} ${at} must start with true or false: ${text}`);
  return { ok: m[1] === 'true', why: m[2] };
}
