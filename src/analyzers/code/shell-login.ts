/**
 * Which routes of an application that gives its users a shell (shell-app.ts) are behind the login that opens the
 * shell. A request-tainted path, argument, command or log line read in such a route gives the user who passed
 * that login nothing the shell does not already give them: by design, not a weakness (shell-app.ts says what
 * becomes of such findings). Proven, never guessed; anything not proven stays as it was:
 *
 * - the login is the shell's own: a guard middleware (a name that reads as a guard, route-guards.ts) that a
 *   route file imports from the module the shell's file takes its login function from (`import {
 *   authenticateToken, authenticateWebSocket } from './middleware/auth.js'`, the second used to admit the
 *   shell's WebSocket). A guard defined elsewhere (an API key checked in a route file) is another login. A shell's
 *   file that checks roles or admins (`isAdmin`, `user.role ===`) may give the shell to fewer users than the
 *   routes: nothing is proven there. Optional logins (`optionalAuth`) let everyone through and do not count, nor
 *   does a login module whose code looks at the route asked for (`req.path`, `req.originalUrl`: it may let some
 *   routes through). A login by cookies (a session, a token cookie) counts only where the application defends
 *   against requests other sites' pages make (a CSRF token, `sameSite` cookies, an Origin check): without it,
 *   another site makes the user's browser send the request, and a path or command in it is that site's;
 * - a route is behind it when its handler (a function written in place) is registered with the guard
 *   (`app.get('/x', authenticateToken, (req, res) => …)`), after an unconditional `router.use(guard)` on the same
 *   receiver in the same function (under the `use` call's path, if it has one), or in a router module every recognised mount of which
 *   is behind the guard (`app.use('/api/projects', authenticateToken, projectsRoutes)`, or mounted from a module
 *   itself wholly behind it; a mount is any name imported from the module, a member or a call of one, or the
 *   module required in place); a router module used in any other way than a mount where it is imported (handed to
 *   a function, put in a list) is not proven, nor is a route registered before the guard's `use`, a handler given
 *   by name, or a module never seen mounted.
 *
 * Only JavaScript and TypeScript are read; Python's terminado applications keep the shell's lowering alone.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { withoutLineComments } from './app-scope.js';
import { jsImports, mayImportLocally, resolveJs } from './imports.js';
import type { ModuleImports } from './imports.js';
import { languageOf } from './languages.js';
import { readsAsGuard } from './route-guards.js';
import { kindOf } from './syntax.js';
import { mintedKeyGuards } from './minted-key-guard.js';

/** The routes behind the login that opens an application's shell. */
export interface ShellLogin {
  /** The guard's name as the routes use it (`authenticateToken`). */
  guard: string;
  /** Per file, the line spans (first, last) of route handlers registered behind it. */
  handlers: Map<string, [number, number][]>;
  /**
   * Per file, the line spans of the other route handlers: a line also in one of them (two handlers on one line,
   * one written in another) is not told apart.
   */
  open: Map<string, [number, number][]>;
  /** Guards of keys that only users behind the login mint (minted-key-guard.ts), which count as it. */
  keyGuards?: string[];
}

/** A function whose name speaks of checking a login (`authenticateWebSocket`, `verifyToken`, `checkSession`). */
export const LOGIN_FN =
  /authenticat|log(?:ged)?_?in|signed_?in|verify_?(?:token|jwt|session|user|client)|jwt|session|passport/i;
/**
 * A middleware of the login module that lets everyone through (it only reads a user when there is one, lets
 * guests or public routes in, or hands out or refreshes a token) though its name reads as a guard.
 */
const OPTIONAL =
  /optional|maybe|soft|try|attach|load|populate|identify|extract|skip|bypass|no_?(?:auth|login|token)|public|anonym|guest|allow_?all|refresh|log_?out|(?:generate|issue|create|sign|set)_?(?:token|jwt|session|cookie)/i;
