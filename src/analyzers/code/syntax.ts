import type { SgNode } from '@ast-grep/napi';
import type { RuleLanguage } from './languages.js';

/** A node's kind as a plain string (the typings allow numbers for unknown grammars). */
export function kindOf(n: SgNode): string {
  return n.kind() as string;
}

/** The node kinds the taint engine needs, per grammar (tree-sitter JavaScript/TypeScript and Python). */
export interface Syntax {
  functions: ReadonlySet<string>;
  identifiers: ReadonlySet<string>;
  member: ReadonlySet<string>;
  subscript: ReadonlySet<string>;
  call: ReadonlySet<string>;
  /** Wrappers whose value is their (only) named child: parentheses, await, casts, spreads. */
  passThrough: ReadonlySet<string>;
  /** The wrappers that leave the value itself as it is (no spread, no interpolation): a subset of passThrough. */
  sameValue: ReadonlySet<string>;
  binary: ReadonlySet<string>;
  /** Strings with interpolations (template literals, f-strings). */
  strings: ReadonlySet<string>;
  /** Containers: objects, arrays, dicts, lists, tuples. */
  containers: ReadonlySet<string>;
  ternary: ReadonlySet<string>;
  /** Comparison operators: their result is a boolean, never tainted. */
  comparisons: ReadonlySet<string>;
  ifStatement: string;
  /**
   * An expression that chooses between two values on a condition, with the `if`'s field names (condition,
   * consequence): a guard in it covers its branches as an `if`'s does (`ok(x) ? \`/${x}\` : '/'`).
   */
  conditionalExpression?: string;
  returnStatement: string;
  /** Field names. */
  memberObject: string;
  memberProperty: string;
  subscriptObject: string;
  callFunction: string;
  callArguments: string;
}

const JS_SAME_VALUE = [
  'parenthesized_expression',
  'await_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
];

const JS: Syntax = {
  functions: new Set([
    'function_declaration',
    'function_expression',
    'function',
    'arrow_function',
    'method_definition',
    'generator_function_declaration',
    'generator_function',
  ]),
  identifiers: new Set([
    'identifier',
    'shorthand_property_identifier',
    'shorthand_property_identifier_pattern',
  ]),
  member: new Set(['member_expression']),
  subscript: new Set(['subscript_expression']),
  call: new Set(['call_expression', 'new_expression']),
  sameValue: new Set(JS_SAME_VALUE),
  passThrough: new Set([...JS_SAME_VALUE, 'spread_element', 'jsx_expression', 'template_substitution']),
  binary: new Set(['binary_expression', 'augmented_assignment_expression']),
  strings: new Set(['template_string']),
  containers: new Set(['object', 'array', 'pair', 'arguments']),
  ternary: new Set(['ternary_expression']),
  comparisons: new Set(['==', '===', '!=', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']),
  ifStatement: 'if_statement',
  conditionalExpression: 'ternary_expression',
  returnStatement: 'return_statement',
  memberObject: 'object',
  memberProperty: 'property',
  subscriptObject: 'object',
  callFunction: 'function',
  callArguments: 'arguments',
};

const PY_SAME_VALUE = ['parenthesized_expression', 'await'];

const PY: Syntax = {
  functions: new Set(['function_definition', 'lambda']),
  identifiers: new Set(['identifier']),
  member: new Set(['attribute']),
  subscript: new Set(['subscript']),
  call: new Set(['call']),
  sameValue: new Set(PY_SAME_VALUE),
  passThrough: new Set([
    ...PY_SAME_VALUE,
    'interpolation',
    'list_splat',
    'dictionary_splat',
    'expression_statement',
  ]),
  binary: new Set(['binary_operator', 'boolean_operator', 'augmented_assignment']),
  strings: new Set(['string', 'concatenated_string']),
  containers: new Set(['dictionary', 'list', 'tuple', 'set', 'pair', 'expression_list', 'argument_list']),
  ternary: new Set(['conditional_expression']),
  comparisons: new Set(['comparison_operator', 'not_operator']),
  ifStatement: 'if_statement',
  returnStatement: 'return_statement',
  memberObject: 'object',
  memberProperty: 'attribute',
  subscriptObject: 'value',
  callFunction: 'function',
  callArguments: 'arguments',
};

/** `name.field` (an identifier's plain property, as in `templates.row`): its two parts, or undefined. */
export function nameDotField(n: SgNode): { obj: SgNode; prop: SgNode } | undefined {
  if (kindOf(n) !== 'member_expression') return undefined;
  const obj = n.field('object');
  const prop = n.field('property');
  if (!obj || !prop || kindOf(obj) !== 'identifier' || kindOf(prop) !== 'property_identifier')
    return undefined;
  return { obj, prop };
}

/** The syntax table of a language family. */
export function syntaxOf(family: RuleLanguage): Syntax {
  return family === 'python' ? PY : JS;
}

/** The node spanning exactly `start`–`end` inside `root` (a guard's or a check's match), found by descending. */
export function nodeAt(root: SgNode, start: number, end: number): SgNode | undefined {
  let n: SgNode | undefined = root;
  for (let depth = 0; n && depth < 64; depth++) {
    const r = n.range();
    if (r.start.index === start && r.end.index === end && n.isNamed()) return n;
    n = n.children().find((c) => {
      const cr = c.range();
      return cr.start.index <= start && end <= cr.end.index;
    });
  }
  return undefined;
}
