/**
 * A template's `{{ result.content|safe }}` where the Python view escapes that key of every item just before
 * it renders the list: `for result in results: result['content'] = highlight_content(escape(…), q)` and then
 * `render('results.html', results=results)`, with a template of the project looping `{% for result in
 * results %}`. The names link the three: the loop's item name is the template's (`result`), the list the loop
 * walks is passed under the name the template loops over (`results=results`), and the key is the property the
 * template writes. An escaped value is an HTML-escaping call's result (`escape`, `html.escape`,
 * `format_html`, `bleach.clean`…), or such a result given first to a function of the project that keeps it
 * escaped: every write of its parameter is `re.sub(pattern, 'fixed markup \\1', param)` (which inserts only
 * fixed text and pieces of the escaped text) and every return is the parameter, `None` or fixed text. The
 * loop may write the key otherwise only in another branch of an `if` than the escaped write (`else:
 * result['content'] = html_to_text(…)` for another output format). What it gives up: a render of the same list
 * reached from that other branch, and a template variable of the same name bound to something else.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { ensurePython } from './languages.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import { PYTHON, calleeName, escapingCallPy } from './template-escaped-py.js';
import { TemplateIndex } from './template-index.js';
import { reviewedEngine, templateEngineOf, unescapedOutputs, withoutOutputsAt } from './templates.js';
import type { UnescapedOutput } from './templates.js';

/** `result.content`, or the last argument of a macro call, `link(result.url, result.title`, that `|safe` marks. */
const ITEM_KEY = /(?:^|[(,]\s*)([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/;
const TEMPLATE_NAME = /^[rRuU]?(['"])[\w./-]+\.(?:html?|jinja2?|j2|njk|txt|xml)\1$/;
const MAX_DEPTH = 8;

export interface Corpus {
  python: Map<string, string>;
  templates: Map<string, string>;
}

/**
 * The project's Python files and Jinja-like templates, read once per scan within the bounds of a template
 * index (template-index.ts); undefined when one is unreadable or the project is past the bounds.
 */
const corpora = new TemplateIndex<Corpus>('the Python views and templates', async (texts) => {
  const c: Corpus = { python: new Map(), templates: new Map() };
  const wanted = (p: string): boolean => {
    const dot = p.lastIndexOf('.');
    const engine = dot > 0 ? templateEngineOf(p.slice(dot + 1).toLowerCase()) : undefined;
    return PYTHON.test(p) || engine === 'jinja' || engine === 'html';
  };
  for await (const [p, text] of texts.texts(wanted)) (PYTHON.test(p) ? c.python : c.templates).set(p, text);
  return c;
});

// Per scan's corpus: the functions read and each `item.key` already decided, shared by all its templates.
const verdicts = new WeakMap<Corpus, { fns: Functions; memo: Map<string, boolean> }>();

/** The project's Python files and Jinja-like templates by path, read once per scan (see corpora). */
export function projectCorpus(ctx: AnalyzerContext, path: string): Promise<Corpus | undefined> {
  return corpora.of(ctx, path);
}

const withPython = new WeakMap<ReadonlySet<string>, boolean>();

/** Whether a scan's paths hold a Python file, decided once per scan. */
function hasPython(paths: ReadonlySet<string>): boolean {
  let known = withPython.get(paths);
  if (known === undefined) withPython.set(paths, (known = [...paths].some((p) => PYTHON.test(p))));
  return known;
}

/**
 * What a stage reviewing a Jinja or Django template against the project's Python starts from: the template's
 * `|safe` outputs whose expression `wanted` matches, and the project's corpus, with the Python parser ready.
 * Undefined, and the findings stay as they are, when the file has no such output to review, when `needsPython`
 * and the scan holds no Python file (a Nunjucks template of a Node application: no corpus is built), or when
 * the corpus could not be read.
 */
export async function safeOutputsToReview(
  findings: readonly RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
  wanted: RegExp,
  needsPython = false,
): Promise<{ outputs: UnescapedOutput[]; corpus: Corpus } | undefined> {
  const engine = reviewedEngine(file.ext, findings);
  if (engine !== 'jinja' && engine !== 'html') return undefined;
  const outputs = unescapedOutputs(file.text, engine).filter(
    (o) => o.construct === '|safe' && wanted.test(o.expr),
  );
  if (outputs.length === 0) return undefined;
  if (needsPython && !hasPython(ctx.paths)) return undefined;
  const corpus = await projectCorpus(ctx, file.path);
  if (!corpus) return undefined;
  ensurePython();
  return { outputs, corpus };
}

/**
 * `findings` without the reviewed `|safe` outputs (see safeOutputsToReview) that `clears` decides are safe.
 * Each output is decided by its key (`keyOf`), once per scan's corpus: `memo` holds a stage's decisions.
 */
export async function withoutClearedOutputs(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
  wanted: RegExp,
  memo: WeakMap<Corpus, Map<string, boolean>>,
  keyOf: (o: UnescapedOutput) => string,
  clears: (c: Corpus, key: string) => boolean,
): Promise<RawFinding[]> {
  const review = await safeOutputsToReview(findings, file, ctx, wanted, true);
  if (!review) return findings;
  const { outputs, corpus: c } = review;
  let known = memo.get(c);
  if (!known) memo.set(c, (known = new Map<string, boolean>()));
  const dropped = outputs.filter((o) => {
    const key = keyOf(o);
    let ok = known.get(key);
    if (ok === undefined) known.set(key, (ok = clears(c, key)));
    return ok;
  });
  return withoutOutputsAt(findings, dropped);
}

const isString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');
const isFixed = (n: SgNode): boolean =>
  isString(n) || ['none', 'integer', 'float', 'true', 'false'].includes(kindOf(n));

/** The positional arguments and keyword arguments of a call. */
function argsOf(call: SgNode): { positional: SgNode[]; keywords: Map<string, SgNode> } {
  const positional: SgNode[] = [];
  const keywords = new Map<string, SgNode>();
  for (const a of call.field('arguments')?.namedChildren() ?? []) {
    if (kindOf(a) === 'keyword_argument') {
      const name = a.field('name')?.text();
      const value = a.field('value');
      if (name && value) keywords.set(name, value);
    } else if (kindOf(a) !== 'comment') positional.push(a);
  }
  return { positional, keywords };
}

/** Reads the project's functions by name: whether each definition keeps its first argument's escaping. */
class Functions {
  private readonly memo = new Map<string, boolean>();
  constructor(private readonly python: Map<string, string>) {}

  keepsEscaped(name: string, depth: number): boolean {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    this.memo.set(name, false);
    const defs: SgNode[] = [];
    for (const text of this.python.values()) {
      if (!text.includes(`def ${name}(`)) continue;
      const root = parse('python', text).root();
      defs.push(
        ...root.findAll({
          rule: { kind: 'function_definition', has: { field: 'name', regex: `^${escapeRegex(name)}$` } },
        }),
      );
    }
    const ok = defs.length > 0 && defs.every((d) => this.defKeeps(d, depth));
    this.memo.set(name, ok);
    return ok;
  }

  private defKeeps(def: SgNode, depth: number): boolean {
    const first = def.field('parameters')?.namedChildren()[0];
    if (!first || kindOf(first) !== 'identifier' || first.text() === 'self') return false;
    const param = first.text();
    const body = def.field('body');
    if (!body) return false;
    for (const r of body.findAll({ rule: { kind: 'return_statement' } })) {
      const v = r.namedChildren()[0];
      if (
        v &&
        !(isFixed(v) || (kindOf(v) === 'identifier' && v.text() === param) || escaped(v, this, depth + 1))
      )
        return false;
    }
    for (const id of body.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(param)}$` } })) {
      const up = id.parent();
      const uk = up ? kindOf(up) : '';
      const isLeft = up?.field('left')?.id() === id.id();
      if (uk === 'assignment' && isLeft) {
        const v = up.field('right');
        if (!v || !(keepsParam(v, param) || isFixed(v) || escaped(v, this, depth + 1))) return false;
      } else if (isLeft || uk === 'named_expression' || uk === 'pattern_list' || uk === 'tuple_pattern')
        return false;
      else if (['global_statement', 'nonlocal_statement', 'as_pattern_target'].includes(uk)) return false;
    }
    return true;
  }
}

/** `re.sub(pattern, 'fixed \\1', param, …)`: fixed text and pieces of `param` only. */
function keepsParam(v: SgNode, param: string): boolean {
  if (kindOf(v) !== 'call' || v.field('function')?.text() !== 're.sub') return false;
  const { positional } = argsOf(v);
  const [, repl, subject] = positional;
  return !!repl && isString(repl) && kindOf(subject ?? repl) === 'identifier' && subject?.text() === param;
}

/** Whether a Python value is HTML-escaped text (see the module comment). */
function escaped(v: SgNode, fns: Functions, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (kindOf(v)) {
    case 'parenthesized_expression':
      return v.namedChildren().every((c) => escaped(c, fns, depth + 1));
    case 'conditional_expression': {
      const [yes, , no] = v.namedChildren();
      return !!yes && !!no && escaped(yes, fns, depth + 1) && escaped(no, fns, depth + 1);
    }
    case 'call': {
      if (escapingCallPy(v)) return true;
      const name = calleeName(v);
      const first = argsOf(v).positional[0];
      if (!name || !first || kindOf(v.field('function')!) !== 'identifier') return false;
      return escaped(first, fns, depth + 1) && fns.keepsEscaped(name, depth + 1);
    }
  }
  return isFixed(v);
}

/** The branch of `ifNode` (its condition, consequence or an elif/else clause) that holds `n`. */
function branchOf(ifNode: SgNode, n: SgNode): number | undefined {
  let cur: SgNode | null = n;
  while (cur && cur.parent()?.id() !== ifNode.id()) cur = cur.parent();
  return cur?.id();
}

/** Whether two writes sit in different branches of one `if`. */
function exclusive(a: SgNode, b: SgNode): boolean {
  for (let up = a.parent(); up; up = up.parent()) {
    if (kindOf(up) !== 'if_statement') continue;
    const ba = branchOf(up, a);
    const bb = branchOf(up, b);
    if (bb !== undefined && ba !== bb) return true;
  }
  return false;
}

/** Whether `n` writes `item[key]` or `item.key`. */
function writesKey(target: SgNode, item: string, key: string): boolean {
  const k = kindOf(target);
  if (k === 'subscript') {
    const s = target.field('subscript');
    return target.field('value')?.text() === item && !!s && isString(s) && s.text().slice(1, -1) === key;
  }
  return (
    k === 'attribute' && target.field('object')?.text() === item && target.field('attribute')?.text() === key
  );
}

/**
 * The names under which a function of `text` renders a list whose every `item` it gave an escaped `key`
 * first (`results=results` after `for result in results: result['content'] = escape(…)`).
 */
function escapedLists(text: string, item: string, key: string, fns: Functions): string[] {
  if (!text.includes(`for ${item} in`) || !text.includes(key)) return [];
  const root = parse('python', text).root();
  const out: string[] = [];
  for (const loop of root.findAll({ rule: { kind: 'for_statement' } })) {
    const left = loop.field('left');
    const list = loop.field('right');
    if (left?.text() !== item || !list || kindOf(list) !== 'identifier') continue;
    const writes = (loop.field('body')?.findAll({ rule: { kind: 'assignment' } }) ?? []).filter((a) => {
      const t = a.field('left');
      return !!t && writesKey(t, item, key);
    });
    const good = writes.filter((w) => !!w.field('right') && escaped(w.field('right')!, fns));
    const bad = writes.filter((w) => !good.includes(w));
    if (good.length === 0 || !bad.every((b) => good.every((g) => exclusive(g, b)))) continue;
    let fn: SgNode | null = loop.parent();
    while (fn && kindOf(fn) !== 'function_definition') fn = fn.parent();
    if (!fn) continue;
    const end = loop.range().end.index;
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      if (call.range().start.index < end) continue;
      const { positional, keywords } = argsOf(call);
      if (!positional[0] || !TEMPLATE_NAME.test(positional[0].text())) continue;
      for (const [name, value] of keywords)
        if (kindOf(value) === 'identifier' && value.text() === list.text()) out.push(name);
    }
  }
  return out;
}

/**
 * `findings` of a Jinja or Django template without the unescaped outputs of an item's key that the view
 * escapes for every item of the list it renders (see the module comment).
 */
export async function withoutViewEscapedItems(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const review = await safeOutputsToReview(findings, file, ctx, ITEM_KEY);
  if (!review) return findings;
  const { outputs, corpus: c } = review;
  let known = verdicts.get(c);
  if (!known) verdicts.set(c, (known = { fns: new Functions(c.python), memo: new Map() }));
  const { fns, memo } = known;
  const dropped: UnescapedOutput[] = [];
  for (const o of outputs) {
    const [, item = '', key = ''] = ITEM_KEY.exec(o.expr) ?? [];
    const id = `${item}.${key}`;
    let ok = memo.get(id);
    if (ok === undefined) {
      const names = new Set([...c.python.values()].flatMap((t) => escapedLists(t, item, key, fns)));
      const loops = [...names].map(
        (n) => new RegExp(`\\{%-?\\s*for\\s+${escapeRegex(item)}\\s+in\\s+${escapeRegex(n)}\\b`),
      );
      ok = [...c.templates.values()].some((t) => loops.some((re) => re.test(t)));
      memo.set(id, ok);
    }
    if (ok) dropped.push(o);
  }
  return withoutOutputsAt(findings, dropped);
}
