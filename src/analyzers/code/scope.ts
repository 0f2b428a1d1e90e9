import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import { tupleElement, type TupleElement } from './tuple-targets.js';

/** How a name gets its value at one place in the code. */
export type Definition =
  /** `x = value`, `const x = value`, destructuring (`keys` is the property path into `value`), `for x of value`. */
  | { kind: 'value'; node: SgNode; value: SgNode; keys: string[]; strong: boolean; element?: TupleElement }
  /** `x.push(v)`, `x.y = v`, `x += v`: adds to what x already holds. */
  | { kind: 'add'; node: SgNode; value: SgNode }
  /** A parameter; `keys` is the property path when it is a name taken apart from one (`({ url }) => …`). */
  | { kind: 'param'; node: SgNode; fn: SgNode; index: number; name: string; keys?: string[] };

const JS_PATTERNS = new Set([
  'object_pattern',
  'array_pattern',
  'pair_pattern',
  'assignment_pattern',
  'rest_pattern',
  'object_assignment_pattern',
]);
const PY_PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern']);
const JS_PARAM_WRAPPERS = new Set([
  'required_parameter',
  'optional_parameter',
  'assignment_pattern',
  'rest_pattern',
]);
const PY_PARAM_WRAPPERS = new Set([
  'typed_parameter',
  'default_parameter',
  'typed_default_parameter',
  'list_splat_pattern',
  'dictionary_splat_pattern',
]);
const MUTATORS = /^(push|unshift|append|extend|insert|add|update|set|setdefault|assign|concat|write)$/;

function same(a: SgNode | null | undefined, b: SgNode): boolean {
  return !!a && a.id() === b.id();
}

function paramIndex(list: SgNode, child: SgNode): number {
  let i = 0;
  for (const c of list.namedChildren()) {
    if (c.kind() === 'comment' || c.kind() === 'decorator') continue;
    if (c.range().start.index <= child.range().start.index && child.range().end.index <= c.range().end.index)
      return i;
    i++;
  }
  return -1;
}

function asParam(hit: SgNode, list: SgNode, syn: Syntax, keys?: string[]): Definition | undefined {
  const fn = list.parent();
  if (!fn || !syn.functions.has(kindOf(fn))) return undefined;
  const d: Definition = { kind: 'param', node: hit, fn, index: paramIndex(list, hit), name: hit.text() };
  if (keys && keys.length > 0) d.keys = keys;
  return d;
}

/** Classifies an identifier occurrence in JavaScript/TypeScript as a definition, or undefined. */
function classifyJs(hit: SgNode, syn: Syntax): Definition | undefined {
  const p = hit.parent();
  if (!p) return undefined;
  const pk = kindOf(p);
  if (pk === 'variable_declarator' && same(p.field('name'), hit)) {
    const v = p.field('value');
    return v ? { kind: 'value', node: hit, value: v, keys: [], strong: true } : undefined;
  }
  if (pk === 'assignment_expression' && same(p.field('left'), hit)) {
    const v = p.field('right');
    return v ? { kind: 'value', node: hit, value: v, keys: [], strong: true } : undefined;
  }
  if (pk === 'augmented_assignment_expression' && same(p.field('left'), hit)) {
    const v = p.field('right');
    return v ? { kind: 'add', node: hit, value: v } : undefined;
  }
  if (pk === 'arrow_function' && same(p.field('parameter'), hit)) {
    return { kind: 'param', node: hit, fn: p, index: 0, name: hit.text() };
  }
  if (pk === 'formal_parameters') return asParam(hit, p, syn);
  if (JS_PARAM_WRAPPERS.has(pk) && p.parent()?.kind() === 'formal_parameters') {
    const isName =
      same(p.field('pattern'), hit) || same(p.field('left'), hit) || p.namedChildren()[0]?.id() === hit.id();
    const list = p.parent();
    if (isName && list) return asParam(hit, list, syn);
  }
  if (JS_PATTERNS.has(pk) || hit.kind() === 'shorthand_property_identifier_pattern') {
    return destructured(hit, syn);
  }
  if (pk === 'for_in_statement' && same(p.field('left'), hit)) {
    const v = p.field('right');
    return v ? { kind: 'value', node: hit, value: v, keys: [], strong: true } : undefined;
  }
  if (pk === 'member_expression' && same(p.field('object'), hit)) {
    const gp = p.parent();
    if (gp?.kind() === 'assignment_expression' && same(gp.field('left'), p)) {
      const v = gp.field('right');
      return v ? { kind: 'add', node: hit, value: v } : undefined;
    }
    if (gp?.kind() === 'call_expression' && MUTATORS.test(p.field('property')?.text() ?? '')) {
      const args = gp.field('arguments');
      return args ? { kind: 'add', node: hit, value: args } : undefined;
    }
  }
  if (pk === 'subscript_expression' && same(p.field('object'), hit)) {
    const gp = p.parent();
    if (gp?.kind() === 'assignment_expression' && same(gp.field('left'), p)) {
      const v = gp.field('right');
      return v ? { kind: 'add', node: hit, value: v } : undefined;
    }
  }
  return undefined;
}

