/**
 * Whether a Python module may hand a template a name the program text does not write: inside a function that
 * reads the request, a mapping whose keys are not all literals spliced into a call or a dict (`**extra`), merged
 * into one (`ctx.update(extra)`), or written under a key the program computes (`extra[k] = request.args[k]`) in
 * a mapping that is spliced, merged, returned or handed to a render. Every name a template reads may then be the
 * request's, whatever the literal keywords elsewhere give it: template-settings-py.ts keeps the finding.
 * A mapping built only with literal keys (`{"title": t}`, `dict(title=t)`, a local written only so, a
 * function's own `**kwargs` handed on, whose keys are its callers' keywords) and a read of the operator's
 * configuration (`ns.update(self.settings["template_vars"])`) do not count. What it gives up: a mapping of
 * the request's built in a function that does not read the request itself, and a framework's own keyword
 * arguments (Django's URL parameters reaching `get_context_data(**kwargs)`).
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

/** Text that reads the request (Flask, Django, Tornado). */
export const REQUEST_TEXT = /\brequest\b|\bget_(?:body_|query_)?arguments?\(/;
const RENDERING = /render|response|template/i;
const TEMPLATE_NAME = /^[rRuUfF]?(['"])[\w./%{}-]*\.(?:html?|jinja2?|j2|njk|txt|xml)\1$/;
const CONTEXT_FUNCTION = /context/i;
const MAX_DEPTH = 6;

const isPlainString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');

const named = (n: SgNode): SgNode[] => n.namedChildren().filter((c) => kindOf(c) !== 'comment');

/** The name of a function's own `**kwargs` parameter, if it has one. */
function kwargsParam(fn: SgNode): string | undefined {
  const p = fn
    .field('parameters')
    ?.namedChildren()
    .find((c) => kindOf(c) === 'dictionary_splat_pattern');
  return p?.namedChildren()[0]?.text();
}

/** A call that renders a template: a callee named for it (`render_template`, `TemplateResponse`) or a template's name. */
function rendering(call: SgNode | null): boolean {
  if (!call || kindOf(call) !== 'call') return false;
  if (RENDERING.test(call.field('function')?.text() ?? '')) return true;
  return named(call.field('arguments') ?? call).some((a) => TEMPLATE_NAME.test(a.text()));
}

/**
 * Whether the local `name` of `fn` reaches a template: spliced into or handed to a rendering call, or returned by
 * a function that makes a template's context (`get_context_data`).
 */
function reachesRender(fn: SgNode, name: string): boolean {
  for (const id of fn.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    const up = id.parent();
    const uk = up ? kindOf(up) : '';
    if (uk === 'dictionary_splat' || uk === 'argument_list') {
      const list = uk === 'argument_list' ? up : up!.parent();
      if (list && kindOf(list) === 'argument_list' && rendering(list.parent())) return true;
    }
    if (uk === 'return_statement' && CONTEXT_FUNCTION.test(fn.field('name')?.text() ?? '')) return true;
  }
  return false;
}

/**
 * Whether a mapping expression in `fn` has only keys the program text writes: a dict display of literal keys, a
 * `dict(k=…)` call of keywords, the function's own `**kwargs`, a configuration read (`config`), or a local name
 * bound only to such mappings and written only under literal keys.
 */
function literalKeyed(v: SgNode, fn: SgNode, config: (n: SgNode) => boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const k = kindOf(v);
  // Splices nested inside are checked where they stand (every `**x` of the function is).
  if (k === 'dictionary')
    return named(v).every(
      (c) => kindOf(c) === 'dictionary_splat' || (kindOf(c) === 'pair' && isPlainString(c.field('key') ?? c)),
    );
  if (k === 'call' && v.field('function')?.text() === 'dict')
    return named(v.field('arguments') ?? v).every((a) =>
      ['keyword_argument', 'dictionary_splat'].includes(kindOf(a)),
    );
  if (config(v)) return true;
  if (k === 'attribute' && v.field('object')?.text() === 'self') return ownAttributeKeyed(v, config, depth);
  if (k !== 'identifier') return false;
  const name = v.text();
  if (name === kwargsParam(fn)) return true;
  let bound = false;
  for (const a of fn.findAll({ rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }] } })) {
    const left = a.field('left');
    if (!left) continue;
    if (kindOf(left) === 'identifier' && left.text() === name) {
      // `ns |= extra`: merged from a mapping the program does not show.
      if (kindOf(a) === 'augmented_assignment') return false;
      const right = a.field('right');
      if (!right || !literalKeyed(right, fn, config, depth + 1)) return false;
      bound = true;
    } else if (kindOf(left) === 'subscript' && left.field('value')?.text() === name) {
      const key = left.field('subscript');
      if (!key || !isPlainString(key)) return false;
    }
  }
  return bound;
}

