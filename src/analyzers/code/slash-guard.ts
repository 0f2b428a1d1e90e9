import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

// A redirect predicate given the value behind a fixed `/` (`is_relative_url('/' + next)`) checks what
// `/${next}` sends, not `next` itself: `https://evil.example` passes as `/https://evil.example`. The guard
// engine keeps such a name apart (SLASH before it) and counts it only for a use sent behind that `/`.

/** Marks a name checked only behind a fixed `/` in a guard's sets (no expression's text starts with it). */
export const SLASH = '\0/';

/** Whether a string node is a lone `/` (`'/'`, `"/"`). */
function isSlash(n: SgNode | null | undefined): boolean {
  return !!n && kindOf(n) === 'string' && /^(['"])\/\1$/.test(n.text());
}

/** Whether `n` is the value `x` behind a fixed `/`: `'/' + x` or `` `/${x}` ``. */
function slashedValue(n: SgNode, x: string): boolean {
  const k = kindOf(n);
  if (k === 'binary_expression')
    return isSlash(n.field('left')) && n.field('operator')?.text() === '+' && n.field('right')?.text() === x;
  return k === 'template_string' && n.text() === `\`/\${${x}}\``;
}

/** Whether a guard's match checks its value `x` only behind a fixed `/` (`isLocalUrl('/' + x)`). */
export function slashedCheck(match: SgNode | undefined, x: string | undefined): boolean {
  if (!match || x === undefined) return false;
  const args = match.field('arguments');
  const first = args?.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
  return !!first && slashedValue(first, x);
}

/** Whether a use is sent behind a fixed `/`: `'/' + x`, or as the first part of `` `/${x}…` ``. */
export function behindSlash(use: SgNode): boolean {
  const p = use.parent();
  if (!p) return false;
  if (kindOf(p) === 'binary_expression')
    return (
      p.field('right')?.id() === use.id() && isSlash(p.field('left')) && p.field('operator')?.text() === '+'
    );
  const t = p.parent();
  return (
    kindOf(p) === 'template_substitution' &&
    !!t &&
    kindOf(t) === 'template_string' &&
    t.text().startsWith('`/${') &&
    t
      .children()
      .find((c) => kindOf(c) === 'template_substitution')
      ?.id() === p.id()
  );
}
