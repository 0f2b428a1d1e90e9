/**
 * A Jinja or Django template's `{{ result.codelines|code_highlighter(result.code_language)|safe }}` where the
 * last filter before `safe` is one the project's Python registers, and every definition of its function returns
 * escaped markup: the filter made the markup, escaping what it was given, and `safe` only says so. A filter is
 * found by its registration: a decorator (`@app.template_filter('name')`, `@bp.app_template_filter()`,
 * `@register.filter(name='name')`, `@register.filter` on `def name`), a write of the environment's filter table
 * (`app.jinja_env.filters['name'] = fn`) or a registering call (`app.add_template_filter(fn, 'name')`,
 * `register.filter('name', fn)`). Every mention of the filter's name as a string in the project must be such a
 * registration, and there must be one. A return is escaped when it is an HTML-escaping call's result (`escape`,
 * `format_html`, `bleach.clean`…, as template-escaped-py.ts reads them), Pygments' `highlight(code, lexer,
 * formatter)` with an `HtmlFormatter(…)` (a module importing `highlight` from pygments; the HTML formatter
 * escapes the code it colours), fixed text, such a result wrapped in `mark_safe`/`Markup`, `+` or a
 * conditional of those, such a result whose fixed text holding no entity is replaced by one
 * (`.replace("\n", Markup("<br>"))`; not `.replace("&lt;", "<")`, which undoes a plain str's escaping), or a local of the function every write of which is one of those or the local itself
 * plus one (`html = ''`, then `html = html + highlight(part, lexer, formatter)` in a loop). A parameter
 * returned as the first statement of the branch of `if data is None:` (`data == None`, `not data`) counts too:
 * it writes `None` or an empty value. Any other parameter return (`if data:`, `if data is not None:`, a guard
 * joined with `or`, a statement before the return), a local bound by a loop, `with`, a tuple or `global`,
 * anything else keeps the finding. What it gives up: a filter registered from a name built at run time
 * (`env.filters[name] = fn`). The taint-confirmed template rule asks the same of the outputs a Python view's
 * request data reaches (escapedByProjectFilter).
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import { calleeName, escapingCallPy } from './template-escaped-py.js';
import { ensurePython } from './languages.js';
import { projectCorpus, withoutClearedOutputs } from './template-escaped-items.js';
import type { Corpus } from './template-escaped-items.js';
import { templateEngineOf } from './templates.js';
import type { UnescapedOutput } from './templates.js';

/** The last filter of an expression (`|name`, `|name(args)`, Django's `|name:arg`), before `| safe`. */
const LAST_FILTER = /(?<!\|)\|\s*([A-Za-z_]\w*)\s*(?:\([^()]*\)|:\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.]+))?\s*$/;
const SAFE_WRAPPER = /^(?:mark_safe|SafeString|SafeText|Markup)$/;
const FIXED = new Set(['none', 'true', 'false', 'integer', 'float']);
const MAX_DEPTH = 12;
// Decorators that register the function below as a template filter (Flask, a blueprint, Django's library).
const FILTER_DECORATOR =
  /^@\s*[\w.]*\b(?:template_filter|app_template_filter|filter)\s*(?:\(([^()]*)\))?\s*$/;
// Calls that register a filter: `app.add_template_filter(fn, 'name')`, `register.filter('name', fn)`.
const FILTER_CALL = /(?:^|\.)(?:add_template_filter|add_app_template_filter|filter)$/;
// Where a module binds a local other than by `=` or `+=`: a loop's, `with`'s or a comprehension's target.
const OTHER_BINDINGS = new Set([
  'for_statement',
  'for_in_clause',
  'as_pattern_target',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'named_expression',
  'global_statement',
  'nonlocal_statement',
  'augmented_assignment',
  'assignment',
]);

const isPlainString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');

