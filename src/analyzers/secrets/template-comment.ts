import { roleFromPath } from '../../core/file-role.js';
import type { MatchContext } from './types.js';

// The text before a match on a line of program source that is a comment (`#`, `//`, `/*`, ` * `).
const SOURCE_COMMENT = /^\s*(?:#|\/\/|\/\*|\*(?!\*?\/))/;
// Configuration formats whose `#` lines (and ini's `;` lines) are comments.
const CONFIG_FILE =
  /\.(?:conf|cfg|cnf|ini|properties|ya?ml|toml|env)(?:\.(?:sample|example|dist|default|orig|tmpl|template))?$|(?:^|\/)\.env(?:\.[\w-]+)?$/i;
const CONFIG_COMMENT = /^\s*[#;]/;

/**
 * True when the match is on a commented-out line of a file whose path names it a template or example for the
 * user to copy (`config-template.py`, `settings.yml.sample`, `examples/…`: core/file-role.ts's `example` role).
 * Such a line shows an option the template leaves unset and the shape of its value (`# 'token': '…'` for each
 * chat backend the template lists): the copy the program reads has the user's own value, and the template's is
 * upstream's illustration. A value on a live (uncommented) line of a template, or a commented line of a file the
 * program itself reads, is still a value. Only for name-based (generic) matches: a provider's token format is its
 * own evidence, commented or not.
 */
export function commentedTemplateLine(m: MatchContext): boolean {
  if (roleFromPath(m.path) !== 'example') return false;
  if (m.sourceCode) return SOURCE_COMMENT.test(m.before);
  return CONFIG_FILE.test(m.path) && CONFIG_COMMENT.test(m.line);
}
