/**
 * A rule's `unlessFixed` value that reads one field of a module the file requires by a relative path
 * (`templates.logMessage` where `templates = require('./templates')`, the CoffeeScript form of a `var` given
 * its value once, or `const templates = require('./templates')`): the match is dropped (imported-fixed.ts)
 * when that module gives the field one value only, fixed by its own text (`exports.logMessage = "<p>…"`), and
 * this file never writes the field. The same-file constant's reading (fixed-value.ts), across one require.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf, nameDotField } from './syntax.js';
import { binding } from './name-binding.js';
import { elementsWritten, laterValues, named } from './fixed-writes.js';
import { exportedValue } from './imported-fixed.js';

/** The relative specifier a field is read from and the field's name. */
export interface ImportedMember {
  spec: string;
  name: string;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `'./x'` when `value` is `require('./x')` (or `'../x'`), else undefined. */
function relativeRequire(value: SgNode | null | undefined): string | undefined {
  if (!value || kindOf(value) !== 'call_expression' || value.field('function')?.text() !== 'require')
    return undefined;
  const args = named(value.field('arguments'));
  const a = args[0];
  if (args.length !== 1 || !a || kindOf(a) !== 'string') return undefined;
  const spec = a.text().slice(1, -1);
  return /^\.\.?\//.test(spec) ? spec : undefined;
}

/**
 * The module and field `value` reads when it is `NAME.field`, NAME bound only to a relative `require` (a
 * `const`, or a `var`/`let` given that one value and never written again) and the field written nowhere in
 * NAME's scope (`NAME.field = …`, an index or `Object.assign` write, NAME handed to another name).
 */
export function importedMemberOf(value: SgNode): ImportedMember | undefined {
  const parts = nameDotField(value);
  if (!parts) return undefined;
  const { obj, prop } = parts;
  const name = obj.text();
  const b = binding(obj, name);
  if (!b || b.isImport || kindOf(b.node) !== 'variable_declarator') return undefined;
  const first = b.node.field('value');
  // Most names a rule's value reads are bound to something else: the scope's writes are walked only when not.
  if (first && relativeRequire(first) === undefined) return undefined;
  const later = laterValues(b.node, name);
  if (!later) return undefined;
  const values = first ? [first, ...later] : later;
  const spec = values.length === 1 ? relativeRequire(values[0]) : undefined;
  if (spec === undefined || elementsWritten(obj)) return undefined;
  const field = `(?:^|[^\\w$.])${escapeRegex(name)}\\s*\\.\\s*${escapeRegex(prop.text())}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|\\?\\?|&&|\\|\\|)?=(?!=)`;
  const scope = b.node.getRoot().root();
  if (new RegExp(field).test(scope.text())) return undefined;
  return { spec, name: prop.text() };
}

/** Whether `node` runs as the module loads: at the top level, or in a wrapper called at once without
 * parameters (`(function () { … }).call(this)`, CoffeeScript's output, or `(function () { … })()`). */
function atModuleLevel(node: SgNode): boolean {
  for (let p = node.parent(); p; p = p.parent()) {
    const k = kindOf(p);
    if (k === 'program') return true;
    if (k !== 'function_expression' && k !== 'function' && k !== 'arrow_function') continue;
    if (named(p.field('parameters')).length > 0) return false;
    let outer = p.parent();
    while (outer && kindOf(outer) === 'parenthesized_expression') outer = outer.parent();
    if (
      outer &&
      kindOf(outer) === 'member_expression' &&
      /^(?:call|apply)$/.test(outer.field('property')?.text() ?? '')
    )
      outer = outer.parent();
    const stmt = outer?.parent();
    if (!outer || kindOf(outer) !== 'call_expression' || !stmt || kindOf(stmt) !== 'expression_statement')
      return false;
    p = stmt;
  }
  return false;
}

/**
 * The one value the module `root` gives its export `name`: a single `exports.name = …` (or
 * `module.exports.name = …`) run as it loads, a `module.exports = { name: … }` record, or `export const name`.
 * Undefined when it is written more than once, inside a function, or through an index (`exports[key] = …`).
 */
export function exportedField(root: SgNode, name: string): SgNode | undefined {
  if (/\bexports\s*\[|Object\.(?:assign|defineProperty)\(\s*(?:module\.)?exports\b/.test(root.text()))
    return undefined;
  const writes = root.findAll({
    rule: {
      kind: 'assignment_expression',
      has: { field: 'left', regex: `^(?:module\\.)?exports\\.${escapeRegex(name)}$` },
    },
  });
  if (writes.length > 1) return undefined;
  if (writes.length === 1) {
    const w = writes[0]!;
    return kindOf(w.parent() ?? w) === 'expression_statement' && atModuleLevel(w)
      ? (w.field('right') ?? undefined)
      : undefined;
  }
  const whole = exportedValue(root, null);
  if (!whole || kindOf(whole) !== 'object') return exportedValue(root, name);
  const pairs = named(whole).filter(
    (c) =>
      kindOf(c) === 'pair' &&
      c
        .field('key')
        ?.text()
        .replace(/^(['"])(.*)\1$/, '$2') === name,
  );
  return pairs.length === 1 ? (pairs[0]!.field('value') ?? undefined) : undefined;
}
