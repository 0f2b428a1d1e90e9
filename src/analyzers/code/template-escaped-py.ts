/**
 * The Python side of the escaped-property check (template-escaped-props.ts): a Django or Jinja2 template's
 * `{{ column.attr_string|safe }}` where the project's Python defines `attr_string` only as a method or
 * property whose every return is escaped markup — `return flatatt(self.get_final_attrs())` (Django's
 * `flatatt` escapes every attribute value), `format_html(…)`, `format_html_join(…)`, `escape(…)`,
 * `conditional_escape(…)`, `json_script(…)`, `escapejs(…)`, `bleach.clean(…)`, `nh3.clean(…)`, readme_renderer's
 * sanitized `render(…)`, such a result wrapped in
 * `mark_safe`/`SafeString`/`Markup`, fixed text, or `+`, a conditional, `or`/`and` of those. Every other
 * mention of the name in the file must be a read (`row.attr_string`) or a comment: an assignment to it
 * (`self.attr_string = v`, a class attribute, a keyword argument `attr_string=v`), the name in a string
 * (`setattr(o, 'attr_string', v)`, a docstring) or any other use keeps the finding.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { ensurePython } from './languages.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

export const PYTHON = /\.pyw?$/;
const ESCAPE = /^(?:flatatt|format_html|format_html_join|escape|conditional_escape|json_script|escapejs)$/;
// Escaping for another language under the same name (`re.escape`: a regex), or a name too common to trust alone
// (`clean`: Django forms' `clean()` returns their data; only `bleach.clean` sanitizes markup).
const NOT_HTML = /^(?:re|regex)\.escape$/;
const QUALIFIED = /^(?:bleach|nh3)\.clean$/;
// readme_renderer (PyPI's README renderer) passes its `markdown`, `rst` and `txt` renders through its `clean`,
// an allow-list sanitizer: `render(raw)` returns markup with no script, handler or unknown tag.
const README_RENDERER = /^readme_renderer\.(?:markdown|rst|txt)$/;
const README_IMPORT =
  /^\s*(?:from\s+readme_renderer\s+import\s+(markdown|rst|txt)(?:\s+as\s+(\w+))?|import\s+readme_renderer\.(markdown|rst|txt)\s+as\s+(\w+))\s*$/gm;
const SAFE_WRAPPER = /^(?:mark_safe|SafeString|SafeText|Markup)$/;
const FIXED = new Set(['none', 'true', 'false', 'integer', 'float']);
const MAX_DEPTH = 12;
// Patterns an attribute stands in only as a target (`a, row.x = v`, `[row.x] = v`, `with f() as row.x`).
const TARGET_PATTERNS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'list_splat_pattern',
  'as_pattern_target',
]);

/** The last name of a call's callee: `flatatt` of `flatatt(x)` and of `utils.flatatt(x)`. */
export function calleeName(call: SgNode): string | undefined {
  const f = call.field('function');
  if (!f) return undefined;
  if (kindOf(f) === 'identifier') return f.text();
  return kindOf(f) === 'attribute' ? f.field('attribute')?.text() : undefined;
}

/** `escape(x)`, `html.escape(x)`, `format_html(…)`, `bleach.clean(x)`: a call that returns HTML-escaped text. */
export function escapingCallPy(call: SgNode): boolean {
  const name = calleeName(call) ?? '';
  const callee = call.field('function')?.text() ?? '';
  return (ESCAPE.test(name) && !NOT_HTML.test(callee)) || QUALIFIED.test(callee) || readmeRender(call);
}

/**
 * `readme_renderer.markdown.render(x)`, or `md.render(x)` where the module binds `md` to one of readme_renderer's
 * renderers by an import (`from readme_renderer import markdown as md`): sanitized markup.
 */
function readmeRender(call: SgNode): boolean {
  const f = call.field('function');
  if (!f || kindOf(f) !== 'attribute' || f.field('attribute')?.text() !== 'render') return false;
  const object = f.field('object')?.text() ?? '';
  if (README_RENDERER.test(object)) return true;
  if (!/^\w+$/.test(object)) return false;
  const text = call.getRoot().root().text();
  if (!text.includes('readme_renderer')) return false;
  for (const m of text.matchAll(README_IMPORT)) if ((m[2] ?? m[1] ?? m[4]) === object) return true;
  return false;
}

/** Whether a Python value is escaped markup, fixed text, the property itself, or built only of those. */
function escapedOrFixed(node: SgNode, prop: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const next = (n: SgNode | null | undefined): boolean => !!n && escapedOrFixed(n, prop, depth + 1);
  const kind = kindOf(node);
  if (FIXED.has(kind)) return true;
  switch (kind) {
    case 'string':
      return !node.children().some((c) => kindOf(c) === 'interpolation');
    case 'concatenated_string':
    case 'parenthesized_expression':
      return node.namedChildren().every((c) => next(c));
    case 'conditional_expression': {
      const [yes, , no] = node.namedChildren();
      return next(yes) && next(no);
    }
    case 'binary_operator':
      return node.field('operator')?.text() === '+' && next(node.field('left')) && next(node.field('right'));
    case 'boolean_operator':
      return next(node.field('left')) && next(node.field('right'));
    case 'attribute':
      return node.field('attribute')?.text() === prop;
    case 'call': {
      if (escapingCallPy(node)) return true;
      const name = calleeName(node) ?? '';
      const args = node.field('arguments')?.namedChildren() ?? [];
      return SAFE_WRAPPER.test(name) && args.length === 1 && next(args[0]);
    }
  }
  return false;
}

/** Whether every return of a function definition gives an escaped or fixed value (and there is one). */
function returnsEscaped(def: SgNode, prop: string): boolean {
  const returns = def.findAll({ rule: { kind: 'return_statement' } });
  return (
    returns.length > 0 &&
    returns.every((r) => {
      const value = r.namedChildren()[0];
      return !value || escapedOrFixed(value, prop);
    })
  );
}

/**
 * Whether one Python file names `prop` only in definitions that return escaped markup, reads and comments;
 * `writes` counts the definitions. False when anything is not understood.
 */
export function pythonOnlyEscaped(text: string, prop: string, writes: { n: number }): boolean {
  ensurePython();
  const root = parse('python', text).root();
  const exact = `^${escapeRegex(prop)}$`;
  let understood = 0;
  for (const n of root.findAll({ rule: { kind: 'identifier', regex: exact } })) {
    const parent = n.parent();
    const pk = parent ? kindOf(parent) : '';
    if (pk === 'function_definition' && parent!.field('name')?.id() === n.id()) {
      if (!returnsEscaped(parent!, prop)) return false;
      writes.n++;
    } else if (pk === 'attribute' && parent!.field('attribute')?.id() === n.id()) {
      // `row.attr_string` read; written when it is (part of) an assignment's target.
      const up = parent!.parent();
      const uk = up ? kindOf(up) : '';
      const target =
        (uk === 'assignment' || uk === 'augmented_assignment' || uk === 'for_statement') &&
        up!.field('left')?.id() === parent!.id();
      if (target || TARGET_PATTERNS.has(uk)) return false;
    } else return false;
    understood++;
  }
  const comments = root.findAll({ rule: { kind: 'comment' } });
  const word = new RegExp(`(?<!\\w)${escapeRegex(prop)}(?!\\w)`, 'g');
  const count = (t: string): number => [...t.matchAll(word)].length;
  return count(text) === understood + comments.reduce((k, c) => k + count(c.text()), 0);
}
