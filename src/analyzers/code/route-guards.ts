import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

/*
 * Missing authorization, read the way a reviewer reads a routes file: when the routes a router registers
 * mostly go through an authentication or authorization middleware (`router.post('/x', auth.required, h)`),
 * a sibling route of the same kind without it is probably the one the author forgot. The guard is
 * recognised from how the file itself uses it, not from a list of library names: a middleware argument
 * whose name speaks of authentication and that most sibling routes share. Quiet where a guard covers the
 * routes another way (`router.use(auth)`, `app.use('/admin', auth)`, `router.all('/admin/*', auth)`), where no
 * route has a guard (no authentication at all is another problem), and on public routes (login, logout,
 * password reset, setup, health, webhooks…).
 */

/** A middleware whose name speaks of authentication or authorization. */
const GUARD =
  /auth|log(?:ged)?_?in|signed_?in|restrict|protect|require|ensure|verif|permi|role|admin|access|guard|session|jwt|passport|token|allow|(?:^|\.)(?:is|can|has)[A-Z_]/i;
/** Middleware that does something else, whatever its name says besides. */
const NOT_GUARD = /csrf|xsrf|rate_?limit|limiter|upload|multer|parser|cors|cache|helmet|compress|static/i;
/**
 * Set-up every request goes through, named like a guard but checking no one: the session itself
 * (`session({…})`, `passport.session()`, `passport.initialize()`), a mounted router (`require('./routes')`,
 * `adminRouter`) and a request logger (`accessLogger`). Given to `use()` they would hide every route.
 */
const SET_UP =
  /(?:^|\.)(?:require|initiali[sz]e|(?:express|cookie)?_?session(?:_?(?:middleware|handler|store))?)$|rout(?:er|es)$|log(?:ger|ging)$/i;
/**
 * A route everyone must reach: signing in and out, recovering an account, installing, probes, hooks; also
 * the npm registry protocol's sign-up and sign-in (CouchDB's `PUT /-/user/org.couchdb.user:name`, `_session`),
 * which every registry implements for `npm adduser` and `npm login`.
 */
const PUBLIC =
  /(?:^|[/_.-])(?:log_?in|log_?out|sign_?in|sign_?out|sign_?up|register|forgot\w*|reset\w*|password\w*|setup\w*|install\w*|callback|oauth\w*|auth\w*|verify\w*|confirm\w*|activate\w*|health\w*|status|ping|public|static|assets|favicon\w*|robots|sitemap\w*|webhooks?|unsubscribe|org\.couchdb\.user|_session)(?:$|[/_.?:-])/i;
/** Whether a middleware's name reads as an authentication or authorization guard (not set-up, not a parser). */
export function readsAsGuard(name: string): boolean {
  return GUARD.test(name) && !NOT_GUARD.test(name) && !SET_UP.test(name);
}

/** A handler that checks the user itself (Koa 1's generator handlers hold the context in `this`). */
const INLINE_CHECK =
  /\b(?:req|request)\.(?:user|auth|isAuthenticated)\b|\b(?:req|request|ctx|this)\.session\.(?:user\w*|admin\w*|auth\w*|logged\w*|uid)\b|\b(?:ctx|this)\.state\.user\b|\b(?:ctx|this)\.isAuthenticated\b|\bthis\.user\b/;

/**
 * A handler that refuses the caller unless a helper given the request allows it (`if (!create_tenant_allowed(req))
 * return …`, `if (!(await canEdit(req, doc)))`): the helper's name speaks of who may do it. Narrower than a
 * middleware's name (GUARD): `isValid(req)` or `requireFields(req)` checks the input, not the caller, and so do
 * `hasAuthorField(req)`, `rateLimitAllowed(req)` or `corsAllowed(req)` (NOT_CALLER). The `if` must refuse: its
 * branch leaves (`return`, `throw`) or the handler's work is in its `else`; one that only logs or changes what is
 * shown lets every caller through.
 */
