/**
 * What a Vue single-file component's `<script setup>` binds a name to, for its template: a `v-html` of a
 * top-level `const` whose value is fixed by the component's own text (a translation of a literal key whose
 * values are themselves fixed, `const msg = $t('upload.msg', { button: `<b>${$t('upload.button')}</b>` })`)
 * writes no data. Anything else (a prop, a `ref`, a computed value, a `let`) stays unresolved.
 */
import { Lang, parse } from '@ast-grep/napi';
import { isFixedValue, returnedValues } from './fixed-value.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

// Translation functions whose result is fixed when their key and values are.
const TRANSLATION_CALL = /^(?:\$t|t|i18n\.t|\$i18n\.t|i18next\.t)\(/;

/** The `<script …>` blocks of a component: attributes and body (found by indexOf: linear on any text). */
function scripts(text: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  for (let at = text.indexOf('<script'); at >= 0;) {
    const open = text.indexOf('>', at);
    const close = open < 0 ? -1 : text.indexOf('</script>', open);
    if (close < 0) break;
    out.push({ attrs: text.slice(at + 7, open), body: text.slice(open + 1, close) });
    at = text.indexOf('<script', close);
  }
  return out;
}

/** Whether the `<script setup>` of the component `text` binds `name` with `const` to a fixed value. */
export function vueConstIsFixed(text: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  for (const { attrs, body } of scripts(text)) {
    if (!/\bsetup\b/.test(attrs)) continue;
    const lang = /\blang\s*=\s*["']ts["']/.test(attrs) ? Lang.TypeScript : Lang.JavaScript;
    const root = parse(lang, body).root();
    for (const stmt of root.children()) {
      if (kindOf(stmt) !== 'lexical_declaration' || !/^const\b/.test(stmt.text())) continue;
      for (const d of stmt.children()) {
        if (kindOf(d) !== 'variable_declarator' || d.field('name')?.text() !== name) continue;
        const value = d.field('value');
        return (
          !!value &&
          isFixedValue(
            value,
            () => false,
            (call) => TRANSLATION_CALL.test(call.text()),
          )
        );
      }
    }
  }
  return false;
}

// Functions whose result is markup cleaned of scripts (DOMPurify.sanitize, sanitizeHtml, xss, filterXSS).
const SANITIZER = /^(?:[\w$]+\.)*(?:sanitize|sanitizeHtml|sanitizeHTML|xss|filterXSS)$/;
const MAX_NESTING = 50;
const FUNCTION_KINDS = new Set(['function_expression', 'arrow_function', 'function_declaration', 'function']);

type AstNode = ReturnType<ReturnType<typeof parse>['root']>;

/** 'clean' for a sanitizer's result, 'fixed' for fixed text, undefined for anything else (also per branch). */
function cleanOrFixed(v: AstNode, depth = 0): 'clean' | 'fixed' | undefined {
  // Deeper than any hand-written chain or conditional: not understood (and the stack stays small).
  if (depth > MAX_NESTING) return undefined;
  const k = kindOf(v);
  if (k === 'parenthesized_expression') {
    const inner = v.children().find((x) => x.isNamed());
    return inner ? cleanOrFixed(inner, depth + 1) : undefined;
  }
  if (k === 'ternary_expression') {
    const a = v.field('consequence');
    const b = v.field('alternative');
    const ra = a ? cleanOrFixed(a, depth + 1) : undefined;
    const rb = b ? cleanOrFixed(b, depth + 1) : undefined;
    if (!ra || !rb) return undefined;
    return ra === 'clean' || rb === 'clean' ? 'clean' : 'fixed';
  }
  if (k === 'call_expression') {
    const callee = v.field('function');
    if (callee && SANITIZER.test(callee.text())) return 'clean';
    // A method of sanitized markup given only fixed text (`.replace(/\n/g, '<br>')`, `.trim()`) adds no data;
    // given anything else (`.replace('{name}', this.name)`) it writes that unsanitized. One that reads an
    // entity (`.replace(/&lt;/g, '<')`) decodes escaped text back into markup.
    const on = callee && kindOf(callee) === 'member_expression' ? callee.field('object') : null;
    const args = (v.field('arguments')?.children() ?? []).filter(
      (x) => x.isNamed() && kindOf(x) !== 'comment',
    );
    if (
      on &&
      cleanOrFixed(on, depth + 1) === 'clean' &&
      args.every((a) => isFixedValue(a)) &&
      !args[0]?.text().includes('&')
    )
      return 'clean';
  }
  return isFixedValue(v) ? 'fixed' : undefined;
}

// A condition under which a name holds no markup: `typeof x === 'undefined'`, `x == null`, `!x`.
const emptyTest = (raw: string): RegExp => {
  const name = escapeRegex(raw);
  return new RegExp(
    String.raw`^\(\s*(?:typeof\s+${name}\s*===?\s*(['"])undefined\1|${name}\s*===?\s*(?:undefined|null)|(?:undefined|null)\s*===?\s*${name}|!\s*${name})\s*\)$`,
  );
};

/**
 * Whether `v`, a returned value, is a parameter of `fn` returned at once where the `if` around it has found it
 * empty (`if (typeof input === 'undefined') return input;`): `undefined`, `null` or another falsy value,
 * which writes no markup. The `if`'s branch must be that return alone, so nothing can change the value first.
 */
function emptyParameter(v: AstNode, fn: AstNode): boolean {
  if (kindOf(v) !== 'identifier') return false;
  const name = v.text();
  const params = fn.field('parameters') ?? fn.field('parameter');
  const declared = params
    ? kindOf(params) === 'identifier'
      ? [params.text()]
      : params.children().map((p) => (kindOf(p) === 'identifier' ? p.text() : ''))
    : [];
  if (!declared.includes(name)) return false;
  const ret = v.parent();
  if (!ret || kindOf(ret) !== 'return_statement') return false;
  const block = ret.parent();
  const branch =
    block && kindOf(block) === 'statement_block' && block.children().filter((c) => c.isNamed()).length === 1
      ? block
      : ret;
  const test = branch.parent();
  return (
    !!test &&
    kindOf(test) === 'if_statement' &&
    test.field('consequence')?.id() === branch.id() &&
    emptyTest(name).test(test.field('condition')?.text() ?? '')
  );
}

/**
 * Whether every value `fn` returns is a sanitizer's result or fixed text (with `emptyParameters`, or a parameter
 * returned where it is empty), and at least one is sanitized.
 */
function returnsSanitized(fn: AstNode, emptyParameters = false): boolean {
  const values = returnedValues(fn);
  if (!values) return false;
  let cleaned = false;
  for (const v of values) {
    const r = cleanOrFixed(v);
    if (!r && !(emptyParameters && emptyParameter(v, fn))) return false;
    if (r === 'clean') cleaned = true;
  }
  return cleaned;
}

/**
 * Whether the module `text` (JavaScript or TypeScript) exports one function `name` whose every return is
 * sanitized markup, fixed text or an empty parameter (see emptyParameter): a global filter's definition.
 */
export function exportedFunctionSanitizes(text: string, ts: boolean, name: string): boolean {
  const root = parse(ts ? Lang.TypeScript : Lang.JavaScript, text).root();
  const found = functionsNamed(root, name);
  if (found.length !== 1) return false;
  const fn = found[0]!;
  // `export function name`, or `export const name = (…) => …` (declarator → declaration → export); a method
  // of an exported object (`export default { name() {} }`) is not the module's own export of that name.
  const decl = kindOf(fn) === 'function_declaration' ? fn : fn.parent()?.parent();
  const exported =
    !!decl &&
    (decl.id() === fn.id() || (kindOf(decl) === 'lexical_declaration' && /^const\b/.test(decl.text()))) &&
    kindOf(decl.parent() ?? decl) === 'export_statement';
  return exported && returnsSanitized(fn, true);
}

/** The functions a component's script defines under `name`: a computed or method, a setup function. */
function functionsNamed(root: AstNode, name: string): AstNode[] {
  const out: AstNode[] = [];
  // Found by the native walk: a recursive one of our own overflows the stack on deeply nested script.
  const kinds = ['method_definition', 'function_declaration', 'pair', 'variable_declarator'];
  for (const n of root.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } })) {
    const k = kindOf(n);
    if (k === 'method_definition' || k === 'function_declaration') {
      if (n.field('name')?.text() === name) out.push(n);
    } else if (k === 'pair' && n.field('key')?.text() === name) {
      const v = n.field('value');
      if (v && FUNCTION_KINDS.has(kindOf(v))) out.push(v);
    } else if (k === 'variable_declarator' && n.field('name')?.text() === name) {
      let v = n.field('value');
      // `const html = computed(() => DOMPurify.sanitize(…))`
      if (v && kindOf(v) === 'call_expression' && /^computed\s*\(/.test(v.text()))
        v =
          v
            .field('arguments')
            ?.children()
            .find((x) => FUNCTION_KINDS.has(kindOf(x))) ?? null;
      if (v && FUNCTION_KINDS.has(kindOf(v))) out.push(v);
    }
  }
  return out;
}

/**
 * Whether the `v-html` expression `expr` (a name, or a call of one) is a computed property or method of
 * the component whose every return is a sanitizer's result (`DOMPurify.sanitize(marked(text))`) or fixed
 * text. One definition that returns anything else, or two definitions of the name, leave it reported.
 */
export function vueValueIsSanitized(text: string, expr: string): boolean {
  const m = /^\s*([A-Za-z_$][\w$]*)\s*(\(.*\))?\s*$/s.exec(expr);
  if (!m) return false;
  const name = m[1]!;
  for (const { attrs, body } of scripts(text)) {
    const lang = /\blang\s*=\s*["']ts["']/.test(attrs) ? Lang.TypeScript : Lang.JavaScript;
    const found = functionsNamed(parse(lang, body).root(), name);
    if (found.length === 1) return returnsSanitized(found[0]!);
    if (found.length > 1) return false;
  }
  return false;
}