/** Climbs out of a destructuring pattern, collecting the property keys, to the value it takes apart. */
function destructured(hit: SgNode, syn: Syntax): Definition | undefined {
  const keys: string[] = [];
  let cur = hit;
  if (hit.kind() === 'shorthand_property_identifier_pattern') keys.unshift(hit.text());
  for (let i = 0; i < 16; i++) {
    const p = cur.parent();
    if (!p) return undefined;
    const pk = kindOf(p);
    if (pk === 'pair_pattern') {
      const key = p.field('key');
      if (!same(p.field('value'), cur) || !key) return undefined;
      keys.unshift(key.text().replace(/^['"]|['"]$/g, ''));
    } else if (pk === 'variable_declarator' && same(p.field('name'), cur)) {
      const v = p.field('value');
      return v ? { kind: 'value', node: hit, value: v, keys, strong: true } : undefined;
    } else if (pk === 'assignment_expression' && same(p.field('left'), cur)) {
      const v = p.field('right');
      return v ? { kind: 'value', node: hit, value: v, keys, strong: true } : undefined;
    } else if (pk === 'for_in_statement' && same(p.field('left'), cur)) {
      const v = p.field('right');
      return v ? { kind: 'value', node: hit, value: v, keys, strong: true } : undefined;
    } else if (pk === 'formal_parameters') {
      return asParam(hit, p, syn, keys);
    } else if (pk === 'assignment_pattern' && !same(p.field('left'), cur)) {
      return undefined;
    } else if (!JS_PATTERNS.has(pk) && !JS_PARAM_WRAPPERS.has(pk)) {
      return undefined;
    }
    cur = p;
  }
  return undefined;
}

/** Classifies an identifier occurrence in Python as a definition, or undefined. */
function classifyPy(hit: SgNode, syn: Syntax): Definition | undefined {
  let target = hit;
  let p: SgNode | null = hit.parent();
  while (p && PY_PATTERNS.has(kindOf(p))) {
    target = p;
    p = p.parent();
  }
  if (!p) return undefined;
  const pk = kindOf(p);
  if (
    (pk === 'assignment' || pk === 'named_expression') &&
    same(p.field(pk === 'assignment' ? 'left' : 'name'), target)
  ) {
    const v = p.field(pk === 'assignment' ? 'right' : 'value');
    if (!v) return undefined;
    const element = pk === 'assignment' ? tupleElement(hit, target) : undefined;
    return { kind: 'value', node: hit, value: v, keys: [], strong: true, ...(element ? { element } : {}) };
  }
  if (pk === 'augmented_assignment' && same(p.field('left'), target)) {
    const v = p.field('right');
    return v ? { kind: 'add', node: hit, value: v } : undefined;
  }
  if ((pk === 'for_statement' || pk === 'for_in_clause') && same(p.field('left'), target)) {
    const v = p.field('right');
    return v ? { kind: 'value', node: hit, value: v, keys: [], strong: true } : undefined;
  }
  if (pk === 'as_pattern_target') {
    const item = p.parent();
    const v = item?.namedChildren()[0];
    return v ? { kind: 'value', node: hit, value: v, keys: [], strong: true } : undefined;
  }
  if (pk === 'parameters' || pk === 'lambda_parameters') return asParam(hit, p, syn);
  if (PY_PARAM_WRAPPERS.has(pk)) {
    const list = p.parent();
    const isName = same(p.field('name'), hit) || p.namedChildren()[0]?.id() === hit.id();
    if (isName && list && (list.kind() === 'parameters' || list.kind() === 'lambda_parameters'))
      return asParam(hit, list, syn);
    return undefined;
  }
  if (
    (pk === 'attribute' && same(p.field('object'), hit)) ||
    (pk === 'subscript' && same(p.field('value'), hit))
  ) {
    const gp = p.parent();
    if (gp?.kind() === 'assignment' && same(gp.field('left'), p)) {
      const v = gp.field('right');
      return v ? { kind: 'add', node: hit, value: v } : undefined;
    }
    if (pk === 'attribute' && gp?.kind() === 'call' && MUTATORS.test(p.field('attribute')?.text() ?? '')) {
      const args = gp.field('arguments');
      return args ? { kind: 'add', node: hit, value: args } : undefined;
    }
  }
  return undefined;
}

/** The definition an identifier occurrence makes, if any. */
export function classify(hit: SgNode, syn: Syntax, python: boolean): Definition | undefined {
  return python ? classifyPy(hit, syn) : classifyJs(hit, syn);
}

/** The innermost function containing a node, or undefined at module level. */
export function enclosingFunction(node: SgNode, syn: Syntax): SgNode | undefined {
  for (let p = node.parent(); p; p = p.parent()) if (syn.functions.has(kindOf(p))) return p;
  return undefined;
}

/** Escapes a name for an ast-grep (Rust) regex. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name a function is called by: its own name, or the variable/property it is assigned to. */
export function functionName(fn: SgNode): string | undefined {
  const own = fn.field('name');
  if (own) return own.text();
  const p = fn.parent();
  if (p?.kind() === 'variable_declarator' || p?.kind() === 'pair')
    return (p.field('name') ?? p.field('key'))?.text();
  if (p?.kind() === 'assignment_expression') return p.field('left')?.text().split('.').pop();
  return undefined;
}
