import type { SgNode } from '@ast-grep/napi';
import type { Matcher } from './rule-schema.js';
import type { ProjectView, ReadFile } from './project.js';
import type { CompiledSources } from './sources.js';
import { Summaries } from './summaries.js';
import { templateEngineOf, unescapedOutputs } from './templates.js';
import type { UnescapedOutput } from './templates.js';
import { lineOf, withStep } from './taint-support.js';
import type { Trace } from './taint.js';

/** A render call: the template it names and the variables it passes (name → value expression). */
interface RenderCall {
  call: SgNode;
  template: string;
  vars: Map<string, SgNode>;
  /** The whole context when it is not a literal object/dict (`res.render('x', req.query)`). */
  whole?: SgNode;
}

/** Request data that reaches an unescaped output of a template. */
export interface TemplateFlow {
  template: string;
  output: UnescapedOutput;
  /** From the source to the render call (the template's output is the sink). */
  trace: Trace;
  /** True when the whole context was tainted rather than the variable itself. */
  weak: boolean;
}

function unquote(n: SgNode | null | undefined): string | undefined {
  if (!n || n.kind() !== 'string') return undefined;
  const t = n.text();
  if (t.includes('${') || (/^[fF]/.test(t) && t.includes('{'))) return undefined;
  return /^[rRuUbBfF]*(['"`])(.*)\1$/s.exec(t)?.[2];
}

function jsRenders(root: SgNode): RenderCall[] {
  const out: RenderCall[] = [];
  for (const call of root.findAll({ rule: { pattern: '$R.render($NAME, $$$REST)' } })) {
    const template = unquote(call.getMatch('NAME'));
    if (template === undefined) continue;
    const ctx = call.getMultipleMatches('REST').filter((n) => n.isNamed())[0];
    const vars = new Map<string, SgNode>();
    const r: RenderCall = { call, template, vars };
    if (ctx?.kind() === 'object') {
      for (const p of ctx.namedChildren()) {
        if (p.kind() === 'shorthand_property_identifier') vars.set(p.text(), p);
        else if (p.kind() === 'pair') {
          const key = p
            .field('key')
            ?.text()
            .replace(/^['"]|['"]$/g, '');
          const value = p.field('value');
          if (key && value) vars.set(key, value);
        } else if (p.kind() === 'spread_element') r.whole = p;
      }
    } else if (ctx && ctx.kind() !== 'arrow_function' && ctx.kind() !== 'function_expression') r.whole = ctx;
    out.push(r);
  }
  return out;
}

function pyRenders(root: SgNode): RenderCall[] {
  const out: RenderCall[] = [];
  const calls = root.findAll({
    rule: {
      kind: 'call',
      has: {
        field: 'function',
        regex: '(^|\\.)(render_template|render|render_to_response|TemplateResponse)$',
      },
    },
  });
  for (const call of calls) {
    const fn = call.field('function')?.text().split('.').pop() ?? '';
    const args = call.field('arguments')?.namedChildren() ?? [];
    const positional = args.filter((a) => a.kind() !== 'keyword_argument');
    const at = fn === 'render' || fn === 'TemplateResponse' ? 1 : 0;
    const template = unquote(positional[at]);
    if (template === undefined) continue;
    const vars = new Map<string, SgNode>();
    const r: RenderCall = { call, template, vars };
    for (const a of args) {
      if (a.kind() !== 'keyword_argument') continue;
      const k = a.field('name')?.text();
      const v = a.field('value');
      if (k === 'context' && v) r.whole = v;
      else if (k && v) vars.set(k, v);
    }
    const ctx = positional[at + 1];
    if (ctx?.kind() === 'dictionary') {
      for (const p of ctx.namedChildren()) {
        const key = unquote(p.field('key'));
        const value = p.field('value');
        if (key && value) vars.set(key, value);
      }
    } else if (ctx) r.whole = ctx;
    out.push(r);
  }
  return out;
}

const TEMPLATE_EXTS = [
  'ejs',
  'pug',
  'jade',
  'hbs',
  'handlebars',
  'njk',
  'nunjucks',
  'swig',
  'html',
  'jinja2',
  'j2',
];
const byPathSet = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** Discovered template files by their path without extension and by full path, indexed once per scan. */
function templateIndex(paths: ReadonlySet<string>): Map<string, string[]> {
  let idx = byPathSet.get(paths);
  if (!idx) {
    idx = new Map();
    for (const p of paths) {
      const dot = p.lastIndexOf('.');
      if (dot === -1 || templateEngineOf(p.slice(dot + 1).toLowerCase()) === undefined) continue;
      for (const key of [p, p.slice(0, dot)]) idx.set(key, [...(idx.get(key) ?? []), p]);
    }
    byPathSet.set(paths, idx);
  }
  return idx;
}

/**
 * The template file a render call names: the view folder's file (`views/`, `templates/`) ending with the
 * name, with or without an extension; undefined when none or several equally good ones exist.
 */
export function findTemplate(name: string, paths: ReadonlySet<string>, python: boolean): string | undefined {
  if (name.includes('..')) return undefined;
  const idx = templateIndex(paths);
  const clean = name.replace(/^\.?\//, '');
  const candidates: string[] = [];
  for (const [key, list] of idx) if (key === clean || key.endsWith(`/${clean}`)) candidates.push(...list);
  const unique = [...new Set(candidates)].filter((p) =>
    TEMPLATE_EXTS.includes(p.slice(p.lastIndexOf('.') + 1)),
  );
  const preferred = unique.filter((p) => (python ? /(^|\/)templates\//.test(p) : /(^|\/)views\//.test(p)));
  const pick = preferred.length > 0 ? preferred : unique;
  return pick.length === 1 ? pick[0] : undefined;
}

/**
 * Request data passed by a render call of the analyzed file into a variable that the named template
 * writes without escaping. Templates are read through `readFile` (only discovered files).
 */
export async function templateFlows(
  view: ProjectView,
  sources: readonly CompiledSources[],
  sanitizers: readonly Matcher[],
  paths: ReadonlySet<string>,
  readFile: ReadFile,
): Promise<TemplateFlow[]> {
  if (sources.length === 0 || !view.entry.text.includes('render')) return [];
  const python = view.entry.lang.family === 'python';
  const calls = python ? pyRenders(view.entry.root) : jsRenders(view.entry.root);
  if (calls.length === 0) return [];
  const summaries = new Summaries(view, {
    key: 'templates',
    sinks: [],
    sources,
    sanitizers,
    guards: [],
    sinkClass: 'html',
  });
  const ev = summaries.evaluator(view.entry);
  const out: TemplateFlow[] = [];
  for (const r of calls) {
    const path = findTemplate(r.template, paths, python);
    const engine = path ? templateEngineOf(path.slice(path.lastIndexOf('.') + 1).toLowerCase()) : undefined;
    const text = path && engine ? await readFile(path) : undefined;
    if (!path || !engine || text === undefined) continue;
    const outputs = unescapedOutputs(text, engine);
    if (outputs.length === 0) continue;
    const whole = r.whole ? ev.taintOf(r.whole) : null;
    for (const o of outputs) {
      const value = o.names.map((n) => r.vars.get(n)).find((v) => v !== undefined);
      const t = value ? ev.taintOf(value) : whole;
      if (!t) continue;
      const step = { text: `render ${r.template}`, line: lineOf(r.call), path: view.entry.path };
      out.push({ template: path, output: o, trace: withStep(t, step), weak: !value });
    }
  }
  return out;
}
