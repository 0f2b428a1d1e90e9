import { contextRefs, expressionsIn } from './expressions.js';
import type { Wf } from './gha-scope.js';
import { GHA_OBFUSCATION, GHA_OVERPROVISIONED_SECRETS, GHA_SECRET_EXPOSURE } from './rules-gha.js';
import type { YNode } from './yaml.js';

const MAX_DEPTH = 60;

/** Calls `fn` on every string scalar of a document (bounded depth; aliases are shared nodes, visited once). */
export function eachString(
  root: YNode | undefined,
  fn: (s: YNode & { kind: 'scalar' }, value: string) => void,
): void {
  const seen = new Set<YNode>();
  const walk = (n: YNode | undefined, depth: number): void => {
    if (!n || depth > MAX_DEPTH || seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'scalar') {
      if (typeof n.value === 'string') fn(n, n.value);
    } else if (n.kind === 'seq') for (const it of n.items) walk(it, depth + 1);
    else for (const e of n.entries.values()) walk(e.value, depth + 1);
  };
  walk(root, 0);
}

const LITERAL_INDEX =
  /\b(?:github|env|steps|needs|inputs|secrets|vars|matrix|job|runner)\s{0,2}\[\s{0,2}'[\w-]{1,100}'\s{0,2}\]/;
const CONSTANT =
  /^\s{0,4}(?:'(?:[^']|''){0,500}'|\d{1,20}|true|false|null|format\(\s{0,4}'[^']{0,500}'(?:\s{0,4},\s{0,4}'[^']{0,500}'){0,10}\s{0,4}\))\s{0,4}$/;

/** Checks every `${{ }}` of the document: secrets handed out wholesale or unredacted, obfuscated expressions. */
export function checkExpressions(wf: Wf, root: YNode | undefined): void {
  const rep = wf.rep;
  eachString(root, (s, value) => {
    for (const expr of expressionsIn(value)) {
      const at = (needle: string) => rep.find(s.line, s.endLine, needle);
      const inner = expr.inner;
      if (
        /\btoJSON\s{0,2}\(\s{0,2}secrets\s{0,2}\)/i.test(inner) ||
        /\bsecrets\s{0,2}\[\s{0,2}[^'"\s]/.test(inner)
      )
        rep.add(
          GHA_OVERPROVISIONED_SECRETS,
          at(expr.text),
          `${expr.text.replace(/\s+/g, ' ')} hands every secret of the repository and organisation to this step.`,
          `overprov:${expr.text}`,
        );
      // Any decoded value differs from the registered secret string: a field, or a JSON string unquoted.
      const decoded = /\bfromJSON\s{0,2}\(\s{0,2}secrets\.[\w-]{1,100}\s{0,2}\)\s{0,2}([.[])?/i.exec(inner);
      if (decoded)
        rep.add(
          GHA_SECRET_EXPOSURE,
          at(expr.text),
          `${expr.text.replace(/\s+/g, ' ')} ${decoded[1] ? 'reads a field of a JSON secret' : 'decodes a secret as JSON'}: the decoded value is not registered for log masking and prints in clear.`,
          `unredacted:${expr.text}`,
          { severity: 'medium' },
        );
      const idx = LITERAL_INDEX.exec(inner);
      if (idx)
        rep.add(
          GHA_OBFUSCATION,
          at(expr.text),
          `${expr.text} uses index syntax (${idx[0]}) where plain property access would do.`,
          `obf:${expr.text}`,
        );
      else if (
        CONSTANT.test(inner) &&
        contextRefs(inner).length === 0 &&
        /[('a-z]/i.test(inner) &&
        !/^\s*(?:true|false|\d+)\s*$/.test(inner)
      )
        rep.add(
          GHA_OBFUSCATION,
          at(expr.text),
          `${expr.text} is a constant expression: write its value instead.`,
          `obf:${expr.text}`,
        );
    }
  });
}
