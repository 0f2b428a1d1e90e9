import type { SgNode } from '@ast-grep/napi';
import { formatConversions } from './log-format.js';
import { enclosingFunction } from './scope.js';
import { syntaxOf } from './syntax.js';

/**
 * Python's `logging` writes a dict it is given whole as `str(dict)`: the repr of each key and value, strings
 * quoted with their line breaks escaped (`{'a': 'x\\ny'}`), so a dict of request values cannot forge a log
 * line. This finds the positional arguments of a log call that are names the function around the call binds
 * only to dicts: a literal (`opts = {}`, filled later by `opts[k] = v`), a comprehension, `dict(…)`, or a call
 * of a function of the module whose every `return` gives a dict literal (`parse_parameters(request.POST)`).
 *
 * Only where the format cannot pick a value out of the dict: the dict is the message itself
 * (`log.debug(opts)`), or a later argument of a literal format with no named placeholder (`"%(user)s"` with a
 * single dict argument writes that value raw, so such a format, or one that cannot be read, keeps them all).
 */
export function dictLoggedArguments(call: SgNode, positional: SgNode[]): Set<number> {
  const out = new Set<number>();
  const fn = enclosingFunction(call, syntaxOf('python'));
  if (!fn || positional.length === 0) return out;
  const readable = formatConversions(positional[0]!) !== undefined;
  positional.forEach((arg, i) => {
    if (arg.kind() !== 'identifier' || (i > 0 && !readable)) return;
    if (boundOnlyToDicts(fn, arg.text())) out.add(arg.id());
  });
  return out;
}

/** Statements that bind a name other than by `=`: any of them makes the name's value unknown here. */
const OTHER_BINDINGS = [
  'for_statement',
  'augmented_assignment',
  'named_expression',
  'as_pattern',
  'for_in_clause',
];

/** True when every binding of `name` in `fn` is a plain assignment of a dict, and there is one. */
function boundOnlyToDicts(fn: SgNode, name: string): boolean {
  const params = fn.field('parameters');
  if (params?.findAll({ rule: { kind: 'identifier' } }).some((p) => p.text() === name)) return false;
  let found = false;
  for (const a of fn.findAll({ rule: { kind: 'assignment' } })) {
    const left = a.field('left');
    if (!left || !left.findAll({ rule: { kind: 'identifier' } }).some((n) => n.text() === name)) continue;
    // A name among several targets (`a, opts = f()`) or a field written (`opts.x = …` names opts too) is
    // no plain binding of a dict.
    if (left.kind() !== 'identifier') {
      if (left.kind() === 'attribute' || left.kind() === 'subscript') continue;
      return false;
    }
    const right = a.field('right');
    if (!right || !makesDict(right, fn)) return false;
    found = true;
  }
  if (!found) return false;
  for (const kind of OTHER_BINDINGS)
    for (const s of fn.findAll({ rule: { kind } })) {
      const left = s.field('left') ?? s.field('name') ?? s.child(s.children().length - 1);
      if (
        left?.findAll({ rule: { kind: 'identifier' } }).some((n) => n.text() === name) ||
        left?.text() === name
      )
        return false;
    }
  return true;
}

/** An expression that makes a dict (see dictLoggedArguments). */
function makesDict(node: SgNode, fn: SgNode): boolean {
  const k = node.kind();
  if (k === 'dictionary' || k === 'dictionary_comprehension') return true;
  if (k !== 'call') return false;
  const callee = node.field('function');
  if (!callee || callee.kind() !== 'identifier') return false;
  if (callee.text() === 'dict') return true;
  const module = fn.getRoot().root();
  const defs = module
    .findAll({ rule: { kind: 'function_definition' } })
    .filter((d) => d.field('name')?.text() === callee.text());
  if (defs.length !== 1) return false;
  const returns = defs[0]!.findAll({ rule: { kind: 'return_statement' } });
  return (
    returns.length > 0 &&
    returns.every(
      (r) =>
        r
          .namedChildren()
          .filter((c) => c.kind() !== 'comment')[0]
          ?.kind() === 'dictionary',
    )
  );
}
