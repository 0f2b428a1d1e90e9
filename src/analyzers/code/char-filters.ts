/**
 * Library string filters that remove characters, judged for the sink class a taint rule guards
 * (replace-check.ts's METACHARACTERS) instead of ending every path as an unknown call does:
 *
 * - validator's `blacklist(s, chars)` removes the characters of `chars` (a character-class body, as
 *   validator builds `[chars]+`): it cleans when they include every metacharacter of the class, and passes
 *   the rest on otherwise (`blacklist(q, '&\'"/')` leaves `(a+)+` whole for a regular expression);
 * - its `whitelist(s, chars)` keeps only those characters: it cleans when none of them is a metacharacter;
 * - tag strippers (`stripTags`, `striptags`, `strip_tags`) remove markup, an HTML sanitizer, and leave every
 *   other class's metacharacters (quotes, `..`, `(`, `*`) where they were.
 *
 * Sink classes without a metacharacter table (redirects, SSRF, NoSQL objects) and `chars` not written in
 * place keep the unknown call's verdict: the path ends.
 */
import type { SgNode } from '@ast-grep/napi';
import { METACHARACTERS, classTest } from './replace-check.js';
import { pyNormaliserPasses } from './path-normalisers.js';
import { KNOWN_PROPAGATORS } from './taint-support.js';

/**
 * The sink class of an evaluation that must stop no less than any rule's (run-taint.ts's pre-selection of
 * cross-file calls): every filter above passes its input on.
 */
export const ANY_SINK_CLASS = '*any';

const STRIP_TAGS = /^(stripTags|striptags|strip_tags)$/;

// A JavaScript string's escapes, read as the program's value: `'\\['` is the two characters `\[`, which
// validator's `[chars]+` reads as `[` alone, not as a backslash and a `[`.
const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\s\S]))/g;
const SINGLE: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function cooked(raw: string): string {
  return raw.replace(ESCAPE, (_, cp?: string, u?: string, x?: string, c?: string) => {
    const code = cp ?? u ?? x;
    if (code !== undefined) return String.fromCodePoint(Math.min(parseInt(code, 16), 0x10ffff));
    // A backslash before a line break continues the string on the next line.
    return c === '\n' || c === '\r' || c === '\r\n' ? '' : (SINGLE[c!] ?? c!);
  });
}

/** The value of a string literal written without substitutions. */
function literal(n: SgNode | undefined): string | undefined {
  if (!n || n.kind() !== 'string') return undefined;
  if (n.namedChildren().some((c) => c.kind() === 'template_substitution' || c.kind() === 'interpolation'))
    return undefined;
  const m = /^(['"])([\s\S]*)\1$/.exec(n.text());
  return m?.[2] === undefined ? undefined : cooked(m[2]);
}

/**
 * The characters given as a literal, or as a name the file declares once, with a literal, and never assigns
 * again (`var invalidChars = '&\'"/'; validator.blacklist(q, invalidChars)`).
 */
function charsOf(n: SgNode | undefined): string | undefined {
  if (!n || n.kind() !== 'identifier') return literal(n);
  let root = n;
  for (let p = n.parent(); p; p = p.parent()) root = p;
  const name = n.text().replace(/\$/g, '\\$');
  const decls = root.findAll({
    rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${name}$` } },
  });
  const writes = root.findAll({
    rule: {
      any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }],
      has: { field: 'left', regex: `^${name}$` },
    },
  });
  return decls.length === 1 && writes.length === 0
    ? literal(decls[0]?.field('value') ?? undefined)
    : undefined;
}

/** True when the call `name(...)` is a known character filter that leaves the class's metacharacters. */
export function filterPasses(call: SgNode, name: string | undefined, sinkClass: string | undefined): boolean {
  if (name === undefined) return false;
  if (sinkClass === ANY_SINK_CLASS)
    return STRIP_TAGS.test(name) || name === 'blacklist' || name === 'whitelist';
  const meta = sinkClass === undefined ? undefined : METACHARACTERS[sinkClass];
  if (!meta) return false;
  if (STRIP_TAGS.test(name)) return sinkClass !== 'html';
  if (name !== 'blacklist' && name !== 'whitelist') return false;
  const args = call.field('arguments')?.namedChildren() ?? [];
  const chars = charsOf(args[1]);
  const inSet = chars === undefined ? undefined : classTest(`[${chars}]`);
  if (!inSet) return false;
  const chars0 = [...meta];
  return name === 'blacklist' ? !chars0.every((c) => inSet(c)) : chars0.some((c) => inSet(c));
}

/**
 * Whether a library call passes its tainted argument on: a known propagator, a filter that leaves the class's
 * metacharacters, or (Python) a path normaliser (path-normalisers.ts).
 */
export function passesThrough(
  call: SgNode,
  name: string | undefined,
  sinkClass: string | undefined,
  python = false,
): boolean {
  if (KNOWN_PROPAGATORS.test(name ?? '') || filterPasses(call, name, sinkClass)) return true;
  return python && pyNormaliserPasses(call.field('function')?.text(), sinkClass);
}
