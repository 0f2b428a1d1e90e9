/**
 * An Express 4 application's own middleware that rewrites every query value through an HTML sanitizer before
 * its routes run (`app.use(sanitizeMiddleware)` where `sanitizeMiddleware(req, res, next)` begins with
 * `for (let p in req.query) req.query[p] = sanitizeHtml(req.query[p])`): what a route of that application
 * later reads from `req.query` is the sanitizer's output. An XSS finding whose source is such a read is
 * dropped when the rule's own sanitizers count the call (so a path or SQL rule is never dropped this way).
 *
 * Required, each for a reason: the middleware is given to `use` alone (no path prefix) in a plain statement
 * of the same function (or top level) that registers the route afterwards on the same object; every query
 * key is rewritten on every path through the loop, with nothing returned or `next` called before it; the
 * value written is a sanitizer call or a list filled only with such calls; the application's package.json
 * asks for Express 4 (in Express 5 `req.query` is a getter that parses the URL at each read, so the writes
 * are lost); and the value reaches the sink through names only, in a route handler that decodes nothing (a
 * percent-encoded `<` passes the sanitizer and would be decoded after). `req.params` and `req.body` are never
 * taken for sanitized this way.
 */
import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { appFolderOf } from './app-scope.js';
import { sourceForm } from './compiled-calls.js';
import { importReader } from './imported-fixed.js';
import type { FileLanguage } from './languages.js';
import type { CodeMatch } from './matches.js';
import { nodeAtMatch } from './match-node.js';
import type { Matcher } from './rule-schema.js';
import { FUNCTIONS, MAX_ANCESTORS } from './name-binding.js';
import { kindOf } from './syntax.js';