/** The function around a node, or the module when it stands at the top. */
function scopeOf(n: SgNode): SgNode {
  let s: SgNode | null = n.parent();
  while (s && kindOf(s) !== 'function_definition' && kindOf(s) !== 'module') s = s.parent();
  return s ?? n;
}

/**
 * Whether `self.x` is, by every write of `x` as an attribute in its module, a mapping of literal keys: each
 * `….x = v` a literal-keyed mapping in its own function, each `….x[k] = v` under a literal key, each
 * `….x.update(…)` of keywords or literal-keyed mappings, no `….x |= …` nor `….x.setdefault(k)` of a computed key.
 */
function ownAttributeKeyed(v: SgNode, config: (n: SgNode) => boolean, depth: number): boolean {
  const attr = v.field('attribute')?.text();
  let root: SgNode = v;
  for (let up = v.parent(); up; up = up.parent()) root = up;
  if (!attr) return false;
  const isIt = (n: SgNode | null | undefined): boolean =>
    !!n && kindOf(n) === 'attribute' && n.field('attribute')?.text() === attr;
  let bound = false;
  for (const a of root.findAll({
    rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }] },
  })) {
    const left = a.field('left');
    if (isIt(left)) {
      const right = a.field('right');
      if (
        kindOf(a) === 'augmented_assignment' ||
        !right ||
        !literalKeyed(right, scopeOf(a), config, depth + 1)
      )
        return false;
      bound = true;
    } else if (left && kindOf(left) === 'subscript' && isIt(left.field('value'))) {
      const key = left.field('subscript');
      if (!key || !isPlainString(key)) return false;
    }
  }
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const f = call.field('function');
    if (!f || kindOf(f) !== 'attribute' || !isIt(f.field('object'))) continue;
    const method = f.field('attribute')?.text();
    const args = named(call.field('arguments') ?? call);
    if (
      method === 'update' &&
      args.some((a) => kindOf(a) !== 'keyword_argument' && !literalKeyed(a, scopeOf(call), config, depth + 1))
    )
      return false;
    if (method === 'setdefault' && args[0] && !isPlainString(args[0])) return false;
  }
  return bound;
}

/** The name a dict display is assigned to (`ctx = {**a, "k": v}`), if any. */
function boundName(dict: SgNode): string | undefined {
  const a = dict.parent();
  const left =
    a && kindOf(a) === 'assignment' && a.field('right')?.id() === dict.id() ? a.field('left') : null;
  return left && kindOf(left) === 'identifier' ? left.text() : undefined;
}

/** Whether some function of the module that reads the request may give a template names by its own keys. */
export function requestSplice(root: SgNode, config: (n: SgNode) => boolean): boolean {
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    if (!REQUEST_TEXT.test(fn.text())) continue;
    for (const s of fn.findAll({ rule: { kind: 'dictionary_splat' } })) {
      const up = s.parent();
      // `render("p.html", **extra)`, or `{**extra}` bound to a name that reaches a render.
      const reaches =
        up && kindOf(up) === 'argument_list'
          ? rendering(up.parent())
          : up &&
            kindOf(up) === 'dictionary' &&
            boundName(up) !== undefined &&
            reachesRender(fn, boundName(up)!);
      const x = named(s)[0];
      if (reaches && (!x || !literalKeyed(x, fn, config))) return true;
    }
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const f = call.field('function');
      if (!f || kindOf(f) !== 'attribute') continue;
      const target = f.field('object');
      const method = f.field('attribute')?.text();
      if (!target || kindOf(target) !== 'identifier' || !reachesRender(fn, target.text())) continue;
      const args = named(call.field('arguments') ?? call);
      if (
        method === 'update' &&
        args.some((a) => kindOf(a) !== 'keyword_argument' && !literalKeyed(a, fn, config))
      )
        return true;
      if (method === 'setdefault' && args[0] && !isPlainString(args[0])) return true;
    }
    for (const a of fn.findAll({ rule: { kind: 'assignment' } })) {
      const left = a.field('left');
      const target = left && kindOf(left) === 'subscript' ? left.field('value') : undefined;
      const key = left?.field('subscript');
      if (
        target &&
        kindOf(target) === 'identifier' &&
        key &&
        !isPlainString(key) &&
        reachesRender(fn, target.text())
      )
        return true;
    }
  }
  return false;
}
