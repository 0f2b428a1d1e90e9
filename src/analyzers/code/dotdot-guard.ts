import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

// A check that only looks for `..` in a path (`if (/\.\./.test(name)) return`, `name.includes('..')`) stops
// a relative climb, not an absolute path: `path.resolve(base, '/etc')` is `/etc`, and `path.join('/etc', 'x')`
// or `fs.readFile('/etc/passwd')` never looks at a base at all. Only a value joined after a base
// (`path.join(base, name)`, `base + '/' + name`) stays under it. The guard engine keeps a name checked that way
// apart (DOTDOT before it) and counts it only for a use that is not handed to one of those as it is.

/** Marks a name checked only for a `..` (no expression's text starts with it). */
export const DOTDOT = '\0..';

/** A string that is a `..` alone or with one separator (`'..'`, `"../"`, `'/..'`, `'..\\'`). */
const DOTDOT_STRING = /^(['"])(?:\/|\\\\)?\.\.(?:\/|\\\\)?\1$/;

/** The alternatives of a regular expression's source at its top level (`a|b(c|d)` gives `a`, `b(c|d)`). */
function topAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * Whether every alternative of a regular expression asks for a `..` and nothing else: escaped dots and
 * separators, anchors, groups and classes of separators (`\.\.`, `(^|\/)\.\.(\/|$)`, `(?:^|[\\/])\.\.`).
 * `\.\.|^\/` also refuses an absolute path, and `^[\w.-]+$` allows a list of characters: neither is one.
 */
export function regexOnlyDotdot(src: string): boolean {
  return topAlternatives(src).every(
    // What is left once escaped dots and separators are taken out: anchors, groups, and a class's brackets
    // with the `/` written unescaped inside it (`[\\/]`).
    (a) => a.includes('\\.\\.') && /^[\^$|()?:[\]/]*$/.test(a.replace(/\\[./\\]/g, '')),
  );
}

/**
 * Whether a guard's match checks its value `x` only for a `..`: its one literal outside the value is a `..`
 * string (`x.includes('..')`) or a regular expression that asks only for one (`/\.\./.test(x)`).
 */
export function dotdotCheck(match: SgNode | undefined, x: string | undefined): boolean {
  if (!match || x === undefined) return false;
  const at = match.text().indexOf(x);
  const from = match.range().start.index + (at < 0 ? 0 : at);
  const to = at < 0 ? from : from + x.length;
  const literals = match
    .findAll({ rule: { any: [{ kind: 'string' }, { kind: 'regex' }] } })
    .filter((l) => l.range().end.index <= from || l.range().start.index >= to);
  const lit = literals.length === 1 ? literals[0] : undefined;
  if (!lit) return false;
  const only =
    kindOf(lit) === 'string'
      ? DOTDOT_STRING.test(lit.text())
      : regexOnlyDotdot(lit.field('pattern')?.text() ?? '');
  return only && !absoluteRefusedBeside(match, x);
}

const IS_ABSOLUTE = /^(?:path\s*\.\s*)?(?:(?:posix|win32)\s*\.\s*)?isAbsolute$/;

/** What holds `n`, past the parentheses around it. */
function holder(n: SgNode): SgNode | null {
  let p = n.parent();
  while (p && kindOf(p) === 'parenthesized_expression') p = p.parent();
  return p;
}

function inner(n: SgNode): SgNode {
  while (kindOf(n) === 'parenthesized_expression') n = n.namedChildren()[0] ?? n;
  return n;
}

function negation(n: SgNode): SgNode | undefined {
  const e = inner(n);
  const arg =
    kindOf(e) === 'unary_expression' && e.field('operator')?.text() === '!' ? e.field('argument') : null;
  return arg ? inner(arg) : undefined;
}

/**
 * Whether the condition that holds the `..` check `match` of `x` also refuses an absolute `x`, on the side where
 * the check holds: `x.includes('..') || path.isAbsolute(x)` (both false past a leaving `if`) or
 * `!x.includes('..') && !path.isAbsolute(x)`. Then neither a climb nor an absolute path passes. A start test
 * (`x.startsWith('/')`) is not one: a Windows path (`C:\\…`) passes it.
 */
function absoluteRefusedBeside(match: SgNode, x: string): boolean {
  let p = holder(match);
  const negated = !!p && kindOf(p) === 'unary_expression' && p.field('operator')?.text() === '!';
  if (negated && p) p = holder(p);
  const op = negated ? '&&' : '||';
  let chain: SgNode | undefined;
  while (p && kindOf(p) === 'binary_expression' && p.field('operator')?.text() === op) {
    chain = p;
    p = holder(p);
  }
  const operands: SgNode[] = [];
  const collect = (e: SgNode): void => {
    const i = inner(e);
    if (kindOf(i) !== 'binary_expression' || i.field('operator')?.text() !== op) {
      operands.push(i);
      return;
    }
    for (const side of [i.field('left'), i.field('right')]) if (side) collect(side);
  };
  if (chain) collect(chain);
  return operands.some((o) => {
    const e = negated ? negation(o) : o;
    if (!e || kindOf(e) !== 'call_expression' || !IS_ABSOLUTE.test(e.field('function')?.text() ?? ''))
      return false;
    const args = e.field('arguments')?.namedChildren() ?? [];
    return args.length === 1 && args[0]?.text() === x;
  });
}

const RESOLVE = /^(?:path\s*\.\s*)?(?:(?:posix|win32)\s*\.\s*)?resolve$/;
const JOIN_FIRST = /^(?:path\s*\.\s*)?(?:(?:posix|win32)\s*\.\s*)?(?:join|normalize)$/;
const FS_CALL = /^(?:fs|fsp|fse|fsExtra|fsPromises|promises|fs\s*\.\s*promises)\s*\.\s*[\w$]+$/;

/**
 * Whether a use hands its value to something that takes an absolute path as it is: any argument of
 * `path.resolve`, the first of `path.join`/`path.normalize`, the first of an `fs` call. A bare `resolve(x)`
 * is most often a promise's: only `path.resolve` (or `posix.`/`win32.`) counts.
 */
export function rootExposed(use: SgNode): boolean {
  const args = use.parent();
  if (!args || kindOf(args) !== 'arguments') return false;
  const callee = args.parent()?.field('function')?.text() ?? '';
  if (/^(?:path|posix|win32)\b/.test(callee) && RESOLVE.test(callee)) return true;
  const first = args.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
  if (first?.id() !== use.id()) return false;
  return JOIN_FIRST.test(callee) || FS_CALL.test(callee);
}
