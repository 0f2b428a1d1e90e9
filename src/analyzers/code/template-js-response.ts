/**
 * A template the program serves as JavaScript, not HTML (`res.renderCached('reader.ejs', context,
 * { 'Content-Type': 'text/javascript' })`, or `res.type('application/javascript')` before `res.render`), whose
 * unescaped outputs sit in code position (`var uri = <%- uri %>;`) and are given `JSON.stringify(…)` results
 * (`var context = { uri: JSON.stringify(uri) }`): no HTML parser reads the response, and a JSON text in code
 * position is one literal whatever it holds, so nothing the value holds can add code. In an HTML response
 * (Express's default type) `JSON.stringify` does not escape `</script>`, so there the finding stays; it stays
 * too for an output inside a quoted string (`'<%- uri %>'`, where a quote the JSON keeps ends the string), a
 * value given as anything but a JSON text or fixed text, a data object written after it is built, and a
 * template any other file names or renders otherwise.
 */
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { isFixedValue } from './fixed-value.js';
import { kindOf } from './syntax.js';
import { escapeRegex } from './scope.js';
import { fromEveryNamer, templateMentions, valueOf } from './template-compiled.js';
import { lineStarts, reviewedEngine, unescapedOutputs, withoutOutputsAt } from './templates.js';
import type { UnescapedOutput } from './templates.js';

/** A MIME type no browser parses as HTML and whose text here is code: JavaScript or JSON. */
const JS_TYPE =
  /^(?:(?:text|application)\/(?:x-)?(?:javascript|ecmascript|json)(?:\s*;.*)?|js|json|javascript)$/i;
