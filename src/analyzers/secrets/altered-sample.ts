import type { MatchContext, Verdict } from './types.js';

/** A comment line of program source or configuration (`#`, `//`, ` * `, `/*`). */
const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*|\*(?!\/))/;
// The comment says its sample's content is not the real one: "content has been altered for presentation
// purposes", "IDs redacted", "anonymised response", "made-up values".
const ALTERED =
  /\b(?:altered|anonymi[sz]ed|redacted|sanitised|sanitized|obfuscated|made[- ]up|fictitious|fake)\b/i;
// A name reserved for documentation (RFC 2606) written in the sample: evidence the alteration was made.
const RESERVED_NAME = /(?:^|[\s@./"'(<])example\.(?:com|org|net)\b/i;
const BLOCK_LIMIT = 80;
const NOTE =
  'On a comment line of a sample its comment says was altered (with documentation-reserved names in it): most likely a made-up value; check that it is not a live one.';

/**
 * The comment lines around a match that is itself on a comment line: the run of comment lines it belongs to,
 * at most 80 each way.
 */
function commentBlock(m: MatchContext): string[] | undefined {
  if (!COMMENT_LINE.test(m.line)) return undefined;
  const text = m.fileText();
  const at = m.offset();
  if (at === undefined || text === '') return undefined;
  const lines = text.split('\n');
  const index = text.slice(0, at).split('\n').length - 1;
  const block: string[] = [];
  for (let j = index; j >= 0 && index - j <= BLOCK_LIMIT && COMMENT_LINE.test(lines[j]!); j--)
    block.push(lines[j]!);
  for (let j = index + 1; j < lines.length && j - index <= BLOCK_LIMIT && COMMENT_LINE.test(lines[j]!); j++)
    block.push(lines[j]!);
  return block;
}

/**
 * A strong-looking value in a sample written in a comment (an API response pasted to show its shape) whose
 * own comment says its content was altered, and which holds a documentation-reserved name (`user@example.com`)
 * as such an altered sample does: the author says the values are made up and the reserved name shows the
 * alteration was made. The opt-in audit profile's (audit-shapes.ts; 0 true of 1 on the accuracy bench), lowered
 * one step with the reason there, never dropped — a pasted response whose author forgot to alter the token is
 * how real session tokens leak, and a sample that says nothing of an alteration, or still holds a real address,
 * stays in the default profile at its level. `{}` (no change) otherwise.
 */
export function alteredSample(m: MatchContext): Verdict {
  const block = commentBlock(m);
  if (block === undefined) return {};
  return block.some((l) => ALTERED.test(l)) && block.some((l) => RESERVED_NAME.test(l))
    ? { severity: 'medium', note: NOTE, auditOnly: true }
    : {};
}
