/**
 * The properties of a module's own record, read for fixed-value.ts: `const manager = {}` filled by
 * `manager.networkType = type` and `manager.getNetworkType = () => { … }` in the same scope. The values a
 * property is given there are all it can hold when the record never leaves the scope except as the
 * module's export, and nothing writes it by a computed key, a copy or a nested write.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { FUNCTIONS, MAX_ANCESTORS, binding } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { enclosingScope, named } from './fixed-writes.js';

/** `module.exports = m`, `exports.m = m`, `export default m`, also as either branch of a conditional. */
function exported(use: SgNode): boolean {
  let at = use;
  for (let up = 0; up < MAX_ANCESTORS; up++) {
    const p = at.parent();
    if (!p) return false;
    const k = kindOf(p);
    if (k === 'parenthesized_expression') {
      at = p;
      continue;
    }
    if (k === 'ternary_expression' && p.field('condition')?.id() !== at.id()) {
      at = p;
      continue;
    }
    if (k === 'export_statement') return true;
    if (k !== 'assignment_expression' || p.field('right')?.id() !== at.id()) return false;
    return /^(?:module\.exports|exports)(?:\.[\w$]+)?$/.test(p.field('left')?.text() ?? '');
  }
  return false;
}

/** `this.prop` written, `this[k]` written or `this` merged into (`Object.assign(this, o)`) within `scope`. */
function writesThis(scope: SgNode, prop: string): boolean {
  return scope.findAll({ rule: { kind: 'this' } }).some((t) => {
    const m = t.parent();
    if (!m) return false;
    const k = kindOf(m);
    if (k === 'arguments')
      return /(?:assign|extend|merge|defaults)$/.test(m.parent()?.field('function')?.text() ?? '');
    if (k !== 'member_expression' && k !== 'subscript_expression') return false;
    if (m.field('object')?.id() !== t.id()) return false;
    if (k === 'member_expression' && m.field('property')?.text() !== prop) return false;
    const up = m.parent();
    const uk = up ? kindOf(up) : '';
    return (
      (/assignment/.test(uk) && up!.field('left')?.id() === m.id()) ||
      /^(?:update_expression|array_pattern|object_pattern|pair_pattern|rest_pattern|for_in_statement)$/.test(
        uk,
      )
    );
  });
}

/**
 * The values the property `prop` of the record `obj` (an identifier) is given: its value in the object
 * literal a `const` binds the name to, and the right side of each `obj.prop = v` in the scope of that
 * declaration (a method in the literal is given as the function). Undefined when the values are not all
 * known: the name is not such a `const`, the record is read any way but `obj.name` (a computed key, passed
 * to a call, copied, spread) other than exported, or the property is written another way (`+=`, `++`,
 * `obj.prop.x = v`, a shorthand `{ prop }` in the literal), or a function of the scope writes it through
 * `this` (a method of the record: `set(v) { this.prop = v; }`). An empty list: never given a value.
 */
export function memberValues(obj: SgNode, prop: string): SgNode[] | undefined {
  if (kindOf(obj) !== 'identifier') return undefined;
  const name = obj.text();
  const b = binding(obj, name);
  const literal = b?.isConst && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  if (!b || !literal || kindOf(literal) !== 'object') return undefined;
  const values: SgNode[] = [];
  for (const member of named(literal)) {
    const k = kindOf(member);
    const key = (
      k === 'pair' || k === 'method_definition' ? member.field(k === 'pair' ? 'key' : 'name') : member
    )
      ?.text()
      .replace(/^(['"])(.*)\1$/, '$2');
    if (k === 'spread_element' || (k !== 'pair' && k !== 'method_definition' && key === prop))
      return undefined;
    if (key !== prop) continue;
    const v = k === 'pair' ? member.field('value') : member;
    if (!v) return undefined;
    values.push(v);
  }
  const scope = enclosingScope(b.node);
  if (!scope) return undefined;
  if (writesThis(scope, prop)) return undefined;
  const own = b.node.field('name')?.id();
  for (const use of scope.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } })) {
    if (use.id() === own || use.text() !== name) continue;
    const m = use.parent();
    if (!m || kindOf(m) !== 'member_expression' || m.field('object')?.id() !== use.id()) {
      if (exported(use)) continue;
      return undefined;
    }
    const p = m.field('property');
    if (!p || kindOf(p) !== 'property_identifier') return undefined;
    if (p.text() !== prop) continue;
    const up = m.parent();
    const uk = up ? kindOf(up) : '';
    if (uk === 'assignment_expression' && up!.field('left')?.id() === m.id()) {
      const v = up!.field('right');
      if (!v) return undefined;
      values.push(v);
      continue;
    }
    // `obj.prop += v`, `obj.prop++`, `delete obj.prop`, `[obj.prop] = list`: written a way not read here.
    if (
      /^(?:augmented_assignment_expression|update_expression|unary_expression|array_pattern|object_pattern|pair_pattern)$/.test(
        uk,
      )
    )
      return undefined;
    // `obj.prop.x = v`, `obj.prop[k] = v`, `obj.prop.push(v)`: what it holds changes under it.
    if (
      (uk === 'member_expression' || uk === 'subscript_expression') &&
      up!.field('object')?.id() === m.id()
    ) {
      const outer = up!.parent();
      if (outer && /assignment/.test(kindOf(outer)) && outer.field('left')?.id() === up!.id())
        return undefined;
      const method = uk === 'member_expression' ? (up!.field('property')?.text() ?? '') : '';
      const mutates = /^(?:push|unshift|splice|fill|copyWithin|set|add|sort|reverse)$/.test(method);
      if (outer && kindOf(outer) === 'call_expression' && mutates) return undefined;
    }
  }
  return values;
}

/** The functions `obj.prop` is given (each value a function), or undefined when any value is not one. */
export function memberFunctions(obj: SgNode, prop: string): SgNode[] | undefined {
  const values = memberValues(obj, prop);
  if (!values || values.length === 0) return undefined;
  return values.every((v) => FUNCTIONS.has(kindOf(v)) || kindOf(v) === 'method_definition')
    ? values
    : undefined;
}
