/**
 * Zsh completion functions (a file whose first line is `#compdef …` or `#autoload`, as zsh requires of them)
 * list a command's words as `'word:description'` specs for `_describe` and `_arguments`. A description that
 * follows a word about passwords (`'change-passphrase:Change the key file passphrase'`) is the help text shown
 * beside the word, never a value: a completion function logs in to nothing. Only the password rules are dropped
 * there, and only for a value right after such a spec's colon; a key of a provider's format stays.
 */
import { PASSWORD_RULES } from './documented-default.js';
import type { Detection } from './engine.js';

const COMPLETION_FUNCTION = /^#(?:compdef|autoload)\b/;
// A spec's word and its colon, at the start of a quoted string: `'change-passphrase:` or `"--passphrase:`.
const SPEC_WORD = /['"][\w.-]*:$/;

/** `found` without password matches that are the descriptions of a zsh completion function's specs. */
export function withoutCompletionSpecs(
  found: Detection[],
  text: string,
  lines: () => readonly string[],
): Detection[] {
  if (!COMPLETION_FUNCTION.test(text) || !found.some((d) => PASSWORD_RULES.has(d.ruleId))) return found;
  return found.filter((d) => {
    if (!PASSWORD_RULES.has(d.ruleId)) return true;
    const line = lines()[d.line - 1] ?? '';
    for (let i = line.indexOf(d.secret); i !== -1; i = line.indexOf(d.secret, i + 1))
      if (SPEC_WORD.test(line.slice(Math.max(0, i - 80), i))) return false;
    return true;
  });
}
