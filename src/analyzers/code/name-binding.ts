/**
 * The binding a name resolves to where it is read (a `const`, a declaration, an import), walking up at most
 * MAX_ANCESTORS scopes; split from fixed-value.ts, which decides from it whether a value is fixed by the text.
 */
import type { SgNode } from '@ast-grep/napi';
import type { Matcher } from './rule-schema.js';
import { kindOf } from './syntax.js';

/**
 * Ancestors looked at when walking up from a value (its binding, the function it is a parameter of). A
 * parent lookup costs the node's depth, so an unbounded walk is quadratic in it: a generated file
 * thousands of functions deep took seconds per match. 256 is far beyond hand-written nesting; a name bound
 * farther up is not followed (not fixed: the finding stays).
 */
export const MAX_ANCESTORS = 256;

// Where a name is written rather than read: the left of an assignment, an update, a pattern, a declaration,
// a loop variable (fixed-value.ts and reaching-assignment.ts look for writes with it).
export const WRITES = new Set([
  'assignment_expression',
  'augmented_assignment_expression',
  'update_expression',
  'array_pattern',
  'object_pattern',
  'pair_pattern',
  'assignment_pattern',
  'rest_pattern',
  'shorthand_property_identifier_pattern',
  'for_in_statement',
  'variable_declarator',
]);

/** Functions, with parameters of their own: a method's or a generator's are as much its own as a function's. */
export const FUNCTIONS = new Set([
  'function_declaration',
  'function_expression',
  'arrow_function',
  'function',
  'method_definition',
  'generator_function',
  'generator_function_declaration',
]);

/**
 * The declarator that binds `name` in the nearest enclosing scope of `at`, and whether it is a `const`
 * with a plain name. A name a scope binds otherwise (a parameter, a destructuring pattern, a `for … of`
 * variable, a `catch` parameter, an import) ends the search unresolved, so an outer `const` of the same
 * name is never taken for it. An exported declaration binds its name as the declaration would.
 */
export function binding(
  at: SgNode,
  name: string,
): { node: SgNode; isConst: boolean; isImport?: true; plain?: boolean } | undefined {
  const word = new RegExp(`(?:^|[^\\w$])${name.replace(/\$/g, '\\$')}(?:[^\\w$]|$)`);
  let up = 0;
  for (let scope = at.parent(); scope && up++ < MAX_ANCESTORS; scope = scope.parent()) {
    const sk = kindOf(scope);
    const head = FUNCTIONS.has(sk)
      ? (scope.field('parameters') ?? scope.field('parameter'))
      : sk === 'for_in_statement'
        ? scope.field('left')
        : sk === 'catch_clause'
          ? scope.field('parameter')
          : null;
    if (head && word.test(head.text())) return undefined;
    for (const child of scope.children()) {
      // `export const x = …`, `export function x() {}`: the declaration the export holds.
      const stmt = kindOf(child) === 'export_statement' ? (child.field('declaration') ?? child) : child;
      const k = kindOf(stmt);
      if (
        (k === 'function_declaration' ||
          k === 'generator_function_declaration' ||
          k === 'class_declaration') &&
        stmt.field('name')?.text() === name
      )
        return { node: stmt, isConst: k === 'function_declaration' };
      if (k === 'import_statement' && word.test(stmt.text()))
        return { node: stmt, isConst: false, isImport: true };
      if (k !== 'lexical_declaration' && k !== 'variable_declaration') continue;
      for (const d of stmt.children()) {
        const id = kindOf(d) === 'variable_declarator' ? d.field('name') : null;
        if (!id || !word.test(id.text())) continue;
        const plain = kindOf(id) === 'identifier' && id.text() === name;
        return {
          node: d,
          isConst: plain && k === 'lexical_declaration' && /^const\b/.test(stmt.text()),
          plain,
        };
      }
    }
  }
  return undefined;
}

/**
 * True when `node` is a name another module gives this one (`import X from './x'`, `const X =
 * require('./x')`), not shadowed by a local binding: its value is that module's to tell.
 */
export function isImportedName(node: SgNode): boolean {
  if (kindOf(node) !== 'identifier') return false;
  const b = binding(node, node.text());
  if (!b) return false;
  if (b.isImport) return true;
  // `const X = require('./x')` or `const { X } = require('./x')`: never reassigned when const.
  const decl = b.node.parent();
  const value = kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  return !!value && !!decl && /^const\b/.test(decl.text()) && /^require\(\s*['"]\.\.?\//.test(value.text());
}

/**
 * Whether the name `call` calls is bound by a declaration one of `decls` matches (a rule's
 * `unlessFixed.callees`: `var template = require('../entry.hbs')`, `import row from './row.mustache'`).
 */
export function calleeDeclaredBy(call: SgNode, decls: readonly Matcher[]): boolean {
  const callee = call.field('function');
  if (decls.length === 0 || !callee || kindOf(callee) !== 'identifier') return false;
  const b = binding(call, callee.text());
  return !!b && decls.some((d) => b.node.matches(d));
}