/** Express's ways of setting the response's type on the response object before the render. */
const TYPE_SETTER = /^(?:type|contentType)$/;
const HEADER_SETTER = /^(?:set|setHeader|header)$/;
const CONTENT_TYPE = /^content-type$/i;
const unquote = (s: string): string | undefined => /^(['"`])([^'"`$]*)\1$/.exec(s)?.[2];

const argsOf = (call: SgNode): SgNode[] =>
  call
    .field('arguments')
    ?.children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment') ?? [];

/** Whether an object literal gives a `Content-Type` header of a JavaScript or JSON type. */
function hasJsHeader(obj: SgNode): boolean {
  return obj.children().some((c) => {
    if (kindOf(c) !== 'pair') return false;
    const k = c.field('key');
    const key = k && (unquote(k.text()) ?? (kindOf(k) === 'property_identifier' ? k.text() : undefined));
    const v = unquote(c.field('value')?.text() ?? '');
    return !!key && CONTENT_TYPE.test(key) && v !== undefined && JS_TYPE.test(v.trim());
  });
}

/**
 * What type a statement gives the response `recv`: 'js' for `recv.type('js')`, `recv.set('Content-Type',
 * 'text/javascript')` and the like, 'other' for any other type it sets, undefined when it sets none.
 */
function typeSetBy(stmt: SgNode, recv: string): 'js' | 'other' | undefined {
  if (kindOf(stmt) !== 'expression_statement') return undefined;
  const call = stmt.namedChildren()[0];
  if (!call || kindOf(call) !== 'call_expression') return undefined;
  const fn = call.field('function');
  if (!fn || kindOf(fn) !== 'member_expression' || fn.field('object')?.text() !== recv) return undefined;
  const method = fn.field('property')?.text() ?? '';
  const args = argsOf(call).map((a) => unquote(a.text()));
  if (TYPE_SETTER.test(method)) return JS_TYPE.test(args[0]?.trim() ?? '') ? 'js' : 'other';
  if (HEADER_SETTER.test(method) && CONTENT_TYPE.test(args[0] ?? ''))
    return JS_TYPE.test(args[1]?.trim() ?? '') ? 'js' : 'other';
  return undefined;
}

/**
 * Whether the render call's response gets a JavaScript type: in a headers object after its data
 * (`renderCached(view, data, { 'Content-Type': 'text/javascript' })`), or set on its response by the last
 * statement before it that sets one. A callback argument (which may send the result as anything) does not count.
 */
function servedAsJs(call: SgNode, args: SgNode[]): boolean {
  const later = args.slice(2);
  if (later.some((a) => kindOf(a) !== 'object')) return false;
  if (later.some((a) => hasJsHeader(a))) return true;
  const fn = call.field('function');
  const recv = fn && kindOf(fn) === 'member_expression' ? fn.field('object')?.text() : undefined;
  if (!recv) return false;
  let stmt: SgNode | null = call;
  while (stmt && kindOf(stmt) !== 'expression_statement') stmt = stmt.parent();
  for (let s = stmt?.prev(); s; s = s.prev()) {
    const set = typeSetBy(s, recv);
    if (set) return set === 'js';
  }
  return false;
}

/**
 * The object literal an identifier argument is bound to: declared with it in a function around the call and
 * named nowhere else there but at the call (so no member is written after it is built); undefined otherwise.
 */
function boundObject(id: SgNode): SgNode | undefined {
  const exact = `^${escapeRegex(id.text())}$`;
  for (let scope = id.parent(); scope; scope = scope.parent()) {
    if (kindOf(scope) !== 'statement_block' && kindOf(scope) !== 'program') continue;
    const decl = scope
      .findAll({ rule: { kind: 'variable_declarator', has: { field: 'name', regex: exact } } })
      .find((d) => kindOf(d.field('name')!) === 'identifier');
    if (!decl) continue;
    const value = decl.field('value');
    if (!value || kindOf(value) !== 'object') return undefined;
    const uses = scope.findAll({
      rule: {
        any: [
          { kind: 'identifier', regex: exact },
          { kind: 'shorthand_property_identifier', regex: exact },
        ],
      },
    });
    return uses.length === 2 ? value : undefined;
  }
  return undefined;
}

/**
 * The data objects of every render of the template named `name` in `text` when each serves it as JavaScript;
 * undefined when the file names the template any other way.
 */
function jsRenders(text: string, path: string, name: string): SgNode[] | undefined {
  const strings = templateMentions(text, path, name);
  if (strings === undefined) return undefined;
  // Only module specifiers name it: the file gives no calls.
  if (strings.length === 0) return [];
  const objects: SgNode[] = [];
  for (const s of strings) {
    const call = s.parent()?.parent();
    if (!call || kindOf(call) !== 'call_expression') return undefined;
    const args = argsOf(call);
    if (args[0]?.id() !== s.id() || !servedAsJs(call, args)) return undefined;
    const data = args[1];
    const obj = !data ? undefined : kindOf(data) === 'identifier' ? boundObject(data) : data;
    if (!obj || kindOf(obj) !== 'object') return undefined;
    if (obj.children().some((c) => kindOf(c) === 'spread_element' || kindOf(c) === 'method_definition'))
      return undefined;
    objects.push(obj);
  }
  return objects;
}

/** Whether an expression is one `JSON.stringify(…)` call: its first `(` closes at the end of the text. */
function wholeJsonCall(expr: string): boolean {
  const open = 'JSON.stringify('.length;
  if (!expr.startsWith('JSON.stringify(') || !expr.endsWith(')')) return false;
  let depth = 1;
  for (let i = open; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i === expr.length - 1;
    else if (ch === '"' || ch === "'" || ch === '`') return false;
  }
  return false;
}

const isJsonText = (v: SgNode): boolean =>
  kindOf(v) === 'call_expression' && v.field('function')?.text() === 'JSON.stringify';

/** A template tag or comment skipped whole by the quote reading: `<% … %>`, `{{! … }}`, `{# … #}`. */
const TAGS: ReadonlyArray<readonly [string, string]> = [
  ['<%', '%>'],
  ['{{!', '}}'],
  ['{#', '#}'],
];

/**
 * Whether no string literal is open where an output starts: the output is code. Read from the template's start,
 * as JavaScript reads it: a template literal spans lines (a JSON text's `${…}` inside one runs), a backslash
 * escapes the next character (`'it\\'s <%- x %>'` is still inside its quotes), a comment's quote opens nothing,
 * and the template's own tags (whose quotes are the engine's) are skipped.
 */
function inCodePosition(text: string, starts: number[], o: UnescapedOutput): boolean {
  const end = (starts[o.line - 1] ?? 0) + o.column - 1;
  const skipTo = (close: string, from: number): number => {
    const at = text.indexOf(close, from);
    return at < 0 || at >= end ? end : at + close.length - 1;
  };
  let quote = '';
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    const tag = TAGS.find(([open]) => text.startsWith(open, i));
    if (tag) i = skipTo(tag[1], i + tag[0].length);
    else if (quote) {
      if (ch === '\\') i++;
      // A quoted string ends at the line's end (an unclosed one is an error JavaScript stops at).
      else if (ch === quote || (ch === '\n' && quote !== '`')) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '/' && text[i + 1] === '/') i = skipTo('\n', i) - 1;
    else if (ch === '/' && text[i + 1] === '*') i = skipTo('*/', i + 2);
  }
  return quote === '';
}

/** `findings` of a template file without the outputs of JSON texts in a response served as JavaScript. */
export async function withoutJsonInScriptResponses(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const engine = reviewedEngine(file.ext, findings);
  if (!engine) return findings;
  const objects = await fromEveryNamer(ctx, file, jsRenders);
  if (!objects || objects.length === 0) return findings;
  const starts = lineStarts(file.text);
  const dropped: UnescapedOutput[] = [];
  for (const o of unescapedOutputs(file.text, engine)) {
    if (!inCodePosition(file.text, starts, o)) continue;
    // `<%- JSON.stringify(x) %>` is a JSON text whatever `x` is; a plain name must be given one by every render.
    const whole = wholeJsonCall(o.expr);
    const given =
      o.names.length === 1 && o.expr.replace(/^locals\./, '') === o.names[0]
        ? objects.map((obj) => valueOf(obj, o.names[0]!))
        : [undefined];
    if (whole || given.every((v) => v && (isJsonText(v) || isFixedValue(v, undefined, undefined, true))))
      dropped.push(o);
  }
  return dropped.length === 0 ? findings : withoutOutputsAt(findings, dropped);
}