const QUERY_SOURCE = /^[A-Za-z_$][\w$]*\.query(?:[.[]|$)/;
const DECODES = /decodeURI|unescape|atob|fromCharCode|base64|\.decode\(|entities|JSON\.parse/i;
// A handler that fills the query again from the raw URL (`req.query = qs.parse(req.url.split('?')[1])`) or writes
// into it reads what the middleware never saw.
const REFILLS = /\.query\s*=(?!=)|\bparse\s*\(|\bassign\s*\(\s*[\w$.]+\.query\b/;
const ROUTE_METHOD = /^(?:get|post|put|patch|delete|del|all|options|head)$/;

type Ctx = Pick<AnalyzerContext, 'paths' | 'readFile'>;

/** `matches` without the XSS findings whose query source a sanitizing middleware of the route's app cleaned. */
export async function dropQuerySanitized(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Ctx,
): Promise<CodeMatch[]> {
  if (lang.family === 'python') return matches;
  const pending = matches.filter(
    (m) =>
      m.path === undefined &&
      m.trace !== undefined &&
      (m.trace.sourcePath ?? file.path) === file.path &&
      !m.trace.weak &&
      QUERY_SOURCE.test(m.trace.source) &&
      // Only names on the way (no call that could decode or rebuild the value), checked in the handler below.
      !m.trace.steps.some((s) => s.text.includes('(')) &&
      (m.rule.taint?.sanitizers.length ?? 0) > 0,
  );
  if (pending.length === 0 || !/\.use\s*\(/.test(file.text)) return matches;
  if (!(await expressFour(file.path, ctx))) return matches;
  const { imports, moduleRoot } = importReader(file, lang, ctx);
  const root = parse(lang.lang, sourceForm(file.text)).root();
  const uses: { call: SgNode; object: string; fn: SgNode }[] = [];
  for (const call of root.findAll({ rule: { kind: 'call_expression', regex: '\\.use\\s*\\(' } })) {
    const callee = call.field('function');
    const args = (call.field('arguments')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
    if (!callee || kindOf(callee) !== 'member_expression' || callee.field('property')?.text() !== 'use')
      continue;
    if (args.length !== 1 || !unconditional(call)) continue;
    const fn = middlewareOf(args[0]!, imports.names, moduleRoot);
    const found = fn ? await fn : undefined;
    if (found) uses.push({ call, object: callee.field('object')?.text() ?? '', fn: found });
  }
  if (uses.length === 0) return matches;
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const route = routeCall(sinkAt(root, m));
    if (!route || DECODES.test(route.text()) || REFILLS.test(route.text())) continue;
    const object = route.field('function')?.field('object')?.text();
    const cleaned = uses.filter(
      (u) =>
        u.object === object &&
        u.call.range().start.index < route.range().start.index &&
        sameScope(u.call, route) &&
        rewritesQuery(u.fn, m.rule.taint?.sanitizers ?? []),
    );
    if (cleaned.length > 0) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}

/** True when the application folder's package.json asks for Express 4 (or 3). */
async function expressFour(path: string, ctx: Ctx): Promise<boolean> {
  const dir = appFolderOf(path, ctx.paths);
  const text = await ctx.readFile(dir === '' ? 'package.json' : `${dir}/package.json`);
  if (text === undefined) return false;
  try {
    const pkg = JSON.parse(text) as { dependencies?: Record<string, unknown> };
    const want = pkg.dependencies?.['express'];
    return typeof want === 'string' && /^[~^]?[34]\.\d+/.test(want.trim());
  } catch {
    return false;
  }
}

/** The function a `use` argument names: a function of an imported module (`xss.sanitize`, `sanitize`). */
function middlewareOf(
  arg: SgNode,
  names: ReadonlyMap<string, { module: string; name: string | null }>,
  moduleRoot: (module: string) => Promise<SgNode | undefined>,
): Promise<SgNode | undefined> | undefined {
  let binding: { module: string; name: string | null } | undefined;
  let name: string | undefined;
  if (kindOf(arg) === 'identifier') {
    binding = names.get(arg.text());
    name = binding?.name ?? undefined;
  } else if (kindOf(arg) === 'member_expression' && kindOf(arg.field('object') ?? arg) === 'identifier') {
    binding = names.get(arg.field('object')?.text() ?? '');
    name = binding?.name === null ? arg.field('property')?.text() : undefined;
  }
  if (!binding || name === undefined) return undefined;
  const wanted = name;
  return moduleRoot(binding.module).then((r) => (r ? topFunction(r, wanted) : undefined));
}

/** The top-level function `name` of a module (a declaration, or a `const` given a function). */
function topFunction(root: SgNode, name: string): SgNode | undefined {
  for (const s of root.children()) {
    const d = kindOf(s) === 'export_statement' ? (s.field('declaration') ?? s) : s;
    if (kindOf(d) === 'function_declaration' && d.field('name')?.text() === name) return d;
    if (kindOf(d) !== 'lexical_declaration' && kindOf(d) !== 'variable_declaration') continue;
    for (const v of d.namedChildren()) {
      const value = v.field('value');
      if (v.field('name')?.text() === name && value && FUNCTIONS.has(kindOf(value))) return value;
    }
  }
  return undefined;
}

/** The node a match was reported at: the outermost one that starts and ends where the match does. */
function sinkAt(root: SgNode, m: CodeMatch): SgNode | undefined {
  return nodeAtMatch(root, m, (node) => node);
}

/** The route registration (`app.get('/x', handler)`) whose handler holds `node`. */
function routeCall(node: SgNode | undefined): SgNode | undefined {
  let up = 0;
  for (let a = node?.parent(); a; a = a.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    if (kindOf(a) !== 'call_expression') continue;
    const callee = a.field('function');
    if (
      callee &&
      kindOf(callee) === 'member_expression' &&
      ROUTE_METHOD.test(callee.field('property')?.text() ?? '')
    )
      return a;
  }
  return undefined;
}

/** True when `call` is a statement of its function's body (or of the program), under no condition or loop. */
function unconditional(call: SgNode): boolean {
  const st = call.parent();
  if (!st || kindOf(st) !== 'expression_statement') return false;
  const holder = st.parent();
  if (!holder) return false;
  if (kindOf(holder) === 'program') return true;
  return kindOf(holder) === 'statement_block' && FUNCTIONS.has(kindOf(holder.parent() ?? holder));
}

/** The function around `n` (undefined at the top level). */
function scopeOf(n: SgNode): SgNode | undefined {
  let up = 0;
  for (let a = n.parent(); a; a = a.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    if (FUNCTIONS.has(kindOf(a))) return a;
  }
  return undefined;
}

/** True when both calls are in the same function (or both at the top level). */
function sameScope(a: SgNode, b: SgNode): boolean {
  return scopeOf(a)?.id() === scopeOf(b)?.id();
}

/**
 * True when middleware `fn (req, res, next)` rewrites every query value with a call one of `sanitizers`
 * matches before anything else can end it: a `for (… p in req.query)` loop in its body's own statements,
 * with no return or `next` call in the statements before it, whose every path writes `req.query[p]` with such
 * a call or with a list filled only by such calls, and no other write of `req.query` in the function.
 */
function rewritesQuery(fn: SgNode, sanitizers: readonly Matcher[]): boolean {
  const params = (fn.field('parameters')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  const req = params[0]?.text();
  const next = params[2]?.text();
  const body = fn.field('body');
  if (!req || !body || !/^[A-Za-z_$][\w$]*$/.test(req)) return false;
  const stmts = body.namedChildren().filter((c) => kindOf(c) !== 'comment');
  const at = stmts.findIndex(
    (st) =>
      kindOf(st) === 'for_in_statement' &&
      st.field('right')?.text() === `${req}.query` &&
      /\bin\b/.test(st.text()),
  );
  const loop = stmts[at];
  if (!loop) return false;
  const ends = (st: SgNode): boolean =>
    st.find({ rule: { kind: 'return_statement' } }) !== null ||
    (next !== undefined &&
      st.find({ rule: { kind: 'call_expression', has: { field: 'function', regex: `^${next}$` } } }) !==
        null);
  if (stmts.slice(0, at).some(ends)) return false;
  const key = loop
    .field('left')
    ?.text()
    .replace(/^(?:const|let|var)\s+/, '');
  if (!key) return false;
  const target = `${req}.query[${key}]`;
  const sanitizerCall = (n: SgNode | null): boolean =>
    !!n && kindOf(n) === 'call_expression' && packageSanitizer(n, sanitizers);
  const cleanList = (name: string): boolean => {
    const decl = fn.find({
      rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${name}$` } },
    });
    if (!decl || decl.field('value')?.text() !== '[]') return false;
    const uses = fn.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } });
    return uses.every((u) => {
      const parent = u.parent();
      if (parent?.id() === decl.id()) return true;
      if (parent && kindOf(parent) === 'assignment_expression' && parent.field('right')?.id() === u.id())
        return parent.field('left')?.text() === target;
      const call = parent?.parent();
      if (!parent || kindOf(parent) !== 'member_expression' || parent.field('property')?.text() !== 'push')
        return false;
      const args = (call?.field('arguments')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
      return !!call && kindOf(call) === 'call_expression' && args.length > 0 && args.every(sanitizerCall);
    });
  };
  // Every write of the query: to `req.query[p]`, of a sanitizer's output.
  for (const w of fn.findAll({
    rule: { any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }] },
  })) {
    const left = w.field('left')?.text() ?? '';
    if (!left.startsWith(`${req}.query`)) continue;
    if (left !== target || kindOf(w) !== 'assignment_expression') return false;
    const right = w.field('right');
    if (!sanitizerCall(right) && !(right && kindOf(right) === 'identifier' && cleanList(right.text())))
      return false;
  }
  return writesOnEveryPath(loop.field('body'), target);
}

/** True when every path through `st` writes `target` (a plain write, or both branches of an `if`). */
function writesOnEveryPath(st: SgNode | null, target: string): boolean {
  if (!st) return false;
  if (
    st.find({
      rule: {
        any: [
          { kind: 'continue_statement' },
          { kind: 'break_statement' },
          { kind: 'return_statement' },
          { kind: 'throw_statement' },
        ],
      },
    })
  )
    return false;
  const writes = (s: SgNode): boolean => {
    const k = kindOf(s);
    if (k === 'expression_statement') {
      const e = s.namedChildren()[0];
      return !!e && kindOf(e) === 'assignment_expression' && e.field('left')?.text() === target;
    }
    if (k === 'statement_block') return s.namedChildren().some(writes);
    if (k === 'if_statement') {
      const alt = s.field('alternative');
      const other = alt ? alt.namedChildren().find((c) => kindOf(c) !== 'comment') : undefined;
      return writes(s.field('consequence') ?? s) && !!other && writes(other);
    }
    return false;
  };
  return writes(st);
}

/**
 * Packages whose functions named like a sanitizer (`escape`, `sanitize`, `encode`) are ones for HTML. Another
 * package's are for another language: mongo-sanitize's `sanitize` strips `$` keys, sqlstring's `escape` quotes
 * for SQL, shell-escape's for a shell; none of them touches `<`.
 */
const HTML_PACKAGE =
  /html|xss|purify|^entities$|^he$|^validator$|^lodash(?:\.escape)?$|^underscore$|^escape-goat$/i;

/** The package a name of the file is bound to (by a require call or an import statement), if any. */
function packageOf(root: SgNode, name: string): string | undefined {
  const re = `^${name.replace(/\$/g, '\\$')}$`;
  const ids = new RegExp(re);
  for (const d of root.findAll({ rule: { kind: 'variable_declarator' } })) {
    const id = d.field('name');
    const names = !id ? [] : kindOf(id) === 'identifier' ? [id] : id.findAll({ rule: { regex: re } });
    if (!names.some((n) => ids.test(n.text()))) continue;
    const required = /^require\s*\(\s*['"]([\w@/.-]+)['"]\s*\)$/.exec(d.field('value')?.text().trim() ?? '');
    if (required) return required[1];
  }
  for (const imp of root.findAll({ rule: { kind: 'import_statement' } })) {
    const clause = imp.children().find((c) => kindOf(c) === 'import_clause');
    if (!clause?.findAll({ rule: { kind: 'identifier', regex: re } }).length) continue;
    return /^['"](.+)['"]$/.exec(imp.field('source')?.text() ?? '')?.[1];
  }
  return undefined;
}

/**
 * A call the rule's sanitizers count, judged by what its callee is bound to: a call of a package's function
 * counts only for a package of HTML (HTML_PACKAGE), or under the package's own name in camel case
 * (`sanitize_html(x)` of compiled code, `sanitize(x)` bound to sanitize-html: read as `sanitizeHtml(x)`); a
 * name bound to no package or to a module of the project (its own function) is read as written.
 */
function packageSanitizer(call: SgNode, sanitizers: readonly Matcher[]): boolean {
  const callee = call.field('function');
  if (!callee) return false;
  const head = kindOf(callee) === 'member_expression' ? callee.field('object') : callee;
  const root = call.getRoot().root();
  const spec = head && kindOf(head) === 'identifier' ? packageOf(root, head.text()) : undefined;
  const named = sanitizers.some((s) => call.matches(s));
  if (spec === undefined) return named;
  if (spec.startsWith('.')) return named;
  const bare = spec.replace(/^@[^/]+\//, '');
  if (named && HTML_PACKAGE.test(bare)) return true;
  if (kindOf(callee) !== 'identifier') return false;
  const camel = bare.replace(/[-.]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  const probe = parse(Lang.JavaScript, `${camel}(x)`)
    .root()
    .find({ rule: { kind: 'call_expression' } });
  return !!probe && sanitizers.some((s) => probe.matches(s));
}
