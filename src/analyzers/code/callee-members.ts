/**
 * A rule's `unlessFixed.callees` for a method of a record of compiled templates (`tmps.popup(data)` where the
 * file gives `tmps` only object literals such as `{ popup: _.template($('#popupTmp').html()) }`): the call
 * renders that template, as a call of a name bound to one does (calleeDeclaredBy in name-binding.ts).
 */
import type { SgNode } from '@ast-grep/napi';
import type { Matcher } from './rule-schema.js';
import { kindOf, nameDotField } from './syntax.js';
import { binding, calleeDeclaredBy } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { enclosingScope, laterValues, named } from './fixed-writes.js';

/**
 * The `prop` pairs of the object literals the record `name` declared by `decl` is given (its initial value
 * and every later `name = { … }`); undefined when a value is not an object literal, a literal spreads
 * another object in or names `prop` another way (a method, a shorthand). A scope that also writes the record
 * otherwise (writtenOtherwise) may replace the property.
 */
function propertyPairs(decl: SgNode, name: string, prop: string): SgNode[] | undefined {
  const first = decl.field('value');
  const later = laterValues(decl, name);
  if (!later) return undefined;
  const literals = first ? [first, ...later] : later;
  const pairs: SgNode[] = [];
  for (const literal of literals) {
    if (kindOf(literal) !== 'object') return undefined;
    for (const member of named(literal)) {
      const k = kindOf(member);
      if (k === 'comment') continue;
      if (k !== 'pair') {
        if (k === 'spread_element' || member.text().includes(prop)) return undefined;
        continue;
      }
      if (
        member
          .field('key')
          ?.text()
          .replace(/^(['"])(.*)\1$/, '$2') === prop
      )
        pairs.push(member);
    }
  }
  return pairs;
}

/**
 * Whether the scope of the record `name` declared by `decl` writes it otherwise than by object literals:
 * `name.prop = v` or `name[k] = v`, or hands it to a call (`Object.assign(name, …)`, `$.extend(name, …)`).
 */
function writtenOtherwise(decl: SgNode, name: string, prop: string): boolean {
  const scope = enclosingScope(decl);
  if (!scope) return true;
  const own = decl.field('name')?.id();
  for (const use of scope.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } })) {
    if (use.id() === own || use.text() !== name) continue;
    const p = use.parent();
    if (!p) continue;
    const pk = kindOf(p);
    if (pk === 'arguments') return true;
    if (
      (pk === 'member_expression' || pk === 'subscript_expression') &&
      p.field('object')?.id() === use.id()
    ) {
      const up = p.parent();
      const written =
        !!up && /assignment|update_expression/.test(kindOf(up)) && up.field('left')?.id() === p.id();
      if (written && (pk === 'subscript_expression' || p.field('property')?.text() === prop)) return true;
    }
  }
  return false;
}

/**
 * Whether `call` calls a method `obj.prop(…)` of a record (`var tmps = {}` … `tmps = { popup: _.template(…)
 * }`) whose every `prop` one of `decls` matches as a pair (`kind: pair` in `unlessFixed.callees`), and which
 * has at least one; or a name bound so (calleeDeclaredBy).
 */
export function calleeDeclared(call: SgNode, decls: readonly Matcher[]): boolean {
  if (calleeDeclaredBy(call, decls)) return true;
  const callee = call.field('function');
  const parts = decls.length > 0 && callee ? nameDotField(callee) : undefined;
  if (!parts) return false;
  const { obj, prop } = parts;
  const b = binding(call, obj.text());
  if (!b || b.plain !== true || kindOf(b.node) !== 'variable_declarator') return false;
  // The pairs are matched first: the walk of the scope for other writes is the costly part.
  const pairs = propertyPairs(b.node, obj.text(), prop.text());
  return (
    !!pairs &&
    pairs.length > 0 &&
    pairs.every((p) => decls.some((d) => p.matches(d))) &&
    !writtenOtherwise(b.node, obj.text(), prop.text())
  );
}
