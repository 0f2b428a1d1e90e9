import type { AnalyzerContext } from '../../core/analyzer.js';
import { escapeRegex } from './scope.js';
import { isUnescapedOutput } from './template-rules.js';

/** Template engines whose files the code analyzer reads, by extension. `.html` may hold several dialects. */
export type TemplateEngine = 'ejs' | 'pug' | 'handlebars' | 'jinja' | 'html' | 'vue';

const ENGINES: Readonly<Record<string, TemplateEngine>> = {
  ejs: 'ejs',
  pug: 'pug',
  jade: 'pug',
  hbs: 'handlebars',
  handlebars: 'handlebars',
  mustache: 'handlebars',
  njk: 'jinja',
  nunjucks: 'jinja',
  swig: 'jinja',
  jinja: 'jinja',
  jinja2: 'jinja',
  j2: 'jinja',
  html: 'html',
  htm: 'html',
  vue: 'vue',
};

/** The template engine of a file from its extension, or undefined. */
export function templateEngineOf(ext: string): TemplateEngine | undefined {
  return Object.hasOwn(ENGINES, ext) ? ENGINES[ext] : undefined;
}

/**
 * Extensions several engines share, read as a template only when the text says which: `.tmpl` is a Go
 * template's, an Underscore template's (where `<%-` escapes) or a Handlebars one's (`handlebars.compile` of
 * `index.tmpl`). Only Handlebars and Mustache write `{{{x}}}` and `{{&x}}`; what else a `.tmpl` holds is left
 * unread.
 */
export const SNIFFED_TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set(['tmpl']);