/** A guard factory's arguments that may turn the check off (`auth({ required: false })`, `authenticate('anonymous')`). */
const OFF_ARGS = /\bfalse\b|optional|anonym|guest|public|passthrough/i;
/** A shell's file that gives the shell to some users only (admins, a role). */
export const STRICTER =
  /\b(?:is_?admin|require_?admin|admin_?only|has_?role|has_?permission|can_?access)\b|\.roles?\s*(?:[!=]==?|\.includes\()|\.is_?admin\b|\.admin\b/i;
/**
 * A login module that admits a request by what its cookies carry (a session, a token cookie, passport's session):
 * a browser sends them with a request another site's page makes.
 */
const COOKIE_LOGIN =
  /\b(?:req|request|ctx)\s*\.\s*(?:cookies|signedCookies|session)\b|\.isAuthenticated\s*\(|\.headers\s*(?:\.\s*cookie\b|\[\s*['"]cookie['"]\s*\])|\bcookie\.parse\(|ctx\.cookies\.get\(/;
/**
 * A defence of the application against requests other sites' pages make: a CSRF module or middleware used, a
 * CSRF token compared or verified, cookies that stay on their own site (`sameSite: 'strict'` or `'lax'`, `true`),
 * a check of the request's Origin. A mention of CSRF is none (an error text, a name, a CSRF option set off:
 * `csrf: false`; the same test as js-missing-csrf's `unless`), nor is an Origin only read (reflected into
 * `Access-Control-Allow-Origin`, which lets every page read the replies): it must be compared, directly or
 * through a name bound to it.
 */
const CSRF_DEFENCE = new RegExp(
  [
    // A CSRF module loaded (csurf, csrf-csrf, the application's own `./csrf.js`), lusca's csrf.
    String.raw`(?:require\(\s*|from\s+|import\(\s*)['"][^'"\n]*(?:csrf|xsrf|csurf)[^'"\n]*['"]`,
    String.raw`lusca\s*\.\s*csrf\s*\(|lusca\(\s*\{[^}]{0,200}?\bcsrf\s*:\s*(?:true|\{)`,
    // A CSRF middleware handed to `use` or a route, csurf's token: not a name in an error text or a setting.
    String.raw`\.(?:use|post|put|patch|delete|del|all|register)\(\s*[^;(){}]{0,200}?(?:csrf|xsrf)|\.csrfToken\(\s*\)`,
    // A CSRF value compared (not with false, null, undefined or 0) or verified.
    String.raw`(?:csrf|xsrf)[\w-]*['"]?\s*\]?\s*[!=]==?\s*(?:[^\sfnu0=]|f[^a]|n[^u]|u[^n])|[!=]==?\s*[\w$.]{0,80}(?:\[\s*['"]?)?[\w$.-]{0,80}(?:csrf|xsrf)`,
    String.raw`(?:csrf|xsrf)\w*\s*\.\s*(?:verify|validate|check)\w*\s*\(|(?:verify|validate|check)\w*(?:csrf|xsrf)\w*\s*\(`,
    String.raw`\.verify\([^;)]{0,120}(?:csrf|xsrf)|timingSafeEqual\([^;]{0,120}(?:csrf|xsrf)`,
    // A CSRF option switched on, cookies kept on their own site.
    String.raw`\b(?:csrf|xsrf)(?:_?(?:protection|check\w*|enabled?))?['"]?\s*:\s*(?:true|\{)`,
    String.raw`same_?site\s*:\s*(?:true\b|['"\x60](?:strict|lax)['"\x60])`,
  ].join('|'),
  'i',
);
const CSRF_OFF = /\b\w*(?:csrf|xsrf)\w*['"]?\s*[:=]\s*(?:false|null|0)\b/gi;
// The Origin header read (`req.headers.origin`, `req.get('origin')`), without what it is read from: a search
// from every position never runs over a long word twice. What it is read from is bounded where it is matched.
const ORIGIN_READ = String.raw`(?:\.headers\s*(?:\.\s*origin\b|\[\s*['"]origin['"]\s*\])|\.(?:get|header)\(\s*['"]origin['"]\s*\))`;
const OPERATOR = String.raw`(?:[!=]==?|\.(?:includes|has|indexOf|test|match)\()\s*`;
const ORIGIN_COMPARED = new RegExp(
  [
    String.raw`${ORIGIN_READ}\s*(?:[!=]==?|\.\s*(?:startsWith|endsWith)\()`,
    String.raw`${OPERATOR}[\w$.]{1,80}${ORIGIN_READ}`,
    String.raw`(?:const|let|var)\s+([\w$]+)\s*=\s*[\w$.]{1,80}${ORIGIN_READ}[^;\n]*[;\n][\s\S]*?(?:\b\1\s*(?:[!=]==?|\.\s*(?:startsWith|endsWith)\()|${OPERATOR}\1\b)`,
  ].join('|'),
);

function crossSiteDefended(text: string): boolean {
  const code = withoutLineComments(text).replace(/\/\*[\s\S]*?\*\//g, ' ');
  return CSRF_DEFENCE.test(code.replace(CSRF_OFF, ' ')) || ORIGIN_COMPARED.test(code);
}
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** Files that register no route nor mount one are not parsed. */
const ROUTE_TEXT = /\.(?:use|get|post|put|patch|delete|del|all|head|options)\(/;

/** One source file of the application. */
export interface AppText {
  path: string;
  text: string;
}

interface Parsed {
  path: string;
  text: string;
  root: SgNode;
  imports: ModuleImports;
}

interface Mount {
  module: string;
  /** The file where it is mounted, and whether the mount itself is behind the guard. */
  from: string;
  guarded: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
}

function compact(n: SgNode): string {
  return n.text().replace(/\s+/g, '');
}

function literalPath(n: SgNode | undefined): string | undefined {
  if (!n) return undefined;
  const k = kindOf(n);
  if (k === 'string' || (k === 'template_string' && !n.text().includes('${'))) return n.text().slice(1, -1);
  return undefined;
}

function argsOf(call: SgNode): SgNode[] {
  return (call.field('arguments')?.children() ?? []).filter((c) => c.isNamed() && kindOf(c) !== 'comment');
}

function parsed(f: AppText, exists: (p: string) => boolean): Parsed | undefined {
  const lang = languageOf(f.path.slice(f.path.lastIndexOf('.') + 1).toLowerCase());
  if (!lang || lang.family === 'python') return undefined;
  const root = parse(lang.lang, f.text).root();
  const imports = jsImports(root, f.path, exists, lang.family === 'typescript', f.text);
  return { path: f.path, text: f.text, root, imports };
}

/** A construct under which a call may not run: a condition, a branch, a loop, a logical operand. */
const CONDITIONAL = new Set([
  'if_statement',
  'conditional_expression',
  'ternary_expression',
  'switch_statement',
  'for_statement',
  'for_in_statement',
  'while_statement',
  'do_statement',
  'try_statement',
]);

/** Nodes that open a function's own scope. */
const SCOPES = new Set([
  ...FUNCTIONS,
  'function_declaration',
  'generator_function_declaration',
  'method_definition',
  'class_static_block',
]);

/** The function a call is written in (its node id), or -1 at the module's top. */
function scopeOf(call: SgNode): number {
  for (let n = call.parent(); n !== null; n = n.parent()) if (SCOPES.has(kindOf(n))) return n.id();
  return -1;
}

/** Whether a call runs whenever its module (or the function holding it) runs: no condition around it. */
function unconditional(call: SgNode): boolean {
  for (let n = call.parent(); n !== null; n = n.parent()) {
    const k = kindOf(n);
    if (CONDITIONAL.has(k)) return false;
    if (k === 'binary_expression' && /^(?:&&|\|\||\?\?)$/.test(n.field('operator')?.text() ?? ''))
      return false;
  }
  return true;
}

function usesOf(text: string, name: string): number {
  return text.match(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?![\\w$])`, 'g'))?.length ?? 0;
}

/** A guard that looks at which route is asked for, and so may let some through (`if (req.path === '/x') next()`). */
const READS_ROUTE = /\b(?:req|request|ctx)\.(?:path|url|originalUrl|baseUrl|route)\b/;

const ROUTE_METHODS = '^(use|get|post|put|patch|delete|del|all|head|options)$';

/**
 * Whether the shell's file uses `local` elsewhere than in its import and in the arguments of route registrations
 * (`app.get('/x', authenticateToken, …)`): a login function only its routes use does not admit the shell.
 */
function usedOutsideRoutes(shell: Parsed, local: string): boolean {
  const routeArgs = shell.root
    .findAll({ rule: { pattern: '$R.$M($$$)' }, constraints: { M: { regex: ROUTE_METHODS } } })
    .map((c) => c.field('arguments')?.range())
    .filter((r) => r !== undefined);
  return shell.root.findAll({ rule: { kind: 'identifier', regex: `^${escapeRe(local)}$` } }).some((id) => {
    const at = id.range().start.index;
    if (routeArgs.some((r) => at >= r.start.index && at < r.end.index)) return false;
    // The binding of `const auth = require('./auth')` or an ES import.
    const parent = id.parent();
    const k = parent ? kindOf(parent) : '';
    return !(
      k === 'import_clause' ||
      k === 'import_specifier' ||
      k === 'namespace_import' ||
      (k === 'variable_declarator' && parent?.field('name')?.id() === id.id())
    );
  });
}

/**
 * The modules the shell's file takes a login function from and calls it (more than its import names it, and
 * elsewhere than its routes: to admit the shell), when that module's guards do not look at the route asked for.
 */
function loginModulesOf(shell: Parsed, files: readonly AppText[]): Set<string> {
  const out = new Set<string>();
  const code = withoutLineComments(shell.text);
  for (const [local, b] of shell.imports.names) {
    if (!LOGIN_FN.test(b.name ?? local) || usesOf(code, local) < 2 || !usedOutsideRoutes(shell, local))
      continue;
    const module = files.find((f) => f.path === b.module);
    if (!module || READS_ROUTE.test(withoutLineComments(module.text))) continue;
    // A login function that admits only admins or a role to the shell gives it to fewer users than the routes.
    if (STRICTER.test(withoutLineComments(definitionOf(module, b.name ?? local) ?? module.text))) continue;
    out.add(b.module);
  }
  return out;
}

/** The text of the function `name` defined at the top of a module (declared, or a `const` given a function). */
function definitionOf(module: AppText, name: string): string | undefined {
  const lang = languageOf(module.path.slice(module.path.lastIndexOf('.') + 1).toLowerCase());
  if (!lang || lang.family === 'python' || !module.text.includes(name)) return undefined;
  for (const n of parse(lang.lang, module.text).root().children()) {
    const d = kindOf(n) === 'export_statement' ? (n.field('declaration') ?? n) : n;
    const k = kindOf(d);
    if (
      (k === 'function_declaration' || k === 'generator_function_declaration') &&
      d.field('name')?.text() === name
    )
      return d.text();
    if (k !== 'lexical_declaration' && k !== 'variable_declaration') continue;
    for (const v of d.children())
      if (kindOf(v) === 'variable_declarator' && v.field('name')?.text() === name) {
        const value = v.field('value');
        return value && FUNCTIONS.has(kindOf(value)) ? v.text() : undefined;
      }
  }
  return undefined;
}

/**
 * The routes behind the login that opens the shell of `shellPath`, among the application's `files` (its own
 * source, read by the caller); undefined when nothing is proven.
 */
export function routesBehindLogin(
  shellPath: string,
  files: readonly AppText[],
  exists: (p: string) => boolean,
): ShellLogin | undefined {
  const shellText = files.find((f) => f.path === shellPath);
  const shell = shellText && parsed(shellText, exists);
  if (!shell || STRICTER.test(withoutLineComments(shell.text))) return undefined;
  const logins = loginModulesOf(shell, files);
  // A cookie login in an application that does nothing against cross-site requests admits another site's page
  // too: it makes the user's browser send the request, with a path or command of its choosing, and what the
  // shell gives the user is then not what it gives that page. Nothing is proven behind such a login.
  const byCookie = [...logins].filter((m) => {
    const module = files.find((f) => f.path === m);
    return !!module && COOKIE_LOGIN.test(withoutLineComments(module.text));
  });
  if (byCookie.length > 0 && !files.some((f) => crossSiteDefended(f.text)))
    for (const m of byCookie) logins.delete(m);
  if (logins.size === 0) return undefined;
  const cache = new Map<string, Parsed | undefined>([[shellPath, shell]]);
  const parse1 = (f: AppText): Parsed | undefined => {
    if (!cache.has(f.path)) cache.set(f.path, parsed(f, exists));
    return cache.get(f.path);
  };
  const first = collect(files, parse1, logins, new Set(), exists);
  if (!first) return undefined;
  // Guards of keys that only users behind this login mint (minted-key-guard.ts): read again with them.
  const modules = [...cache.values()].filter((p): p is Parsed => p !== undefined);
  const keys = mintedKeyGuards(modules, (path, line) => behindShellLogin(first, path, line));
  if (keys.size === 0) return first;
  const again = collect(files, parse1, logins, keys, exists);
  return again ? { ...again, keyGuards: [...keys].map((k) => k.slice(k.indexOf('\0') + 1)) } : first;
}

function collect(
  files: readonly AppText[],
  parse1: (f: AppText) => Parsed | undefined,
  logins: ReadonlySet<string>,
  keyGuards: ReadonlySet<string>,
  exists: (p: string) => boolean,
): ShellLogin | undefined {
  const guards = new Set<string>();
  const mounts: Mount[] = [];
  const escaped = new Set<string>();
  const spans = new Map<string, { span: [number, number]; guarded: boolean }[]>();
  for (const f of files) {
    const routes = ROUTE_TEXT.test(f.text);
    if (!routes && !mayImportLocally(f.text, false)) continue;
    const p = parse1(f);
    if (!p) continue;
    const mounted = routes
      ? readRoutes(p, logins, keyGuards, guards, mounts, spans, exists)
      : new Map<string, number>();
    // A router module named elsewhere than in its mounts may be mounted where it cannot be seen.
    const code = withoutLineComments(p.text);
    for (const [local, b] of p.imports.names) {
      if (b.name !== null && !/rout/i.test(b.name) && !mounted.has(local)) continue;
      if (usesOf(code, local) > 1 + (mounted.get(local) ?? 0)) escaped.add(b.module);
    }
  }
  const whole = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    const byModule = new Map<string, Mount[]>();
    for (const m of mounts) byModule.set(m.module, [...(byModule.get(m.module) ?? []), m]);
    for (const [module, ms] of byModule) {
      if (whole.has(module) || escaped.has(module)) continue;
      if (ms.every((m) => m.guarded || whole.has(m.from))) {
        whole.add(module);
        changed = true;
      }
    }
  }
  const handlers = new Map<string, [number, number][]>();
  const open = new Map<string, [number, number][]>();
  for (const [path, list] of spans) {
    const behind = list.filter((s) => s.guarded || whole.has(path)).map((s) => s.span);
    if (behind.length > 0) handlers.set(path, behind);
    const others = list.filter((s) => !s.guarded && !whole.has(path)).map((s) => s.span);
    if (others.length > 0) open.set(path, others);
  }
  const guard = [...guards][0];
  return guard === undefined || handlers.size === 0 ? undefined : { guard, handlers, open };
}

/**
 * Reads one file's route registrations and mounts, in source order, into `spans` and `mounts`; returns how many
 * mounts each imported name makes.
 */
function readRoutes(
  p: Parsed,
  logins: ReadonlySet<string>,
  keyGuards: ReadonlySet<string>,
  guards: Set<string>,
  mounts: Mount[],
  spans: Map<string, { span: [number, number]; guarded: boolean }[]>,
  exists: (p: string) => boolean,
): Map<string, number> {
  // Express flattens arrays of middleware; a few levels are read (a hostile file's deep nesting is not walked).
  const isLogin = (n: SgNode, depth = 0): boolean => {
    const k = kindOf(n);
    if (k === 'array') return depth < 4 && n.children().some((c) => c.isNamed() && isLogin(c, depth + 1));
    // A guard of keys the login's users mint, defined in this file and given by name.
    if (k === 'identifier' && keyGuards.has(`${p.path}\0${n.text()}`)) return true;
    const target = k === 'call_expression' ? n.field('function') : n;
    if (!target) return false;
    const tk = kindOf(target);
    const head = tk === 'member_expression' ? target.field('object') : target;
    if (!head || kindOf(head) !== 'identifier') return false;
    const b = p.imports.names.get(head.text());
    if (!b || !logins.has(b.module)) return false;
    // `auth.required` of a module object, or a function imported by name.
    const name =
      tk === 'member_expression'
        ? b.name === null
          ? target.field('property')?.text()
          : undefined
        : tk === 'identifier'
          ? (b.name ?? head.text())
          : undefined;
    if (name === undefined || !readsAsGuard(name) || OPTIONAL.test(name)) return false;
    if (k === 'call_expression' && OFF_ARGS.test(n.field('arguments')?.text() ?? '')) return false;
    guards.add(compact(target));
    return true;
  };
  // A module mounted: a name imported from it, whatever it exports (a module may export several routers), a
  // member or a call of one (`routes.api`, `makeRouter(db)`), or the module required in place
  // (`require('./routes/x')`, or its `.api`).
  const mountOf = (node: SgNode): { module: string; local?: string } | undefined => {
    let n = node;
    for (let o = n.field('object'); kindOf(n) === 'member_expression' && o; o = n.field('object')) n = o;
    const k = kindOf(n);
    if (k === 'identifier') {
      const b = p.imports.names.get(n.text());
      return b ? { module: b.module, local: n.text() } : undefined;
    }
    if (k !== 'call_expression') return undefined;
    const f = n.field('function');
    if (f?.text() !== 'require') return f && kindOf(f) === 'identifier' ? mountOf(f) : undefined;
    const spec = literalPath(argsOf(n)[0]);
    const module = spec === undefined ? undefined : resolveJs(p.path, spec, exists);
    return module === undefined ? undefined : { module };
  };
  const mountedNames = new Map<string, number>();
  // Per receiver in a function (the same name in two functions may be two routers), the path prefixes its
  // `use(guard)` calls so far cover ('' for all). Only calls in that very function: one nested in it, or in a
  // function it holds, may run at another time or not at all.
  const covered = new Map<string, string[]>();
  const behind = (receiver: string, path: string | undefined): boolean =>
    (covered.get(receiver) ?? []).some(
      (pre) => pre === '' || (path !== undefined && (path === pre || path.startsWith(`${pre}/`))),
    );
  const calls = p.root
    .findAll({
      rule: { pattern: '$R.$M($$$)' },
      constraints: { M: { regex: ROUTE_METHODS } },
    })
    .sort((a, b) => a.range().start.index - b.range().start.index);
  const list = spans.get(p.path) ?? [];
  for (const call of calls) {
    const fn = call.field('function');
    const receiverNode = fn?.field('object');
    const method = fn?.field('property')?.text();
    if (!receiverNode || method === undefined) continue;
    const receiver = `${scopeOf(call)}\0${compact(receiverNode)}`;
    const a = argsOf(call);
    const path = literalPath(a[0]);
    if (method === 'use') {
      const rest = path === undefined ? a : a.slice(1);
      let guarded = behind(receiver, path);
      let mounted = false;
      for (const arg of rest) {
        if (isLogin(arg)) {
          guarded = true;
          continue;
        }
        const m = mountOf(arg);
        if (m === undefined) continue;
        mounts.push({ module: m.module, from: p.path, guarded });
        if (m.local !== undefined) mountedNames.set(m.local, (mountedNames.get(m.local) ?? 0) + 1);
        mounted = true;
      }
      // `router.use(guard)`, `app.use('/admin', guard)`: every later route of the receiver there is behind it.
      if (!mounted && rest.length > 0 && rest.every(isLogin) && unconditional(call)) {
        // A trailing wildcard (`/api/*`) covers what is under the path; one inside it (`/files/*/private`), or
        // another pattern character, covers only some of what is under the part before it: nothing is taken.
        const prefix = (path ?? '').replace(/\/?\*$/, '').replace(/\/$/, '');
        if (!/[*?+()]/.test(prefix)) covered.set(receiver, [...(covered.get(receiver) ?? []), prefix]);
      }
      continue;
    }
    const handler = a[a.length - 1];
    if (path === undefined || a.length < 2 || !handler || !FUNCTIONS.has(kindOf(handler))) continue;
    const guarded = behind(receiver, path) || a.slice(1, -1).some(isLogin);
    const r = handler.range();
    list.push({ span: [r.start.line + 1, r.end.line + 1], guarded });
  }
  if (list.length > 0) spans.set(p.path, list);
  return mountedNames;
}

/** Whether a request source at `path:line` is read in a route handler behind the shell's login. */
export function behindShellLogin(login: ShellLogin, path: string, line: number): boolean {
  const within = ([first, last]: [number, number]): boolean => line >= first && line <= last;
  return (login.handlers.get(path) ?? []).some(within) && !(login.open.get(path) ?? []).some(within);
}