/** The text of a plain string literal without its quotes and prefix, or undefined. */
function stringValue(n: SgNode | null | undefined): string | undefined {
  if (!n || !isPlainString(n)) return undefined;
  return /^[rRuU]*(['"]{1,3})([\s\S]*)\1$/.exec(n.text())?.[2];
}

/** The positional and keyword arguments of a call. */
function argsOf(call: SgNode): { positional: SgNode[]; keywords: Map<string, SgNode> } {
  const positional: SgNode[] = [];
  const keywords = new Map<string, SgNode>();
  for (const a of call.field('arguments')?.namedChildren() ?? []) {
    if (kindOf(a) === 'keyword_argument') {
      const value = a.field('value');
      if (value) keywords.set(a.field('name')?.text() ?? '', value);
    } else if (kindOf(a) !== 'comment') positional.push(a);
  }
  return { positional, keywords };
}

/**
 * The names of the functions a module registers as the filter `filter`, or undefined when it names the filter
 * as a string anywhere else (a registration not understood, a table written otherwise).
 */
function registrations(root: SgNode, filter: string): string[] | undefined {
  const fns: string[] = [];
  const understood = new Set<number>();
  for (const d of root.findAll({ rule: { kind: 'decorated_definition' } })) {
    const def = d.field('definition');
    const defName = def?.field('name')?.text();
    if (!def || kindOf(def) !== 'function_definition' || !defName) continue;
    for (const dec of d.children().filter((c) => kindOf(c) === 'decorator')) {
      const m = FILTER_DECORATOR.exec(dec.text());
      if (!m) continue;
      const strings = dec.findAll({ rule: { kind: 'string' } });
      const named = strings.map((s) => stringValue(s));
      // `@register.filter(is_safe=True)`: no name given, the function's own.
      const call = dec.find({ rule: { kind: 'call' } });
      const given = call
        ? (argsOf(call).keywords.get('name') ?? argsOf(call).positional.find(isPlainString))
        : undefined;
      const name = given ? stringValue(given) : defName;
      if (name === filter) fns.push(defName);
      for (const [k, s] of strings.entries()) if (named[k] === filter) understood.add(s.id());
    }
  }
  for (const s of root.findAll({ rule: { kind: 'string' } })) {
    if (stringValue(s) !== filter || understood.has(s.id())) continue;
    const up = s.parent();
    // `x.filters['name'] = fn`
    if (up && kindOf(up) === 'subscript' && up.field('subscript')?.id() === s.id()) {
      const table = up.field('value')?.text() ?? '';
      const assign = up.parent();
      const fn = assign?.field('right');
      if (
        !/(?:^|\.)filters$/.test(table) ||
        !assign ||
        kindOf(assign) !== 'assignment' ||
        assign.field('left')?.id() !== up.id() ||
        !fn ||
        kindOf(fn) !== 'identifier'
      )
        return undefined;
      fns.push(fn.text());
      continue;
    }
    // `app.add_template_filter(fn, 'name')`, `register.filter('name', fn)`
    const call = up && kindOf(up) === 'argument_list' ? up.parent() : undefined;
    if (!call || !FILTER_CALL.test(call.field('function')?.text() ?? '')) return undefined;
    const fn = argsOf(call).positional.find((a) => kindOf(a) === 'identifier');
    if (!fn) return undefined;
    fns.push(fn.text());
  }
  // `app.add_template_filter(name)`: registered under the function's own name.
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    if (!/(?:^|\.)add_(?:app_)?template_filter$/.test(call.field('function')?.text() ?? '')) continue;
    const { positional, keywords } = argsOf(call);
    if (positional.length === 1 && !keywords.has('name') && positional[0]!.text() === filter)
      fns.push(filter);
  }
  return fns;
}

/** Reads one function definition's returns: whether each is escaped markup (see the module comment). */
class Returns {
  private readonly params: Set<string>;
  private readonly pygments: boolean;
  constructor(
    private readonly def: SgNode,
    moduleText: string,
  ) {
    this.params = new Set(
      (def.field('parameters')?.namedChildren() ?? []).map((p) =>
        kindOf(p) === 'identifier'
          ? p.text()
          : (p.field('name')?.text() ?? p.namedChildren()[0]?.text() ?? ''),
      ),
    );
    this.pygments = /^\s*from\s+pygments\s+import\s+(?:[^\n]*[\s,(])?highlight\b/m.test(moduleText);
  }

  all(): boolean {
    const body = this.def.field('body');
    const returns = body?.findAll({ rule: { kind: 'return_statement' } }) ?? [];
    return (
      returns.length > 0 &&
      returns.every((r) => this.emptyParameter(r) || this.escaped(r.namedChildren()[0], new Set(), 0))
    );
  }

  /**
   * `if data is None: return data` (or `== None`, `not data`): the parameter returned as the first statement of
   * the branch that found it None or falsy, which writes `None` or an empty value, never markup.
   */
  private emptyParameter(ret: SgNode): boolean {
    const v = ret.namedChildren()[0];
    if (!v || kindOf(v) !== 'identifier' || !this.params.has(v.text())) return false;
    const block = ret.parent();
    const first = block?.namedChildren().find((c) => kindOf(c) !== 'comment');
    const branch = block?.parent();
    if (!block || kindOf(block) !== 'block' || first?.id() !== ret.id()) return false;
    if (!branch || kindOf(branch) !== 'if_statement' || branch.field('consequence')?.id() !== block.id())
      return false;
    const n = escapeRegex(v.text());
    const empty = new RegExp(
      `^\\(?\\s*(?:${n}\\s+is\\s+None|${n}\\s*==\\s*None|None\\s+is\\s+${n}|not\\s+${n})\\s*\\)?$`,
    );
    return empty.test(branch.field('condition')?.text() ?? '');
  }

  private escaped(v: SgNode | undefined, assuming: Set<string>, depth: number): boolean {
    if (!v || depth > MAX_DEPTH) return !v;
    const next = (n: SgNode | null | undefined): boolean => !!n && this.escaped(n, assuming, depth + 1);
    const k = kindOf(v);
    if (FIXED.has(k) || isPlainString(v)) return true;
    switch (k) {
      case 'concatenated_string':
      case 'parenthesized_expression':
        return v.namedChildren().every((c) => next(c));
      case 'conditional_expression': {
        const [yes, , no] = v.namedChildren();
        return next(yes) && next(no);
      }
      case 'binary_operator':
        return v.field('operator')?.text() === '+' && next(v.field('left')) && next(v.field('right'));
      case 'identifier':
        return this.local(v.text(), assuming, depth);
      case 'call': {
        if (escapingCallPy(v) || this.highlighted(v)) return true;
        const args = v.field('arguments')?.namedChildren() ?? [];
        // `escape(text).replace("\n", Markup("<br>"))`: escaped text with escaped or fixed text put in. Not an
        // entity replaced (`html.escape(text).replace("&lt;", "<")`, a plain str): that puts back what was escaped.
        const f = v.field('function');
        if (f && kindOf(f) === 'attribute' && f.field('attribute')?.text() === 'replace') {
          const pattern = stringValue(args[0]);
          return (
            args.length === 2 &&
            pattern !== undefined &&
            !pattern.includes('&') &&
            next(f.field('object')) &&
            next(args[1])
          );
        }
        return SAFE_WRAPPER.test(calleeName(v) ?? '') && args.length === 1 && next(args[0]);
      }
    }
    return false;
  }

  /** Pygments' `highlight(code, lexer, formatter)` with an HTML formatter. */
  private highlighted(call: SgNode): boolean {
    if (!this.pygments || call.field('function')?.text() !== 'highlight') return false;
    const { positional, keywords } = argsOf(call);
    const f = positional[2] ?? keywords.get('formatter');
    if (!f) return false;
    const isHtml = (n: SgNode | null | undefined): boolean =>
      !!n && kindOf(n) === 'call' && n.field('function')?.text() === 'HtmlFormatter';
    if (isHtml(f)) return true;
    if (kindOf(f) !== 'identifier' || this.params.has(f.text())) return false;
    const writes = this.writes(f.text());
    return (
      !!writes &&
      writes.length > 0 &&
      writes.every((w) => kindOf(w) === 'assignment' && isHtml(w.field('right')))
    );
  }

  /**
   * The statements that bind `name` in the function (`=`, `+=`), or undefined when anything else binds it (a
   * loop's target, `with … as`, a tuple, `global`).
   */
  private writes(name: string): SgNode[] | undefined {
    const out: SgNode[] = [];
    const body = this.def.field('body');
    for (const id of body?.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } }) ?? []) {
      const up = id.parent();
      const uk = up ? kindOf(up) : '';
      if (!OTHER_BINDINGS.has(uk)) continue;
      if ((uk === 'assignment' || uk === 'augmented_assignment') && up!.field('left')?.id() === id.id()) {
        // `html += part` accumulates; `html *= 2`, `html |= …` are not markup.
        if (uk === 'augmented_assignment' && up!.field('operator')?.text() !== '+=') return undefined;
        out.push(up!);
        continue;
      }
      if (uk === 'assignment' || uk === 'augmented_assignment') continue;
      if (uk === 'for_statement' || uk === 'for_in_clause') {
        if (up!.field('left')?.id() === id.id()) return undefined;
        continue;
      }
      if (uk === 'named_expression' && up!.field('name')?.id() !== id.id()) continue;
      return undefined;
    }
    return out;
  }

  /** A local every write of which is escaped, the local itself counting as escaped while it is checked. */
  private local(name: string, assuming: Set<string>, depth: number): boolean {
    if (assuming.has(name)) return true;
    if (this.params.has(name)) return false;
    const writes = this.writes(name);
    if (!writes || writes.length === 0) return false;
    const inner = new Set([...assuming, name]);
    return writes.every((w) => {
      const right = w.field('right');
      return !!right && this.escaped(right, inner, depth + 1);
    });
  }
}