/** The template engine of a file from its extension, or for a shared extension from its text. */
export function templateEngineOfText(ext: string, text: string): TemplateEngine | undefined {
  if (!SNIFFED_TEMPLATE_EXTENSIONS.has(ext)) return templateEngineOf(ext);
  return /\{\{\{\s*[^\s{}]|\{\{&\s*[^\s{}]/.test(text) ? 'handlebars' : undefined;
}

/** The construct of a value written raw because a block around it turned auto-escaping off. */
export const OFF_BLOCK = 'autoescape off';

/**
 * The engine of a template file (not Vue's) that has unescaped-output findings for a later stage to review,
 * or undefined when it has none.
 */
export function reviewedEngine(
  ext: string,
  findings: readonly { ruleId: string }[],
): Exclude<TemplateEngine, 'vue'> | undefined {
  const engine = templateEngineOf(ext);
  if (!engine || engine === 'vue' || !findings.some((f) => isUnescapedOutput(f.ruleId))) return undefined;
  return engine;
}

/**
 * The text of another file of the project for a stage that reviews a template's findings, or null, with a
 * warning, when it cannot be read (a name that is not valid UTF-8, a file gone since the walk): the stage
 * then keeps the findings, since what it did not read may be what makes them real.
 */
export async function readOrWarn(ctx: AnalyzerContext, path: string): Promise<string | undefined | null> {
  try {
    return await ctx.readFile(path);
  } catch (err) {
    ctx.warn(`template review incomplete: ${path} could not be read (${(err as Error).message})`, { path });
    return null;
  }
}

/** `findings` without the unescaped-output findings at the places of `outputs`. */
export function withoutOutputsAt<
  F extends { ruleId: string; location: { startLine: number; startColumn?: number } },
>(findings: F[], outputs: Iterable<Pick<UnescapedOutput, 'line' | 'column'>>): F[] {
  const at = new Set([...outputs].map((o) => `${o.line}:${o.column}`));
  return findings.filter(
    (f) => !isUnescapedOutput(f.ruleId) || !at.has(`${f.location.startLine}:${f.location.startColumn}`),
  );
}

/** One place where a template writes a value without HTML escaping. */
export interface UnescapedOutput {
  line: number;
  column: number;
  /** The expression written out. */
  expr: string;
  /** The construct: `<%-`, `!=`, `{{{`, `|safe`, `v-html`, `[innerHTML]`, `autoescape off`. */
  construct: string;
  /** Variables the expression reads (its root names; `locals.x` and `this.x` count as `x`). */
  names: string[];
}

/** One place where a template turns auto-escaping off for a block. */
export interface AutoescapeOff {
  line: number;
  column: number;
  construct: string;
}

const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'undefined',
  'None',
  'True',
  'False',
  'not',
  'and',
  'or',
  'in',
  'if',
  'else',
  'typeof',
  'new',
  'this',
  'locals',
  'self',
  'loop',
  'item',
]);

/** The variables an expression reads: root identifiers, not properties, keywords or string contents. */
export function namesIn(expr: string): string[] {
  const noStrings = expr.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
  const out = new Set<string>();
  for (const m of noStrings.matchAll(/(?<![\w$.])(?:(?:locals|this|self|ctx)\.)?([A-Za-z_$][\w$]*)/g)) {
    const n = m[1] ?? '';
    const after = noStrings.slice((m.index ?? 0) + m[0].length).trimStart();
    if (KEYWORDS.has(n) || after.startsWith('(')) continue;
    out.add(n);
  }
  return [...out];
}

/** A literal (string, number) or an empty expression writes nothing an attacker chose. */
function constant(expr: string): boolean {
  return /^\s*(?:(["'`])(?:(?!\1).)*\1|\d+(?:\.\d+)?|)\s*$/.test(expr);
}

/** Partials and layout bodies are rendered templates, not data: `<%- include(...) %>`, `{{{body}}}`. */
function rendered(expr: string): boolean {
  return /^\s*(include|partial|body|yield|block|contentFor|defineContent|renderBody)\b/.test(expr);
}

// One character class per argument, each ended by `,` or `)`: linear on any input (arguments are trimmed
// after). A lazy argument beside `\s*` would try every split of a run of spaces.
const TRANSLATION = /^\s*(?:\$t|t|__|__t|\$i18n\.t|i18n\.t|gettext|_)\(([^,()]*)(?:,([^,()]*))?\)\s*$/;

/**
 * A lookup in the application's translation catalogue with no values filled in (`$t(choice.help)`,
 * `__('nav.title')`): catalogue text, not data. With interpolation values (`$t(key, { name })`) the
 * values are written raw too, so it stays reported — unless they are members of the very object the key
 * is read from (`$t(field.help, field.helpInterpolation)`): whoever wrote that object's key wrote its
 * values, and the key alone is already taken as the application's own (a missing key prints as itself).
 */
function translated(expr: string): boolean {
  const m = TRANSLATION.exec(expr);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const roots = (e: string): Set<string> =>
    new Set([...e.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\.[\w$.]+/g)].map((x) => x[1] ?? ''));
  const keyRoots = roots(m[1] ?? '');
  const values = m[2].trim();
  return (
    keyRoots.size === 1 &&
    /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$/.test(values) &&
    keyRoots.has(values.slice(0, values.indexOf('.')))
  );
}

// A name written as a constant (`HORIZON_CONFIG`, `STATIC_URL`): how Django's context processors and Flask's
// `config` hand the operator's settings to templates.
const SETTING = /^[A-Z][A-Z0-9_]+$/;
// A filter's name after `|` (not JavaScript's `||` in an EJS or Vue expression).
const FILTER_NAME = /(?<!\|)\|(?!\|)\s*[A-Za-z_]\w*/g;

/**
 * A setting, read whole or through its keys and filtered (`HORIZON_CONFIG.angular_modules|default:"[]"`):
 * the operator's configuration, not data a request or a user sets. Every name the value and the filters'
 * arguments read must be one (`|default:note` reads a variable that is not).
 */
function setting(expr: string): boolean {
  const names = namesIn(expr.replace(FILTER_NAME, '|'));
  return names.length > 0 && names.every((n) => SETTING.test(n));
}

/**
 * A form field's help text (`{{ field.help_text|safe }}`, as Django's own admin writes it): the text the
 * developer gave the field in the form or model class, markup allowed by design (Django's generated forms
 * do not escape it either).
 */
function helpText(expr: string): boolean {
  return /^(?:[A-Za-z_][\w]*\.)+help_text$/.test(expr);
}

/**
 * Markup a web framework builds and escapes itself, for a template to write as is: Tornado's
 * `xsrf_form_html()` (its hidden `_xsrf` input), Django's `csrf_input` in Jinja2 templates, Flask-WTF's
 * `csrf_token()` and a WTForms form's `hidden_tag()`.
 */
function frameworkMarkup(expr: string): boolean {
  return /^(?:xsrf_form_html\(\)|csrf_input|csrf_token\(\)|[A-Za-z_]\w*\.hidden_tag\(\))$/.test(expr);
}

// A Handlebars literal: a quoted string, a number, true/false/null, or a `key=literal` hash argument.
const HB_LITERAL = String.raw`(?:"[^"\n]*"|'[^'\n]*'|-?\d+(?:\.\d+)?|true|false|null|[A-Za-z_][\w-]*=(?:"[^"\n]*"|'[^'\n]*'|-?\d+(?:\.\d+)?|true|false))`;
const HB_HELPER_OF_LITERALS = new RegExp(String.raw`^[A-Za-z_$][\w$-]*(?:\s+${HB_LITERAL})+$`);

/**
 * A Handlebars helper given only literals (`{{{svg "triangle"}}}`, `{{{icon 'menu' size=16}}}`): the
 * application's own helper making markup from text written in the template, such as an inline icon.
 * A helper given a variable (`{{{markdown post.body}}}`) or a bare name (`{{{comment}}}`) is still reported.
 * What it gives up: a helper that ignores its arguments and writes data it finds elsewhere.
 */
function helperOfLiterals(expr: string, construct: string): boolean {
  return (construct === '{{{ }}}' || construct === '{{& }}') && HB_HELPER_OF_LITERALS.test(expr);
}

interface Pattern {
  re: RegExp;
  construct: string;
  /** Capture group of the expression. */
  group: number;
  /** A line on which a match is the template's own code, not an output (Pug's `- if (a != b)`). */
  codeLine?: RegExp;
}

const EJS: Pattern[] = [{ re: /<%-\s*([\s\S]*?)\s*[-_]?%>/g, construct: '<%-', group: 1 }];
const PUG: Pattern[] = [
  { re: /!\{([^}\n]+)\}/g, construct: '!{}', group: 1 },
  // `p!= expr`, `!= expr`, `a(href!=expr)`: the unescaped forms of `=`.
  {
    re: /(?:^|[\w)\]\s.#-])!=\s*((?:"[^"\n]*"|'[^'\n]*'|[^\s),"'][^),\n]*)[^\n,)]*)/gm,
    construct: '!=',
    group: 1,
    // An unbuffered code line (`- if (typeof(errors) != 'undefined')`) and a conditional or loop's own
    // expression (`if user.role != role`, `when`, `while`) hold JavaScript, whose `!=` compares.
    codeLine: /^[ \t]*(?:-(?:[ \t]|$)|(?:if|else[ \t]+if|unless|while|case|when)[ \t])/,
  },
];
const HANDLEBARS: Pattern[] = [
  { re: /\{\{\{\s*([^}]+?)\s*\}\}\}/g, construct: '{{{ }}}', group: 1 },
  { re: /\{\{&\s*([^}]+?)\s*\}\}/g, construct: '{{& }}', group: 1 },
];
const JINJA: Pattern[] = [
  { re: /\{\{-?\s*([^}]*?)\s*\|\s*safe\b[^}]*\}\}/g, construct: '|safe', group: 1 },
  { re: /\{\{-?\s*Markup\(([^}]*?)\)\s*-?\}\}/g, construct: 'Markup()', group: 1 },
];
const VUE: Pattern[] = [{ re: /\sv-html\s*=\s*"([^"]*)"/g, construct: 'v-html', group: 1 }];
const ANGULAR: Pattern[] = [
  { re: /\[(?:innerHTML|outerHTML)\]\s*=\s*"([^"]*)"/g, construct: '[innerHTML]', group: 1 },
];

