import type { RawFinding } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { findingFrom } from '../core/rule.js';

/** One `vanguard-ignore: <rule-id> <reason>` directive found in a file. */
export interface Directive {
  line: number;
  ruleId: string;
  reason: string;
}

const MARK = 'vanguard-ignore';
// Bounded quantifiers and no nesting: linear on any line.
const DIRECTIVE = /vanguard-ignore(?::|\s|$)\s{0,20}([A-Za-z0-9_.*/-]{1,200})?[ \t]{0,200}(.{0,500})/;

export const SUPPRESSION_WITHOUT_REASON: RuleMeta = {
  id: 'policy/suppression-without-reason',
  analyzer: 'policy',
  title: 'Inline suppression without a reason',
  description: 'A vanguard-ignore directive must name the rule and say why, so that reviewers can judge it.',
  severity: 'low',
  confidence: 'high',
  cwe: [],
  owasp: [],
  principles: ['logging'],
  remediation: 'Write the rule id and a reason: `vanguard-ignore: <rule-id> <why this is safe>`.',
};

// What opens a comment in the languages Vanguard reads: C-like, shell/Python/YAML, SQL/Lua/Haskell,
// markup, Jinja/Django/Nunjucks, Handlebars, EJS/ERB, INI and Lisp, TeX/Erlang.
const COMMENT_OPENER = /^(?:\/\/|#|\/\*|<!--|--|\{#|\{\{!|<%#|;|%)/;
// In these languages `;` ends a statement and `%` is an operator or a format, never a comment.
const CODE_OPENER = /^(?:\/\/|#|\/\*|<!--|--|\{#|\{\{!|<%#)/;
const SEMICOLON_CODE =
  /\.(?:[cm]?[jt]sx?|mts|cts|py|pyi|rb|sh|bash|zsh|go|java|kt|kts|scala|swift|c|h|cc|cpp|hpp|cs|php|rs|dart|ya?ml|json|toml|sql|html?|ejs|hbs|handlebars|njk|jinja2?|j2|erb|vue|svelte|md|markdown|tf|hcl)$/i;
// Where a `/` after an operator or an opening bracket starts a regular expression literal.
const REGEX_LITERALS = /\.(?:[cm]?[jt]sx?|mts|cts|vue|svelte)$/i;
// Python, C and SQL prefixes that may stand right before a string's quote (r'…', f"…", u8'…', N'…').
const STRING_PREFIX = /(?:^|[^\w])(?:[rbfu]|rb|br|fr|rf|u8|[NLU])$/i;

/**
 * The index after a regular expression literal starting at `i` (a `/`): -1 when the `/` divides,
 * -2 when no literal closes on the line.
 */
function regexEnd(line: string, i: number): number {
  const head = line.slice(Math.max(0, i - 200), i).trimEnd();
  // Not after `<` or `}` (a JSX closing tag `</p>` or `<Foo />`), nor `>` but in an arrow `=>`.
  if (head !== '' && !/[(,=:[!&|?{;+\-*%~^]$|=>$/.test(head)) return -1;
  let inClass = false;
  for (let j = i + 1; j < line.length; j++) {
    const c = line[j]!;
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return j + 1;
  }
  return -2;
}

/**
 * A directive is a comment, so it must follow a comment opener outside any string on its line (or
 * sit in a block comment's `*` continuation line). Text that merely mentions the mark — a string
 * literal such as `'vanguard-ignore for …'` or a sentence describing the syntax is not one; an
 * apostrophe earlier in the comment (as in "it's"), inside a word of prose or YAML (don't), an
 * escaped quote or a quote inside a regular expression literal does not matter.
 */
function inComment(path: string, before: string): boolean {
  const opener = SEMICOLON_CODE.test(path) ? CODE_OPENER : COMMENT_OPENER;
  let regexes = REGEX_LITERALS.test(path);
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (before.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      // An apostrophe inside a word (don't, it's) is prose, unless the word is a string prefix.
      if (
        c === "'" &&
        /\w/.test(before[i - 1] ?? '') &&
        !STRING_PREFIX.test(before.slice(Math.max(0, i - 3), i))
      )
        continue;
      quote = before.startsWith(c + c + c, i) ? c + c + c : c;
      i += quote.length - 1;
    } else if (opener.test(before.slice(i, i + 4))) return true;
    else if (regexes && c === '/') {
      const end = regexEnd(before, i);
      if (end > 0) i = end - 1;
      // A literal that does not close on this line: none later will either (and this stays linear).
      else if (end === -2) regexes = false;
    }
  }
  return quote === '' && /^\s*\*/.test(before);
}

function cleanReason(raw: string): string {
  // Drop comment closers that follow the directive in block comments and markup.
  return raw.replace(/\s*(\*\/|-->|%>|#\}|\}\}).*$/, '').trim();
}

/** Parses the directives in a file; those without a rule id or reason are returned as findings. */
export function parseDirectives(
  path: string,
  lines: readonly string[],
): { directives: Directive[]; invalid: RawFinding[] } {
  const directives: Directive[] = [];
  const invalid: RawFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.includes(MARK)) continue;
    const m = DIRECTIVE.exec(text);
    if (!m || !inComment(path, text.slice(0, m.index))) continue;
    // Documentation of the syntax (`vanguard-ignore: <rule-id> <reason>`) is not a directive.
    if (m[1] === undefined && (m[2] ?? '').startsWith('<')) continue;
    const ruleId = m[1] ?? '';
    const reason = cleanReason(m[2] ?? '');
    if (ruleId === '' || reason === '') {
      invalid.push(
        findingFrom(SUPPRESSION_WITHOUT_REASON, {
          message:
            ruleId === ''
              ? 'vanguard-ignore names no rule and gives no reason; it suppresses nothing.'
              : `vanguard-ignore for ${ruleId} gives no reason; it suppresses nothing.`,
          location: { path, startLine: i + 1, snippet: text.trim().slice(0, 200) },
        }),
      );
      continue;
    }
    directives.push({ line: i + 1, ruleId, reason });
  }
  return { directives, invalid };
}

/** True when a directive's rule pattern covers the rule id ('secrets/*' covers 'secrets/aws-access-key'). */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern === ruleId || pattern === '*') return true;
  return pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1));
}

/**
 * Marks findings suppressed by a directive on their line or the line above. Returns which
 * directives were used (by index into `directives`).
 */
export function applyDirectives(
  findings: Pick<RawFinding, 'suppression' | 'location' | 'ruleId'>[],
  directives: readonly Directive[],
): Set<number> {
  const used = new Set<number>();
  if (directives.length === 0) return used;
  for (const f of findings) {
    // A person's directive takes the place of an analyzer's by-design suppression, and is used.
    if ((f.suppression && f.suppression.kind !== 'by-design') || f.location.commit) continue;
    const line = f.location.startLine;
    const idx = directives.findIndex(
      (d) => (d.line === line || d.line === line - 1) && ruleMatches(d.ruleId, f.ruleId),
    );
    if (idx >= 0) {
      const d = directives[idx]!;
      f.suppression = { kind: 'inline', reason: d.reason };
      used.add(idx);
    }
  }
  return used;
}
