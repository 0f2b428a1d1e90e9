/**
 * Route parameters a regular-expression route confines. Express matches a RegExp route
 * (`app.get(/^\/theme\/(\w+\.\w+)$/, handler)`) against the raw, undecoded path and gives each capture
 * group to the handler as `req.params[0]`, `req.params[1]`… after `decodeURIComponent`. When a group admits
 * only a fixed alphabet without `%` (`[a-z0-9-]+`, `\w+\.\w+`), the decoded value is made of that alphabet
 * too, so it cannot carry a metacharacter the alphabet leaves out: a line break into a log, a `/` into a
 * file path. What it gives up: a group with alternatives, nested groups or any character (`.`) is not
 * read, nor a handler written apart from its registration.
 */
import type { SgNode } from '@ast-grep/napi';
import { METACHARACTERS } from './replace-check.js';
import { kindOf } from './syntax.js';

const ROUTE = /^(?:get|post|put|delete|patch|all|head|options|use)$/;
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

/**
 * The source of each capture group of a regex pattern, numbered by its opening parenthesis; undefined when
 * the pattern names a group. Express 4.21 (path-to-regexp 0.1.10+) gives a named group its name and numbers
 * only the unnamed ones (`/(?<a>\w+)\/(.*)/`: `req.params[0]` is `(.*)`), older releases
 * number every group: which group `req.params[n]` is depends on the version.
 */
function captureGroups(pattern: string): string[] | undefined {
  const groups: string[] = [];
  const open: { start: number; slot: number }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      if (pattern.startsWith('?<', i + 1) && !/^[=!]/.test(pattern[i + 3] ?? '')) return undefined;
      open.push({ start: i + 1, slot: pattern[i + 1] !== '?' ? groups.push('') - 1 : -1 });
    } else if (c === ')') {
      const g = open.pop();
      if (!g) return undefined;
      if (g.slot >= 0) groups[g.slot] = pattern.slice(g.start, i);
    }
  }
  return open.length === 0 ? groups : undefined;
}

/**
 * The characters a group of plain atoms admits — a class (`[a-z0-9-]`), an escape (`\w`, `\.`) or a literal,
 * each optionally repeated — as a membership test; undefined for anything else (`.`, `|`, a nested group).
 */
function alphabet(group: string): ((c: string) => boolean) | undefined {
  // An escape outside a class is a named class, a control character or an escaped symbol; `\x0a`, `\u…`,
  // `\p{…}` and back-references are not read (a class is compiled whole, so `[\x0a]` is right).
  const atoms = /\[(?:\\.|[^\]\\])*\]|\\[wWdDsSnrtfv]|\\[^a-zA-Z0-9]|[^\\[\]().|^$?*+{}]/gy;
  const quant = /(?:[?*+]|\{\d+(?:,\d*)?\})\??/y;
  const tests: ((c: string) => boolean)[] = [];
  let i = 0;
  while (i < group.length) {
    atoms.lastIndex = i;
    const m = atoms.exec(group);
    if (!m) return undefined;
    let re: RegExp;
    try {
      re = new RegExp(`^${m[0]}$`);
    } catch {
      return undefined;
    }
    tests.push((c) => re.test(c));
    i = atoms.lastIndex;
    quant.lastIndex = i;
    if (quant.exec(group)) i = quant.lastIndex;
  }
  return tests.length > 0 ? (c) => tests.some((t) => t(c)) : undefined;
}

/**
 * Whether a group admits none of the sink class's metacharacters (and no `%`, which decoding would turn
 * into any character). A file path needs only a single segment: no `/` or `\`, and never `.` or `..`.
 */
export function groupConfines(group: string, flags: string, sinkClass: string | undefined): boolean {
  const meta = sinkClass === undefined ? undefined : METACHARACTERS[sinkClass];
  const admits = alphabet(group);
  if (!meta || !admits || admits('%')) return false;
  // Case folding changes letters only, and no metacharacter is a letter.
  if (sinkClass === 'path') {
    if (admits('/') || admits('\\')) return false;
    let whole: RegExp;
    try {
      whole = new RegExp(`^(?:${group})$`, flags.replace(/[gy]/g, ''));
    } catch {
      // A literal the parser accepts but the engine rejects (`/(\-\w+)/u`, an unknown flag).
      return false;
    }
    return !whole.test('.') && !whole.test('..');
  }
  return ![...meta].some((c) => admits(c));
}