// Per scan's corpus: each filter already decided, shared by all its templates.
const decided = new WeakMap<Corpus, Map<string, boolean>>();

/** Whether the project registers `filter` and every function it registers returns escaped markup. */
function escapingFilter(c: Corpus, filter: string): boolean {
  const fns = new Set<string>();
  const n = escapeRegex(filter);
  const mention = new RegExp(`['"]${n}['"]|\\bdef\\s+${n}\\s*\\(|_filter\\(\\s*${n}\\b`);
  for (const text of c.python.values()) {
    if (!text.includes(filter) || !mention.test(text)) continue;
    const found = registrations(parse('python', text).root(), filter);
    if (!found) return false;
    for (const f of found) fns.add(f);
  }
  if (fns.size === 0) return false;
  for (const fn of fns) {
    let defs = 0;
    for (const text of c.python.values()) {
      if (!text.includes(`def ${fn}(`)) continue;
      const root = parse('python', text).root();
      for (const def of root.findAll({
        rule: { kind: 'function_definition', has: { field: 'name', regex: `^${escapeRegex(fn)}$` } },
      })) {
        if (!new Returns(def, text).all()) return false;
        defs++;
      }
    }
    if (defs === 0) return false;
  }
  return true;
}

/**
 * `findings` of a Jinja or Django template without the `|safe` outputs of a project filter that returns
 * escaped markup (see the module comment).
 */
