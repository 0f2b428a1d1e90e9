import type { SgNode } from '@ast-grep/napi';
import type { Syntax } from './syntax.js';
import { kindOf } from './syntax.js';
import { accessPath } from './sources.js';
import { literalField } from './taint-fields.js';
import { enclosingFunction, escapeRegex, functionName } from './scope.js';
import { REQ, type Value } from './taint-support.js';

/** A write `req.a.b = v` found in the file: its base object, the property names after it, and `v`. */
interface FieldWrite {
  base: SgNode;
  keys: string[];
  value: SgNode;
}

/**
 * True when the write's function hands the request on to the read's function itself: the read is in the
 * same function, or the writer calls the reader by name with the written object among the arguments
 * (`req.state.location = l; proxyRequest(req, res)`). Not a middleware whose `next()` reaches a route
 * handler, nor a session value read in a later request: which handler runs next, and for whom, is the
 * router's and the session's to say, and an admin console's middleware (`req.documentId = req.body._id`)
 * then reads as an injection into every route behind it.
 */
function handedOn(w: FieldWrite, read: SgNode, syn: Syntax): boolean {
  const writer = enclosingFunction(w.base, syn);
  const reader = enclosingFunction(read, syn);
  if (!writer || !reader) return false;
  if (writer.id() === reader.id() || sharesRequest(reader, writer, w.base.text(), syn)) return true;
  const name = functionName(reader);
  if (name === undefined) return false;
  const base = w.base.text();
  return writer
    .findAll({
      rule: {
        kind: 'call_expression',
        has: { field: 'function', regex: `(?:^|\\.)${name.replace(/\$/g, '\\$')}$` },
      },
    })
    .some((c) => (c.field('arguments')?.namedChildren() ?? []).some((a) => a.text() === base));
}

/**
 * True when `inner` is a function nested in `outer` that sees the same request object: a callback the writer
 * schedules (`req.target.url = u; setImmediate(() => http.get(req.target.url))`). Not when a function on the
 * way binds the name again (a parameter or declaration `req` of its own: another request).
 */
function sharesRequest(inner: SgNode, outer: SgNode, base: string, syn: Syntax): boolean {
  const same = { rule: { kind: 'identifier', regex: `^${escapeRegex(base)}$` } };
  for (let f: SgNode | undefined = inner; f; f = enclosingFunction(f, syn)) {
    if (f.id() === outer.id()) return true;
    if (f.field('parameter')?.text() === base || f.field('parameters')?.find(same)) return false;
    if (f.find({ rule: { kind: 'variable_declarator', has: { field: 'name', ...same.rule } } })) return false;
  }
  return false;
}

/** The taint evaluator's value of an expression at a depth (`REQ` for the whole request object). */
type Evaluate = (node: SgNode, depth: number) => Value;
/** Its value of field `prop` of an expression. */
type EvaluateField = (node: SgNode, prop: string, depth: number) => Value;

const writesByRoot = new WeakMap<SgNode, Map<string, FieldWrite[]>>();

/** The file's `x.a… = v` writes (JavaScript), by their first property `a`, found with one walk per file. */
function fieldWrites(root: SgNode, syn: Syntax): Map<string, FieldWrite[]> {
  let byKey = writesByRoot.get(root);
  if (byKey) return byKey;
  byKey = new Map();
  const found = root.findAll({
    rule: { kind: 'assignment_expression', has: { field: 'left', kind: 'member_expression' } },
  });
  for (const a of found) {
    const left = a.field('left');
    const value = a.field('right');
    if (!left || !value) continue;
    const path = accessPath(left, syn);
    const keys = path?.split('.') ?? [];
    if (keys.length < 2 || keys.some((k) => !/^[\w$]+$/.test(k))) continue;
    let base: SgNode = left;
    for (let i = 1; i < keys.length; i++) base = base.field(syn.memberObject) ?? base;
    if (!syn.identifiers.has(kindOf(base))) continue;
    const rest = keys.slice(1);
    const first = rest[0] as string;
    let list = byKey.get(first);
    if (!list) byKey.set(first, (list = []));
    list.push({ base, keys: rest, value });
  }
  writesByRoot.set(root, byKey);
  return byKey;
}

/** The property names the read `node` and the member reads around it take (`req.a` in `req.a.b.c`: a, b, c). */
function readKeys(node: SgNode, syn: Syntax, rest: string): string[] | undefined {
  if (!/^(?:\.[\w$]+)+$/.test(rest)) return undefined;
  const keys = rest.slice(1).split('.');
  let at = node;
  for (let p = at.parent(); p && syn.member.has(kindOf(p)) && p.field(syn.memberObject)?.id() === at.id();) {
    const prop = p.field(syn.memberProperty)?.text();
    if (prop === undefined || !/^[\w$]+$/.test(prop)) break;
    keys.push(prop);
    at = p;
    p = at.parent();
  }
  return keys;
}

/**
 * A field the program itself writes on the request object (`req.state.location = parse(req.url)`, middleware
 * handing a value on to a later handler or helper): a member of the request that is no source of the framework
 * is the value the file assigns there, when the assigned object is the request too. Only the writes whose
 * property names agree with the read count: one under the read member (`req.state.location = v` for a read of
 * `req.state`), or one the read goes into (`req.state = { location: v }` for `req.state.location`).
 */
export class RequestFields {
  private readonly active = new Set<number>();

  constructor(
    private readonly syn: Syntax,
    private readonly evaluate: Evaluate,
    private readonly evaluateField: EvaluateField,
  ) {}

  /** The value of the request member `node` (whose path after the request object is `rest`), or null. */
  valueOf(root: SgNode, node: SgNode, rest: string, depth: number): Value {
    const { syn } = this;
    const read = readKeys(node, syn, rest);
    if (!read || read.length === 0) return null;
    const writes = fieldWrites(root, syn).get(read[0] as string);
    if (!writes) return null;
    for (const w of writes) {
      const n = Math.min(w.keys.length, read.length);
      if (w.keys.slice(0, n).join('.') !== read.slice(0, n).join('.')) continue;
      const id = w.value.id();
      if (this.active.has(id) || w.value.id() === node.id() || !handedOn(w, node, syn)) continue;
      this.active.add(id);
      try {
        // A read that goes into the written value by one more property: that field of it. The value is asked
        // before the object written to: asking the object first would ask its definitions, this write among
        // them, while the object is being asked, and the value would be remembered as clean.
        const deeper = read.length > w.keys.length ? read[w.keys.length] : undefined;
        const v =
          deeper !== undefined && literalField(w.value, deeper)
            ? this.evaluateField(w.value, deeper, depth)
            : this.evaluate(w.value, depth);
        if (v && v !== REQ && this.evaluate(w.base, depth) === REQ) return v;
      } finally {
        this.active.delete(id);
      }
    }
    return null;
  }
}
