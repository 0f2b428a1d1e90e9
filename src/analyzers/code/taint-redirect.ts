/**
 * Redirect targets (sink class `redirect`): what matters is whether request data can choose the host the
 * browser is sent to. A target is read left to right; once constant text has fixed the host
 * (`base + '/list/' + id`, `${base}/list/${id}`, or the match of a regex anchored to a path), nothing after it
 * can send the browser to another site, while request data before that point still can.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import { anchoredPrefix, fixesHost } from './taint-shapes.js';
import { REQ } from './taint-support.js';
import type { Value } from './taint-support.js';

export interface RedirectContext {
  readonly syn: Syntax;
  /** The evaluator's value of an expression. */
  readonly evaluate: (node: SgNode, depth: number) => Value;
  /** The expressions a name is assigned. */
  readonly valuesOf: (node: SgNode) => SgNode[];
}

/** A literal `?` or `#`: what follows it is the query or fragment of a URL the text before it has set. */
function startsQuery(text: string): boolean {
  return /[?#]/.test(text);
}

/**
 * What constant text in a URL built by `+` or a template settles for the sink class: the host of a redirect
 * target; the scheme, host and path of an outgoing request's URL (SSRF, JavaScript), once a literal `?` or
 * `#` starts its query (`${api}?${query}`: request data after it picks parameters of a request to where the
 * parts before it point, and those parts are still followed). Undefined for other classes.
 */
export function settledBy(
  sinkClass: string | undefined,
  python: boolean,
): ((text: string) => boolean) | undefined {
  if (sinkClass === 'redirect') return fixesHost;
  if (sinkClass === 'ssrf' && !python) return startsQuery;
  return undefined;
}

/** The taint of a URL made of `parts` in order, or null once constant text settles it (`settles`). */
export function redirectTarget(
  c: RedirectContext,
  parts: readonly SgNode[],
  depth: number,
  settles: (text: string) => boolean = fixesHost,
): Value {
  for (const p of parts) {
    const k = kindOf(p);
    if (k === 'string' || k === 'string_fragment') {
      if (settles(p.text().replace(/^['"]|['"]$/g, ''))) return null;
      continue;
    }
    if (k === '`' || k === 'escape_sequence') continue;
    if (settles(matchedPrefix(c, p))) return null;
    const v = c.evaluate(p, depth + 1);
    if (v && v !== REQ) return v;
  }
  return null;
}

/**
 * `m[0]` where every assignment of m is a match of an anchored regular expression literal
 * (`const m = req.path.match(/^\/topic\/(\d+)\//)`): the text the whole match starts with, else ''.
 */
function matchedPrefix(c: RedirectContext, node: SgNode): string {
  const { syn } = c;
  if (!syn.subscript.has(kindOf(node)) || node.field('index')?.text() !== '0') return '';
  const obj = node.field(syn.subscriptObject);
  if (!obj || !syn.identifiers.has(kindOf(obj))) return '';
  const prefixes = c.valuesOf(obj).map((v) => {
    const callee = v.field(syn.callFunction);
    const re = v.field(syn.callArguments)?.namedChildren()[0];
    const method = callee && syn.member.has(kindOf(callee)) ? callee.field(syn.memberProperty)?.text() : '';
    return method === 'match' && re && kindOf(re) === 'regex' ? anchoredPrefix(re.text()) : '';
  });
  return prefixes.length > 0 && prefixes.every((x) => x === prefixes[0]) ? (prefixes[0] ?? '') : '';
}