export function withoutEscapingFilters(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const lastFilter = (o: UnescapedOutput): string => LAST_FILTER.exec(o.expr)?.[1] ?? '';
  return withoutClearedOutputs(findings, file, ctx, LAST_FILTER, decided, lastFilter, escapingFilter);
}

/**
 * Whether a `|safe` output of the Jinja or Django template at `path` goes through a project filter that returns
 * escaped markup last: then it writes no request data raw either, whatever the render passes it (the
 * taint-confirmed template rule asks this of the outputs its flows reach).
 */
export async function escapedByProjectFilter(
  ctx: AnalyzerContext,
  path: string,
  o: UnescapedOutput,
): Promise<boolean> {
  const engine = templateEngineOf(path.slice(path.lastIndexOf('.') + 1).toLowerCase());
  const filter = LAST_FILTER.exec(o.expr)?.[1];
  if (o.construct !== '|safe' || (engine !== 'jinja' && engine !== 'html') || !filter) return false;
  const c = await projectCorpus(ctx, path);
  if (!c) return false;
  ensurePython();
  let known = decided.get(c);
  if (!known) decided.set(c, (known = new Map<string, boolean>()));
  let ok = known.get(filter);
  if (ok === undefined) known.set(filter, (ok = escapingFilter(c, filter)));
  return ok;
}
