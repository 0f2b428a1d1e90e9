/**
 * A template's unescaped output of a variable that every render of the template gives a Markdown render that
 * escapes raw HTML (template-markdown-lib.ts: marked set up to sanitize, markdown-it with `html` off):
 * `res.render('preview', { content: renderer.render(req.body.data) })` where `renderer` is a module of the
 * project whose `render` returns only `marked(text)` and that module sets `marked.setOptions({ sanitize: … })`.
 * Rendered Markdown is markup meant to be written raw; what makes it safe is the renderer's setting, so that is
 * what is read. Read like the other stages that look past the template (template-compiled.ts): every script
 * naming the template must name it only as the view of `X.render(name, { … })` calls with an object literal (or
 * in a comparison, `x === 'name'`, or as a route's path, `router.post('/name', …)`), each giving the variable such a call, directly or through one function of
 * a relative module whose every return is one; a script that neither renders nor exports anything (a page's
 * own script posting to `/misc/preview`) is passed over; a template naming it in an include, an extends or a partial, any
 * other use of the name (but one handed only to the project's own code when every render of the project names
 * its view by a fixed string: template-view-names.ts), a spread, a value given by `res.locals` alone, keep the
 * finding. What it gives up: a view name built at run time (`res.render(view)`), which no stage reading names
 * can see.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { scriptLanguageOf } from './languages.js';
import { kindOf } from './syntax.js';
import { escapeRegex } from './scope.js';
import { bindingOf, callArgs, escapingMarkdownCall, isModuleItself } from './template-markdown-lib.js';
import { boundInTemplate, filesNaming, isTemplate, templateMentions, valueOf } from './template-compiled.js';
import { isScript } from './template-index.js';
import { readOrWarn, reviewedEngine, unescapedOutputs, withoutOutputsAt } from './templates.js';
import type { UnescapedOutput } from './templates.js';
import { handedToOwnCode, outsideTheApp, viewsAllFixed } from './template-view-names.js';

const COMPARISON = /^(?:===|!==|==|!=)$/;
const ROUTE = /^(?:get|post|put|patch|delete|del|all|use|route|head|options)$/;
const RENDERS_OR_EXPORTS = /\b(?:render\w*|compile\w*|exports)\b|\bexport\b|\bimport\s*\(/;
const MODULE_EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.ts', '/index.js'];
const MAX_PACKAGE_LEVELS = 6;

/** A project's file text, read once per stage run. */
type Read = (path: string) => Promise<string | undefined>;

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** `a/b` joined with `../c` → `a/c`; undefined when it climbs above the scan's root. */
function joinPath(dir: string, rel: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** The major version of `pkg` the package.json nearest to `path` asks for (`^0.3.19` → 0). */
async function majorVersion(path: string, pkg: string, paths: ReadonlySet<string>, read: Read) {
  let dir = dirOf(path);
  for (let i = 0; i < MAX_PACKAGE_LEVELS; i++) {
    const manifest = dir === '' ? 'package.json' : `${dir}/package.json`;
    if (paths.has(manifest)) {
      const text = await read(manifest);
      if (text === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // A package.json that is not JSON says no version: the render is not taken as sanitizing.
        return undefined;
      }
      const j = json as Record<string, Record<string, unknown> | undefined>;
      const range = j['dependencies']?.[pkg] ?? j['peerDependencies']?.[pkg];
      const m = typeof range === 'string' ? /^\s*[~^=v]*(\d+)(?:\.[\dx*]+)*\s*$/.exec(range) : null;
      return m ? Number(m[1]) : undefined;
    }
    if (dir === '') return undefined;
    dir = dirOf(dir);
  }
  return undefined;
}

/** The versions of the packages a module's package.json asks for, looked up before the module is read. */
async function versionsFor(path: string, paths: ReadonlySet<string>, read: Read) {
  const marked = await majorVersion(path, 'marked', paths, read);
  return (pkg: string): number | undefined => (pkg === 'marked' ? marked : undefined);
}

/** The function a module defines under `name` for its callers (an object's method or property, an export). */
function definitionOf(root: SgNode, name: string): SgNode | undefined {
  const exact = `^${escapeRegex(name)}$`;
  const defs = root.findAll({
    rule: {
      any: [
        { kind: 'method_definition', has: { field: 'name', regex: exact } },
        { kind: 'pair', has: { field: 'key', regex: exact } },
        {
          kind: 'assignment_expression',
          has: { field: 'left', kind: 'member_expression', regex: `\\.${exact.slice(1)}` },
        },
        { kind: 'function_declaration', has: { field: 'name', regex: exact } },
      ],
    },
  });
  if (defs.length !== 1) return undefined;
  const d = defs[0]!;
  const fn =
    kindOf(d) === 'pair' ? d.field('value') : kindOf(d) === 'assignment_expression' ? d.field('right') : d;
  const k = fn ? kindOf(fn) : '';
  return k === 'method_definition' ||
    k === 'function_declaration' ||
    k === 'function_expression' ||
    k === 'function' ||
    k === 'arrow_function'
    ? fn!
    : undefined;
}

/** Whether every value `fn` returns is an escaping Markdown render of its module (and it returns one). */
function returnsEscapingMarkdown(fn: SgNode, root: SgNode, version: (pkg: string) => number | undefined) {
  const body = fn.field('body');
  if (body && kindOf(body) !== 'statement_block') return escapingMarkdownCall(body, root, version);
  const returns = fn.findAll({ rule: { kind: 'return_statement' } });
  return (
    returns.length > 0 &&
    returns.every((r) => {
      const v = r.namedChildren()[0];
      return !!v && escapingMarkdownCall(v, root, version);
    })
  );
}

/** Whether a value given to a template is an escaping Markdown render, here or in a module of the project. */
async function escapingValue(v: SgNode, path: string, ctx: AnalyzerContext, read: Read): Promise<boolean> {
  const root = v.getRoot().root();
  if (escapingMarkdownCall(v, root, await versionsFor(path, ctx.paths, read))) return true;
  // `renderer.render(x)` with `const renderer = require('../lib/renderer')`.
  const fn = kindOf(v) === 'call_expression' ? v.field('function') : undefined;
  if (!fn || kindOf(fn) !== 'member_expression') return false;
  const object = fn.field('object');
  const method = fn.field('property')?.text();
  if (!object || kindOf(object) !== 'identifier' || !method) return false;
  const spec = bindingOf(root, object.text());
  if (!spec?.spec?.startsWith('.') || !isModuleItself(spec.value)) return false;
  const base = joinPath(dirOf(path), spec.spec);
  const target =
    base === undefined ? undefined : MODULE_EXTENSIONS.map((e) => base + e).find((p) => ctx.paths.has(p));
  const lang = target && scriptLanguageOf(target);
  const text = target && (await read(target));
  if (!target || !lang || text === undefined) return false;
  const modRoot = parse(lang, text).root();
  const def = definitionOf(modRoot, method);
  return !!def && returnsEscapingMarkdown(def, modRoot, await versionsFor(target, ctx.paths, read));
}

/**
 * The data objects of the `X.render(name, { … })` calls of a script; undefined when it names `name` otherwise,
 * unless `ownCode` (every render of the project names its view by a fixed string) and that other use hands the
 * name only to the project's own code (template-view-names.ts).
 */
function renderObjects(text: string, path: string, name: string, ownCode = false): SgNode[] | undefined {
  // A script that renders nothing and exports nothing (a page's own script: `$.post('/misc/preview', …)`)
  // hands no view name to a render.
  if (!RENDERS_OR_EXPORTS.test(text)) return [];
  const strings = templateMentions(text, path, name);
  if (strings === undefined) return [];
  const objects: SgNode[] = [];
  for (const s of strings) {
    const parent = s.parent();
    if (
      parent &&
      kindOf(parent) === 'binary_expression' &&
      COMPARISON.test(parent.field('operator')?.text() ?? '')
    )
      continue;
    const call = parent?.parent();
    const fn = call && kindOf(call) === 'call_expression' ? call.field('function') : undefined;
    const method = fn && kindOf(fn) === 'member_expression' ? fn.field('property')?.text() : undefined;
    // A route's path (`router.post('/preview', …)`) names a URL, not a view.
    if (method && ROUTE.test(method) && callArgs(call!)[0]?.id() === s.id()) continue;
    if (!fn || kindOf(fn) !== 'member_expression' || fn.field('property')?.text() !== 'render') {
      if (ownCode && handedToOwnCode(s, text)) continue;
      return undefined;
    }
    const args = callArgs(call!);
    const data = args[1];
    if (args[0]?.id() !== s.id() || !data || kindOf(data) !== 'object') return undefined;
    if (data.children().some((c) => kindOf(c) === 'spread_element')) return undefined;
    objects.push(data);
  }
  return objects;
}

/** A template that pulls `stem` in: `include`, `extends`, `{% import %}`, a Handlebars partial. */
const includes = (text: string, stem: string): boolean =>
  new RegExp(
    `(?:\\b(?:include|extends|import|from|embed|partial)\\b[^\\n]*|\\{\\{[>#]\\s*)\\b${escapeRegex(stem)}\\b`,
  ).test(text);

/** `findings` of a template file without the outputs every render gives an escaping Markdown render. */
export async function withoutEscapingMarkdown(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const engine = reviewedEngine(file.ext, findings);
  if (!engine || !/^[\w.-]+$/.test(file.name)) return findings;
  const outputs = unescapedOutputs(file.text, engine).filter(
    (o) =>
      o.names.length === 1 &&
      o.expr.trim().replace(/^locals\./, '') === o.names[0] &&
      !boundInTemplate(file.text, o.names[0]),
  );
  if (outputs.length === 0) return findings;
  const users = await filesNaming(ctx, file);
  if (!users || users.length === 0) return findings;
  const texts = new Map<string, string | undefined>();
  const read: Read = async (p) => {
    if (!texts.has(p)) {
      const t = await readOrWarn(ctx, p);
      texts.set(p, typeof t === 'string' ? t : undefined);
    }
    return texts.get(p);
  };
  const stem = file.name.replace(/\.[^.]+$/, '');
  const objects: [SgNode, string][] = [];
  for (const p of users) {
    const text = await read(p);
    if (text === undefined) return findings;
    if (isTemplate(p)) {
      if (includes(text, stem)) return findings;
      continue;
    }
    if (!isScript(p)) return findings;
    let got = renderObjects(text, p, file.name);
    if (!got && (await viewsAllFixed(ctx, file.path)) === true)
      got = outsideTheApp(p, text) ? [] : renderObjects(text, p, file.name, true);
    if (!got) return findings;
    objects.push(...got.map((o): [SgNode, string] => [o, p]));
  }
  if (objects.length === 0) return findings;
  const dropped: UnescapedOutput[] = [];
  for (const o of outputs) {
    let all = true;
    for (const [obj, path] of objects) {
      const v = valueOf(obj, o.names[0]!);
      if (!v || !(await escapingValue(v, path, ctx, read))) {
        all = false;
        break;
      }
    }
    if (all) dropped.push(o);
  }
  return dropped.length === 0 ? findings : withoutOutputsAt(findings, dropped);
}