const REFUSED_UNLESS = /^\(\s*!\s*\(?\s*(?:await\s+)?([\w$.]+)\s*\(\s*(?:req|request|ctx)\b/;
const CALLER_CHECK =
  /auth(?!or)|log(?:ged)?_?in|signed_?in|permi|role|admin|access|allow|owner|(?:^|[._])(?:can|may)(?:[A-Z_]|$)/i;
const NOT_CALLER = /rate_?limit|throttl|cors|origin|captcha|mime|content_?type/i;

/** `if (!allowed(req)) return …`: a refusal unless a helper given the request allows the caller. */
function refusesUnlessAllowed(stmt: SgNode): boolean {
  const helper = REFUSED_UNLESS.exec(stmt.field('condition')?.text() ?? '')?.[1] ?? '';
  if (!CALLER_CHECK.test(helper) || NOT_CALLER.test(helper)) return false;
  if (stmt.field('alternative')) return true;
  const then = stmt.field('consequence');
  if (!then) return false;
  const leaves = (n: SgNode): boolean => ['return_statement', 'throw_statement'].includes(kindOf(n));
  return leaves(then) || (kindOf(then) === 'statement_block' && then.children().some(leaves));
}

/** Whether a handler reads the signed-in user itself, or asks a helper that does (and so decides who may call it). */
export function checksUserItself(handler: SgNode): boolean {
  if (INLINE_CHECK.test(handler.text())) return true;
  return handler.findAll({ rule: { kind: 'if_statement' } }).some(refusesUnlessAllowed);
}
/** A route group is consistent enough to judge when this share of its routes, and at least MIN, are guarded. */
const SHARE = 0.75;
const MIN_GUARDED = 3;
const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

interface Route {
  node: SgNode;
  receiver: string;
  method: string;
  path: string;
  guards: string[];
  handler: SgNode | undefined;
}

/** A route's unguarded report: the guard its siblings share and how many of them use it. */
export interface UnguardedRoute {
  node: SgNode;
  /** The handler when it is a name (`addUser`, `sync.sync`): another module may define it (route-handlers.ts). */
  handlerName?: string;
  guard: string;
  guarded: number;
  siblings: number;
  route: string;
}

function compact(n: SgNode): string {
  return n.text().replace(/\s+/g, '');
}

/** The text of a literal path (a string, or a template without placeholders), else undefined. */
function literalPath(n: SgNode | undefined): string | undefined {
  if (!n) return undefined;
  const k = kindOf(n);
  if (k === 'string' || (k === 'template_string' && !n.text().includes('${'))) return n.text().slice(1, -1);
  return undefined;
}

function args(call: SgNode): SgNode[] {
  return (call.field('arguments')?.children() ?? []).filter((c) => c.isNamed() && kindOf(c) !== 'comment');
}

/** Folders of mounted routes: a module there is a router, whatever its own name (`./routes/auth`). */
const ROUTE_FOLDER = /(?:^|\/)(?:routes?|routers?|controllers?|api)\//i;

/**
 * The name an in-place `require` of a module is judged by: its module's last path segment
 * (`./middleware/require-auth` is a guard, `./routes/public` is not), or `require` itself (set-up) for a
 * module in a folder of routes or a module not named in place.
 */
function requiredModule(call: SgNode): string | undefined {
  if (call.field('function')?.text() !== 'require') return undefined;
  const arg = (call.field('arguments')?.children() ?? []).find((c) => c.isNamed());
  const spec = arg && literalPath(arg);
  if (spec === undefined || ROUTE_FOLDER.test(spec)) return 'require';
  return spec.slice(spec.lastIndexOf('/') + 1).replace(/-/g, '_');
}

/** The middleware names among `nodes` (arrays flattened) that read as guards. */
function guardsOf(nodes: readonly SgNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (kindOf(n) === 'array') {
      out.push(...guardsOf(n.children().filter((c) => c.isNamed())));
      continue;
    }
    const k = kindOf(n);
    if (k !== 'identifier' && k !== 'member_expression' && k !== 'call_expression') continue;
    const name =
      k === 'call_expression' ? (requiredModule(n) ?? compact(n.field('function') ?? n)) : compact(n);
    if (readsAsGuard(name)) out.push(compact(n));
  }
  return out;
}

function routeOf(call: SgNode): Route | undefined {
  const fn = call.field('function');
  if (!fn || kindOf(fn) !== 'member_expression') return undefined;
  const receiver = fn.field('object');
  const method = fn.field('property')?.text();
  const a = args(call);
  const path = literalPath(a[0]);
  if (!receiver || method === undefined || path === undefined || a.length < 2) return undefined;
  return {
    node: call,
    receiver: compact(receiver),
    method,
    path,
    guards: guardsOf(a.slice(1, -1)),
    handler: a[a.length - 1],
  };
}

/** Path prefixes a guard covers on a receiver (`''`: every route), from its `use`/`all` calls in the file. */
function coveredPrefixes(root: SgNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const call of root.findAll({
    rule: { pattern: '$R.$M($$$)' },
    constraints: { M: { regex: '^(use|all)$' } },
  })) {
    const fn = call.field('function');
    const receiver = fn?.field('object');
    if (!receiver) continue;
    const a = args(call);
    const path = literalPath(a[0]);
    const middleware = path === undefined ? a : a.slice(1);
    if (guardsOf(middleware).length === 0) continue;
    const prefix = (path ?? '').replace(/\/?\*.*$/, '').replace(/\/$/, '');
    const key = compact(receiver);
    out.set(key, [...(out.get(key) ?? []), prefix]);
  }
  return out;
}

function covered(r: Route, prefixes: Map<string, string[]>): boolean {
  return (prefixes.get(r.receiver) ?? []).some((p) => p === '' || r.path === p || r.path.startsWith(`${p}/`));
}

/** The first path segment (`/admin/users/:id` → `admin`), or '' for `/`. */
function segment(path: string): string {
  return path.replace(/^\//, '').split('/')[0] ?? '';
}

/**
 * The routes among `calls` (route registrations: `router.get(path, …handlers)`) that lack the guard most of
 * their siblings share: siblings are the routes of the same receiver and the same kind (reading, or changing
 * state), all of them, or those under the same first path segment.
 */
export function unguardedRoutes(calls: readonly SgNode[]): UnguardedRoute[] {
  const all = calls.map(routeOf).filter((r): r is Route => r !== undefined && !PUBLIC.test(r.path));
  // Too few guarded routes to compare with: the file's `use` calls need not be looked for.
  if (all.filter((r) => r.guards.length > 0).length < MIN_GUARDED) return [];
  const prefixes = coveredPrefixes(all[0]!.node.getRoot().root());
  const routes = all.filter((r) => !covered(r, prefixes));
  const groups = new Map<string, Route[]>();
  const add = (key: string, r: Route): void => {
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  };
  for (const r of routes) {
    const kind = STATE_CHANGING.has(r.method) ? 'change' : r.method === 'all' ? 'all' : 'read';
    add(`${r.receiver}\0${kind}`, r);
    add(`${r.receiver}\0${kind}\0${segment(r.path)}`, r);
  }
  const found = new Map<number, UnguardedRoute>();
  for (const group of groups.values()) {
    const counts = new Map<string, number>();
    for (const r of group) for (const g of new Set(r.guards)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const [guard, guarded] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (guarded < MIN_GUARDED || guarded < SHARE * group.length) continue;
    for (const r of group) {
      if (r.guards.length > 0 || found.has(r.node.id())) continue;
      if (r.handler && checksUserItself(r.handler)) continue;
      const name = r.handler && /^[\w$]+(?:\.[\w$]+)?$/.test(r.handler.text()) ? r.handler.text() : undefined;
      found.set(r.node.id(), {
        node: r.node,
        ...(name === undefined ? {} : { handlerName: name }),
        guard,
        guarded,
        siblings: group.length - 1,
        route: `${r.method.toUpperCase()} ${r.path}`,
      });
    }
  }
  return [...found.values()];
}
