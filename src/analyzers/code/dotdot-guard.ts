import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { paramName } from './function-params.js';
import { escapeRegex } from './scope.js';

// A check that only looks for `..` in a path (`if (/\.\./.test(name)) return`, `name.includes('..')`) stops
// a relative climb, not an absolute path: `path.resolve(base, '/etc')` is `/etc`, and `path.join('/etc', 'x')`
// or `fs.readFile('/etc/passwd')` never looks at a base at all. Only a value joined after a base
// (`path.join(base, name)`, `base + '/' + name`) stays under it. The guard engine keeps a name checked that way
// apart (DOTDOT before it) and counts it only for a use that is not handed to one of those as it is, there or
// further on (a copy, a helper of the file: exposedAlong). In Python even the join drops its base for an
// absolute later part (`os.path.join(base, '/etc')` is `/etc`), so no join after a base is covered there.

/** Marks a name checked only for a `..` (no expression's text starts with it). */
export const DOTDOT = '\0..';

/** A string that is a `..` alone or with one separator (`'..'`, `"../"`, `'/..'`, `'..\\'`; Python's `r'..'`). */
const DOTDOT_STRING = /^[rRbBuU]?(['"])(?:\/|\\\\)?\.\.(?:\/|\\\\)?\1$/;

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
export function dotdotCheck(match: SgNode | undefined, x: string | undefined, python = false): boolean {
  return !!match && x !== undefined && dotdotOnly(match, x, python) && !absoluteRefusedBeside(match, x);
}

/** Whether a guard's match checks `x` only for a `..` (dotdotCheck, whatever else its condition refuses). */
export function dotdotOnly(match: SgNode, x: string, python = false): boolean {
  const at = match.text().indexOf(x);
  const from = match.range().start.index + (at < 0 ? 0 : at);
  const to = at < 0 ? from : from + x.length;
  const literals = match
    .findAll({ rule: python ? { kind: 'string' } : { any: [{ kind: 'string' }, { kind: 'regex' }] } })
    .filter((l) => l.range().end.index <= from || l.range().start.index >= to);
  const lit = literals.length === 1 ? literals[0] : undefined;
  if (!lit) return false;
  const only =
    kindOf(lit) === 'string'
      ? DOTDOT_STRING.test(lit.text())
      : regexOnlyDotdot(lit.field('pattern')?.text() ?? '');
  return only;
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
export function absoluteRefusedBeside(match: SgNode, x: string): boolean {
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

/**
 * Whether the `or` chain that holds Python's `..` check `match` of `x` also refuses an absolute `x` as another
 * alternative of its own (`'..' in name or name.startswith('/')`, `'..' in name or os.path.isabs(name)`, also
 * inside `not (…)`): the `..` check is then a whole path check. Only a direct alternative counts: under an `and`
 * (`or (debug and os.path.isabs(name))`) or negated (`or not os.path.isabs(name)`, which refuses relative names)
 * it does not refuse every absolute name. JavaScript's is `absoluteRefusedBeside`, which also reads a negated
 * `&&` chain (and not a start test, which a Windows `C:\\…` passes).
 */
export function absoluteAlsoRefused(match: SgNode, x: string): boolean {
  const isOr = (n: SgNode | null): n is SgNode =>
    !!n && kindOf(n) === 'boolean_operator' && n.field('operator')?.text() === 'or';
  let chain: SgNode | undefined;
  for (let p = holder(match); isOr(p); p = holder(p)) chain = p;
  if (!chain) return false;
  const operands: SgNode[] = [];
  const collect = (e: SgNode): void => {
    const i = inner(e);
    if (!isOr(i)) operands.push(i);
    else for (const side of [i.field('left'), i.field('right')]) if (side) collect(side);
  };
  collect(chain);
  const v = escapeRegex(x).replace(/\s+/g, '\\s*');
  const sep = `(?:(['"])(?:/|\\\\)\\1|(?:os|path)\\s*\\.\\s*sep|\\()`;
  const absolute = new RegExp(
    `^(?:(?:[\\w.]+\\s*\\.\\s*)?isabs\\(\\s*${v}\\s*\\)$|${v}\\s*\\.\\s*startswith\\(\\s*${sep}|${v}\\s*\\[\\s*0\\s*\\]\\s*==\\s*(['"])/\\2$)`,
  );
  return operands.some(
    (o) => (kindOf(o) === 'call' || kindOf(o) === 'comparison_operator') && absolute.test(o.text()),
  );
}

// A decoder (CWE-174/180): a check for `..` made on the text before it is decoded says nothing of the decoded
// text, where `%2e%2e%2f` (or a doubly encoded `%252e%252e`, past the framework's own decoding) is `../` again
// (Ghost's CVE-2023-32235 is that order, a deny-list on the raw path before express.static decodes it). Any
// argument: what comes out is what the `..` check never saw.
const JS_DECODER =
  /^(?:(?:querystring|qs|global|globalThis|window)\s*\.\s*)?(?:decodeURIComponent|decodeURI|unescape)$/;
const PY_DECODER = /^(?:(?:urllib\s*\.\s*)?parse\s*\.\s*)?(?:unquote|unquote_plus|unquote_to_bytes)$/;

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
  if (JS_DECODER.test(callee)) return true;
  if (/^(?:path|posix|win32)\b/.test(callee) && RESOLVE.test(callee)) return true;
  const first = args.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
  if (first?.id() !== use.id()) return false;
  return JOIN_FIRST.test(callee) || FS_CALL.test(callee);
}

const PY_JOIN = /^(?:os\s*\.\s*)?(?:posix)?path\s*\.\s*join$/;
const PY_FIRST =
  /^(?:(?:os\s*\.\s*)?path\s*\.\s*(?:abspath|normpath|realpath)|(?:io\s*\.\s*)?open|(?:os|shutil)\s*\.\s*\w+)$/;

/**
 * Python's rootExposed: any argument of `os.path.join` (an absolute part drops what comes before it) or of
 * `Path(…)`, the right side of a path's `/`, the first argument of `open`, `os.path.abspath`/`normpath`/
 * `realpath`, an `os` or `shutil` call. Only text joined as a string (`base + '/' + name`) stays under the base.
 */
export function pyRootExposed(use: SgNode): boolean {
  const p = use.parent();
  if (!p) return false;
  if (kindOf(p) === 'binary_operator')
    return p.field('right')?.id() === use.id() && p.field('operator')?.text() === '/';
  if (kindOf(p) !== 'argument_list') return false;
  const callee = p.parent()?.field('function')?.text() ?? '';
  if (PY_DECODER.test(callee)) return true;
  if (PY_JOIN.test(callee) || /^(?:pathlib\s*\.\s*)?(?:Pure)?Path$/.test(callee)) return true;
  const first = p.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
  return first?.id() === use.id() && PY_FIRST.test(callee);
}

/** How many copies and calls a value checked only for `..` is followed through (each step a name's uses). */
const MAX_HOPS = 3;
/** More functions of one name than this in the file: the call is not followed (the name says too little). */
const MAX_CANDIDATES = 4;

/** The uses of `name` inside `scope` that start at `from` or later, except those that give it a new value. */
function usesAfter(scope: SgNode, name: string, from: number): SgNode[] {
  if (!/^[\w$]+$/.test(name)) return [];
  return scope
    .findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } })
    .filter((u) => u.range().start.index >= from)
    .filter((u) => {
      const p = u.parent();
      return !(p && kindOf(p) === 'assignment_expression' && p.field('left')?.id() === u.id());
    });
}