/**
 * The route argument of the registration (`app.get(route, …, handler)`) whose handler, written in place,
 * holds `use`; undefined when `use` is in no such handler or the handler is the first argument.
 */
function routeOf(use: SgNode): SgNode | undefined {
  let fn: SgNode | null = use.parent();
  for (let depth = 0; fn && depth < 256; fn = fn.parent(), depth++) {
    if (!FUNCTIONS.has(kindOf(fn))) continue;
    const call = fn.parent()?.parent();
    if (!call || kindOf(call) !== 'call_expression' || kindOf(fn.parent()!) !== 'arguments') continue;
    const callee = call.field('function');
    if (!callee || kindOf(callee) !== 'member_expression') continue;
    // A callback inside the handler (`fs.access(p, (err) => …)`): its route is further out.
    if (!ROUTE.test(callee.field('property')?.text() ?? '')) continue;
    const route = call.field('arguments')?.namedChildren()[0];
    return route && route.id() !== fn.id() ? route : undefined;
  }
  return undefined;
}

/** Whether a group holds a nested group (outside classes and escapes), which this reading does not follow. */
function nested(group: string): boolean {
  return /[()]/.test(group.replace(/\\.|\[(?:\\.|[^\]\\])*\]/g, ''));
}

/**
 * Whether `req.params[n]` read at `use` comes from a capture group of the RegExp route whose handler,
 * written in place, holds `use`, and that group confines it for `sinkClass`.
 */
export function confinedByRoute(use: SgNode, sinkClass: string | undefined): boolean {
  if (kindOf(use) !== 'subscript_expression') return false;
  const index = use.field('index');
  if (!index || kindOf(index) !== 'number' || !/^\d+$/.test(index.text())) return false;
  const route = routeOf(use);
  if (!route || kindOf(route) !== 'regex') return false;
  const group = captureGroups(route.field('pattern')?.text() ?? '')?.[Number(index.text())];
  if (group === undefined || nested(group)) return false;
  return groupConfines(group, route.field('flags')?.text() ?? '', sinkClass);
}

/**
 * The value of a string literal or a template without substitutions; undefined for anything else, or for
 * an escape that makes a control or coded character (`\n`, `\x2f`), which a route pattern has no use for.
 */
function cooked(node: SgNode): string | undefined {
  const k = kindOf(node);
  if (
    k !== 'string' &&
    (k !== 'template_string' || node.children().some((c) => kindOf(c) === 'template_substitution'))
  )
    return undefined;
  let ok = true;
  const value = node
    .text()
    .slice(1, -1)
    .replace(/\\([\s\S])/g, (_, c: string) => {
      if (/[bfnrtvux0-9\r\n\u2028\u2029]/.test(c)) ok = false;
      return c;
    });
  return ok ? value : undefined;
}

/**
 * Whether the route parameter `name` read at `use` (`req.params.format`) is confined for `sinkClass` by the
 * pattern its string route gives it: Express 4 and koa-router (path-to-regexp before 8) take
 * `'/:id/sprite.:format([\\w]+)'` as `format` matching `[\w]+` only, tested against the raw path before
 * the value is decoded. A parameter without its own pattern (`[^/]+?`, which admits `.`, `..` and `%`), one
 * repeated over segments (`:p(\\w+)*`, `:p(\\w+)+`, joined with `/`), a pattern with a nested group or with
 * a `*` (Express 4 makes it `(.*)`) is not confined.
 */
export function confinedByStringRoute(use: SgNode, name: string, sinkClass: string | undefined): boolean {
  const route = routeOf(use);
  const path = route ? cooked(route) : undefined;
  if (path === undefined) return false;
  const at = path.indexOf(`:${name}(`);
  // The name must end there: `:format(` is not `:form(`; and be given one pattern only.
  if (at < 0 || path.indexOf(`:${name}(`, at + 1) >= 0) return false;
  const start = at + name.length + 2;
  let inClass = false;
  for (let i = start; i < path.length; i++) {
    const c = path[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') return false;
    else if (c === ')') {
      if (/^[*+]/.test(path.slice(i + 1))) return false;
      const group = path.slice(start, i);
      // Express 4's path-to-regexp (0.1.x) turns every `*` of the path into `(.*)`, one inside a parameter's
      // pattern too (`:name(\\w*)` admits `a/../..`): a pattern with a `*` is not read.
      return !nested(group) && !group.includes('*') && groupConfines(group, '', sinkClass);
    }
  }
  return false;
}
