/** The shapes own-fields.ts reads: a method's function, the object literal it returns, a field of it, a fresh object. */
import type { SgNode } from '@ast-grep/napi';
import { enclosingScope, laterValues, named } from './fixed-writes.js';
import { FUNCTIONS, MAX_ANCESTORS, binding } from './name-binding.js';
import { reachingAssignment } from './reaching-assignment.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

const FRESH_CALL = /^document\.create(?:Element|ElementNS|TextNode|DocumentFragment)\(/;

/** The function `n` is a value of (`m: function`, `m() {}`, `function m`, `x.m = function`), else undefined. */
export function functionValue(n: SgNode): SgNode | undefined {
  const k = kindOf(n);
  if (k === 'method_definition' || k === 'function_declaration') return n;
  const v =
    k === 'pair' ? n.field('value') : k === 'variable_declarator' ? n.field('value') : n.field('right');
  return v && FUNCTIONS.has(kindOf(v)) ? v : undefined;
}

/** The object literal a returned value is: itself, or a name its function binds once to one. */
export function objectOf(value: SgNode): SgNode | undefined {
  if (kindOf(value) === 'object') return value;
  if (kindOf(value) !== 'identifier') return undefined;
  const b = binding(value, value.text());
  const v = b && b.plain === true && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  if (!v || kindOf(v) !== 'object') return undefined;
  return b!.isConst || laterValues(b!.node, value.text())?.length === 0 ? v : undefined;
}

/** The value an object literal gives `field`: null when it has none, undefined when it cannot be told. */
export function fieldValue(obj: SgNode, field: string): SgNode | null | undefined {
  let found: SgNode | null = null;
  for (const c of named(obj)) {
    const k = kindOf(c);
    if (k === 'comment') continue;
    if (k === 'pair') {
      const key = c.field('key');
      const text = key?.text().replace(/^(['"])(.*)\1$/, '$2');
      if (key && kindOf(key) === 'computed_property_name') return undefined;
      if (text === field) found = c.field('value');
    } else if (k === 'spread_element' || c.text() === field || c.field('name')?.text() === field)
      return undefined;
  }
  return found;
}

/**
 * Whether `obj` is an object the function has just made (`new Object()`, `{}`, `document.createElement(…)`); an
 * object literal only in a function (`var tabs = { prefix: 'p' }` at the top is the page's one object).
 */
export function fresh(obj: SgNode, depth = 0): boolean {
  const made = (v: SgNode | null | undefined): boolean =>
    !!v && (/^(?:object|array|new_expression)$/.test(kindOf(v)) || FRESH_CALL.test(v.text()));
  if (kindOf(obj) === 'identifier') {
    const b = binding(obj, obj.text());
    const v = b && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : undefined;
    if (v && kindOf(v) === 'object' && enclosingScope(b!.node)?.kind() === 'program') return false;
    if (b && v && (b.isConst || laterValues(b.node, obj.text())?.length === 0)) return made(v);
    return !b && made(reachingAssignment(obj, obj.text()));
  }
  // `node.data.id = x` after `node = new Object(); node.data = new Object()`: every write of `node.data` in
  // the function makes an object.
  const inner = obj.field('object');
  if (depth > 0 || kindOf(obj) !== 'member_expression' || !inner || !fresh(inner, 1)) return false;
  let fn: SgNode | null = obj.parent();
  for (let up = 0; fn && !FUNCTIONS.has(kindOf(fn)) && up < MAX_ANCESTORS; up++) fn = fn.parent();
  const writes = (fn ?? obj.getRoot().root())
    .findAll({
      rule: { kind: 'assignment_expression', has: { field: 'left', regex: `^${escapeRegex(obj.text())}$` } },
    })
    .map((a) => a.field('right'));
  return writes.length > 0 && writes.every((v) => made(v));
}

/**
 * Whether a property named like a global function is another object's own: its key or method name, or
 * `this.f(…)` in a method of an object literal or a class that defines `f` itself (`this` is that object, not the
 * page's global).
 */
export function ownMethodCall(prop: SgNode): boolean {
  const member = prop.parent();
  // Another object's member of that name defined (`{ createSimpleElement: function (…) {…} }`, a method).
  const pk = member && kindOf(member);
  if ((pk === 'pair' && member?.field('key')?.id() === prop.id()) || pk === 'method_definition') return true;
  const call = member?.parent();
  const obj = member?.field('object');
  if (!member || !obj || kindOf(obj) !== 'this' || !call || kindOf(call) !== 'call_expression') return false;
  if (call.field('function')?.id() !== member.id()) return false;
  let fn: SgNode | null = member.parent();
  for (let up = 0; fn && up < MAX_ANCESTORS; up++, fn = fn.parent())
    if (FUNCTIONS.has(kindOf(fn)) && kindOf(fn) !== 'arrow_function') break;
  const home = fn && (kindOf(fn) === 'method_definition' ? fn : fn.parent());
  const owner =
    home && (kindOf(home) === 'pair' || kindOf(home) === 'method_definition') ? home.parent() : null;
  if (!owner || (kindOf(owner) !== 'object' && kindOf(owner) !== 'class_body')) return false;
  const name = prop.text();
  return named(owner).some(
    (c) =>
      (kindOf(c) === 'pair' &&
        c
          .field('key')
          ?.text()
          .replace(/^(['"])(.*)\1$/, '$2') === name) ||
      (kindOf(c) === 'method_definition' && c.field('name')?.text() === name),
  );
}