/** The function or program a node is in (where a copy's uses are looked for). */
function scopeAround(n: SgNode): SgNode | undefined {
  for (let p = n.parent(); p; p = p.parent()) {
    const k = kindOf(p);
    if (k === 'statement_block' || k === 'program') return p;
  }
  return undefined;
}

/**
 * Where a use hands its value on unchanged, JavaScript: the uses of the name it is copied to (`var repo =
 * m[1]`, `repo = m[1]`), and the uses of the parameter it is given to in a function of this file (a
 * function or method called by name: `self.exists(repo)`, `this.dirMap = (dir) => …`). `path` calls are
 * rootExposed's to decide.
 */
function passedOn(use: SgNode, fns: (name: string) => SgNode[]): SgNode[] {
  const p = use.parent();
  if (!p) return [];
  const k = kindOf(p);
  const copyTo =
    k === 'variable_declarator' && p.field('value')?.id() === use.id()
      ? p.field('name')
      : k === 'assignment_expression' && p.field('right')?.id() === use.id()
        ? p.field('left')
        : undefined;
  if (copyTo) {
    const scope = kindOf(copyTo) === 'identifier' ? scopeAround(p) : undefined;
    return scope ? usesAfter(scope, copyTo.text(), p.range().end.index) : [];
  }
  if (k !== 'arguments') return [];
  const callee = p.parent()?.field('function');
  if (!callee || /^(?:path|posix|win32)\b/.test(callee.text())) return [];
  const ck = kindOf(callee);
  const name =
    ck === 'identifier'
      ? callee.text()
      : ck === 'member_expression'
        ? callee.field('property')?.text()
        : undefined;
  const at = p
    .children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment')
    .findIndex((c) => c.id() === use.id());
  const candidates = name === undefined || at < 0 ? [] : fns(name);
  if (candidates.length > MAX_CANDIDATES) return [];
  return candidates.flatMap((fn) => {
    const param = paramName(fn, at);
    const body = fn.field('body');
    return param && body ? usesAfter(body, param, body.range().start.index) : [];
  });
}

/**
 * Whether a use hands its value to something that takes an absolute path as it is (rootExposed), there or
 * further on: through a copy or a function of this file, up to MAX_HOPS steps. A `..` check before
 * `self.exists(repo)` says nothing of the `path.resolve(base, dir)` the helper hands it to; once the check
 * does not count, the taint engine follows the value into the helper as it does any other, so a helper that
 * joins it after a base or takes its base name still ends the path.
 */
export function exposedAlong(
  use: SgNode,
  fns: (name: string) => SgNode[],
  hops = MAX_HOPS,
  seen = new Set<number>(),
): boolean {
  if (rootExposed(use)) return true;
  if (hops === 0) return false;
  for (const next of passedOn(use, fns)) {
    if (seen.has(next.id())) continue;
    seen.add(next.id());
    if (exposedAlong(next, fns, hops - 1, seen)) return true;
  }
  return false;
}