const PATTERNS: Readonly<Record<TemplateEngine, Pattern[]>> = {
  ejs: EJS,
  pug: PUG,
  handlebars: HANDLEBARS,
  jinja: JINJA,
  html: [...JINJA, ...HANDLEBARS, ...VUE, ...ANGULAR],
  vue: VUE,
};

/** Line starts of a text, for offsets → line/column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of `offset`, given the text's lineStarts. */
export function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

const AUTOESCAPE_OFF =
  /\{%-?\s*autoescape\s+(false|off)\s*-?%\}([\s\S]*?)(?:\{%-?\s*endautoescape\s*-?%\}|$)/g;

/** Where a template turns auto-escaping off (`{% autoescape false %}`, Django's `{% autoescape off %}`). */
export function autoescapeOff(text: string, engine: TemplateEngine): AutoescapeOff[] {
  return autoescapeOffBlocks(text, engine).map(({ body: _body, ...at }) => at);
}

/** The blocks `autoescapeOff` reports, each with the text between its tags for a later stage to read. */
export function autoescapeOffBlocks(
  text: string,
  engine: TemplateEngine,
): (AutoescapeOff & { body: string })[] {
  if ((engine !== 'jinja' && engine !== 'html') || !text.includes('autoescape')) return [];
  const starts = lineStarts(text);
  return [...text.matchAll(AUTOESCAPE_OFF)]
    .filter((m) => !writesOnlyFixedText(m[2] ?? ''))
    .map((m) => ({
      ...position(starts, m.index ?? 0),
      construct: `autoescape ${m[1]}`,
      body: m[2] ?? '',
    }));
}

// A quoted literal without escapes inside (`'<a href="{}">{}</a>'`), then the fixed forms built from literals:
// a message looked up in the catalogue, with values that are literals themselves (`_('Go to %(page)s.',
// page='…')`), a URL of a named route (`url_for('index')`) and a literal's `format` of such values.
const LITERAL = /(["'])(?:(?!\1)[^\\\n])*\1/g;
const MAX_NESTING = 16;
// A fixed value stands as `¤`, which no Jinja name or operator is.
const FIXED_FORMS = [
  /(?<![\w.])(?:_|gettext|url_for)\(\s*¤\s*(?:,\s*[A-Za-z_]\w*\s*=\s*¤\s*)*,?\s*\)/g,
  /¤\s*\.\s*format\(\s*(?:¤\s*(?:,\s*¤\s*)*,?)?\s*\)/g,
];

/**
 * A Jinja block that turns escaping off only to write the template's own markup: every `{{ … }}` in it is
 * built from literals (a translated sentence with a link the template writes, as in a 404 page's
 * `_('Go to %(search_page)s.', search_page='<a href="{}">{}</a>'.format(url_for('index'), _('search page')))`)
 * and it holds no tag that could write data (`{% markdown_value list.info %}`, `{% include %}`). A name, an
 * attribute or a call of anything else keeps the block reported. What it gives up: a translation catalogue
 * whose translators put markup in a message; they are trusted as the application's authors are.
 */
export function writesOnlyFixedText(body: string): boolean {
  if (/\{%/.test(body)) return false;
  // Each `{{ … }}` up to its first `}}`, found by position: a lazy pattern retried from every `{{` of an
  // unclosed run was quadratic. An unclosed output is not fixed text.
  const outputs: string[] = [];
  for (let i = body.indexOf('{{'); i !== -1; i = body.indexOf('{{', i)) {
    const end = body.indexOf('}}', i + 2);
    if (end === -1) return false;
    outputs.push(
      body
        .slice(i + 2, end)
        .replace(/^-/, '')
        .replace(/-$/, ''),
    );
    i = end + 2;
  }
  if (outputs.length === 0) return true;
  return outputs.every((o) => {
    // Blanks collapsed, so that the forms' neighbouring `\s*` cannot split a long run of them many ways.
    let e = o.replace(/¤/g, '').replace(LITERAL, '¤').replace(/\s+/g, ' ');
    if (/["']/.test(e)) return false;
    // One nesting level of the forms goes per pass; deeper than a sentence's markup is not fixed text.
    for (let prev = '', pass = 0; prev !== e; pass++) {
      if (pass === MAX_NESTING) return false;
      prev = e;
      for (const f of FIXED_FORMS) e = e.replace(f, '¤');
    }
    return /^\s*¤\s*$/.test(e);
  });
}

/**
 * A filter after `| safe` that escapes or encodes what `safe` let through (`| safe | url_encode` in
 * Nunjucks and Swig templates writes a URL-encoded value, with no markup left in it).
 */
const ESCAPED_AFTER_SAFE = /\|\s*safe\b[^}]*\|\s*(?:url_?encode|escape|e|forceescape|escapejs|striptags)\b/;

/**
 * Jinja2's `tojson` as the last filter before `| safe` (`{{ box|tojson|safe }}`): it already returns markup
 * with `<`, `>`, `&` and `'` written as `\u003c`…, the same text `{{ box|tojson }}` writes, so `safe` lets
 * nothing more through. Nunjucks' `dump` (plain `JSON.stringify`) is not this filter, nor is a `replace` after it.
 */
const TOJSON_LAST = /\|\s*tojson\s*(?:\([^()]*\))?$/;

// A Pug list of string or number literals (`['cpu', 'arch', 'uptime']`), as a loop's subject or a template
// variable's value.
const PUG_LITERAL_LIST = String.raw`\[\s*(?:(?:'[^'\\\n]*'|"[^"\\\n]*"|\d+)\s*,\s*)*(?:'[^'\\\n]*'|"[^"\\\n]*"|\d+)?\s*\]`;
const PUG_EACH =
  /^[ \t]*(?:each|for)[ \t]+([A-Za-z_$][\w$]*)(?:[ \t]*,[ \t]*([A-Za-z_$][\w$]*))?[ \t]+in[ \t]+([^\n]*?)[ \t]*$/gm;

/**
 * Names a Pug template binds only to its own fixed text: the variable of every `each x in […]` over a list of
 * literals, or over a name the template sets once to such a list (`- var props = ['cpu', 'arch']` then
 * `each prop in props`), and mentioned nowhere as a mixin's parameter or another assignment. A name also bound
 * otherwise (another loop over data, `- var x = …`, a mixin parameter, an index `each v, i in …` is a number
 * anyway) is not one. Each name maps to the spans of its loops' bodies (the lines indented under `each`): past
 * the loop the same name is the render's local, data.
 */
function pugFixedNames(text: string): Map<string, [number, number][]> {
  const lists = new Set<string>();
  const listRe = new RegExp(
    String.raw`^[ \t]*-[ \t]*(?:var|let|const)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*${PUG_LITERAL_LIST}[ \t]*;?[ \t]*$`,
    'gm',
  );
  for (const m of text.matchAll(listRe)) lists.add(m[1] ?? '');
  const fixed = new Set<string>();
  const other = new Set<string>();
  const spans = new Map<string, [number, number][]>();
  const span = (name: string, s: [number, number]): void => {
    spans.set(name, [...(spans.get(name) ?? []), s]);
  };
  for (const m of text.matchAll(PUG_EACH)) {
    const [line, item = '', index, subject = ''] = m;
    const literal = new RegExp(`^${PUG_LITERAL_LIST}$`).test(subject) || lists.has(subject);
    (literal ? fixed : other).add(item);
    if (index) fixed.add(index);
    const body = loopBody(text, m.index ?? 0, line);
    if (literal) span(item, body);
    if (index) span(index, body);
  }
  for (const l of lists) {
    // A list name assigned twice may hold data the second time.
    const assigned = text.match(
      new RegExp(
        String.raw`(?<![\w$.])${escapeRegex(l)}[ \t]*(?:=(?!=)|\.push\(|\.unshift\(|\.splice\()`,
        'g',
      ),
    );
    if ((assigned?.length ?? 0) > 1)
      for (const m of text.matchAll(PUG_EACH)) if (m[3] === l) other.add(m[1] ?? '');
  }
  for (const n of fixed) {
    const rebound = new RegExp(
      String.raw`(?:^[ \t]*-[^\n]*(?<![\w$.])${escapeRegex(n)}[ \t]*=(?!=)|^[ \t]*mixin[ \t]+[\w-]+[ \t]*\([^)\n]*(?<![\w$])${escapeRegex(n)}(?![\w$]))`,
      'm',
    );
    if (other.has(n) || rebound.test(text)) fixed.delete(n);
  }
  return new Map([...spans].filter(([n]) => fixed.has(n)));
}

/** The span of the lines indented under the Pug line at `start` (`line` its text): the block it opens. */
function loopBody(text: string, start: number, line: string): [number, number] {
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const from = start + line.length;
  const next = /\n(?=[ \t]*\S)/g;
  next.lastIndex = from;
  for (let m = next.exec(text); m; m = next.exec(text)) {
    const lead = /^[ \t]*/.exec(text.slice(m.index + 1, m.index + 1 + 200))?.[0].length ?? 0;
    if (lead <= indent) return [from, m.index];
  }
  return [from, text.length];
}

/** The names of `spans` whose loop body holds the offset `at`. */
function inScope(spans: ReadonlyMap<string, [number, number][]>, at: number): Set<string> {
  const names = new Set<string>();
  for (const [n, list] of spans) if (list.some(([a, b]) => at >= a && at < b)) names.add(n);
  return names;
}

/** An expression of string literals and fixed names joined by `+` (`'<%- data.' + prop + ' %>'`). */
function joinOfFixed(expr: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const parts = expr.replace(LITERAL, '""').split('+');
  return parts.length > 1 && parts.every((p) => p.trim() === '""' || names.has(p.trim()));
}

/** Every output of a non-constant value that the template writes without HTML escaping. */
export function unescapedOutputs(text: string, engine: TemplateEngine): UnescapedOutput[] {
  const starts = lineStarts(text);
  const out: UnescapedOutput[] = [];
  const loopNames =
    engine === 'pug' && /^[ \t]*(?:each|for)[ \t]/m.test(text)
      ? pugFixedNames(text)
      : new Map<string, [number, number][]>();
  for (const p of PATTERNS[engine]) {
    for (const m of text.matchAll(p.re)) {
      const expr = (m[p.group] ?? '').trim();
      if (constant(expr) || rendered(expr) || translated(expr)) continue;
      if (setting(expr) || helpText(expr) || frameworkMarkup(expr)) continue;
      if (helperOfLiterals(expr, p.construct)) continue;
      const at = (m.index ?? 0) + m[0].indexOf(m[p.group] ?? '');
      if (loopNames.size > 0) {
        const fixedNames = inScope(loopNames, at);
        if (fixedNames.has(expr) || joinOfFixed(expr, fixedNames)) continue;
      }
      if (p.construct === '|safe' && (ESCAPED_AFTER_SAFE.test(m[0]) || TOJSON_LAST.test(expr))) continue;
      const where = position(starts, at);
      // The line's start from the index, not by searching back: many matches on one long line stay linear.
      if (p.codeLine?.test(text.slice(at - where.column + 1, at))) continue;
      out.push({ ...where, expr, construct: p.construct, names: namesIn(expr) });
    }
  }
  // Inside `{% autoescape off %}` every `{{ value }}` is written raw.
  if (engine === 'jinja' || engine === 'html') {
    for (const m of text.matchAll(AUTOESCAPE_OFF)) {
      const body = m[2] ?? '';
      const base = (m.index ?? 0) + m[0].indexOf(body);
      for (const v of body.matchAll(/\{\{-?\s*([^}|]+?)\s*(?:\|[^}]*)?-?\}\}/g)) {
        const expr = (v[1] ?? '').trim();
        if (constant(expr) || /\|\s*safe\b/.test(v[0])) continue;
        const at = base + (v.index ?? 0);
        out.push({ ...position(starts, at), expr, construct: OFF_BLOCK, names: namesIn(expr) });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
