/**
 * Route parameters a module's Express router validates where it declares them. `app.param('name', fn)` /
 * `router.param('name', fn)` runs `fn` before every route of that router with `:name`, and `fn` may refuse
 * the value (`next(err)`, `next('route')`, a 4xx answer). Such a parameter read in the same module
 * (`req.params.name`) has passed the application's own check, so it is no request data to the taint rules,
 * as a value passing a predicate named for checking paths (`isSafePath(p)`) is no path traversal.
 *
 * A callback counts as a validator when its name says it checks (`validate_name`, `checkId`,
 * `match(/^-rev$/)`), or when it is written in place and both tests the value (`re.test(value)`,
 * `value.match(…)`, `list.includes(value)`, `set.has(value)`, a call named for checking given it; the value
 * is its fourth parameter or `req.params.name`) and can refuse it. A loader that only fetches a record
 * (`User.findById(id, …)` and `next()`) validates nothing, nor does a login check that refuses whatever the
 * value (`if (!req.session.user) return res.status(403)…`): neither is taken.
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

const CHECKING = /(valid|check|verif|saniti[sz]|ensure|assert|match|allow)/i;
const REFUSES = /\bnext\s*\(\s*[^)\s]|\.(status|sendStatus)\s*\(\s*4\d\d|\bthrow\b/;
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

/**
 * The route parameters validated with `.param(name, validator)` in the module at `root`, each with the
 * receivers (`app`, `router`) that declare the check.
 */
export function validatedParams(root: SgNode): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  if (!/\.param\s*\(\s*['"]/.test(root.text())) return out;
  const calls = root.findAll({
    rule: {
      kind: 'call_expression',
      has: { field: 'function', kind: 'member_expression', regex: '\\.param$' },
    },
  });
  for (const call of calls) {
    const args = call.field('arguments')?.namedChildren() ?? [];
    const [name, fn] = args;
    if (args.length !== 2 || !name || !fn || kindOf(name) !== 'string') continue;
    const param = name.text().slice(1, -1);
    if (!validates(fn, param)) continue;
    const receiver = call.field('function')?.field('object')?.text() ?? '';
    out.set(param, (out.get(param) ?? new Set()).add(receiver));
  }
  return out;
}

const ROUTE = /^(?:get|post|put|delete|patch|all|head|options|use|route)$/;

/**
 * Whether `param` read at `use` has passed a check: Express runs a param callback only for the routes of
 * the router that declares it, so a use inside a handler registered on another router (`pub.get(…)` beside
 * `admin.param(…)`) has not. A handler written apart, whose registration is not around it, is taken as
 * checked when any router of the module checks the parameter.
 */
export function validatedParamAt(
  validated: ReadonlyMap<string, ReadonlySet<string>>,
  param: string,
  use: SgNode,
): boolean {
  const receivers = validated.get(param);
  if (!receivers) return false;
  for (let n = use.parent(), depth = 0; n && depth < 256; n = n.parent(), depth++) {
    if (kindOf(n) !== 'call_expression') continue;
    const callee = n.field('function');
    if (!callee || kindOf(callee) !== 'member_expression') continue;
    if (!ROUTE.test(callee.field('property')?.text() ?? '')) continue;
    // `router.get(…)`, or `router.route('/x').get(…)`: the router is the chain's first object.
    let object = callee.field('object');
    while (object && kindOf(object) === 'call_expression')
      object = object.field('function')?.field('object') ?? null;
    if (object) return receivers.has(object.text());
  }
  return true;
}

function validates(fn: SgNode, param: string): boolean {
  const k = kindOf(fn);
  if (k === 'identifier' || k === 'member_expression') return CHECKING.test(lastName(fn.text()));
  if (k === 'call_expression') return CHECKING.test(lastName(fn.field('function')?.text() ?? ''));
  if (FUNCTIONS.has(k)) {
    const body = fn.field('body')?.text() ?? '';
    const value = fn.field('parameters')?.namedChildren()[3];
    const names = [`(?:req|request)\\.params\\.${escapeRegex(param)}`];
    if (value && kindOf(value) === 'identifier') names.push(escapeRegex(value.text()));
    return REFUSES.test(body) && names.some((v) => tests(v).test(body));
  }
  return false;
}

/** A test of the value `v` (a regex source): `re.test(v)`, `list.includes(v)`, `v.match(…)`, `isValid(v)`. */
function tests(v: string): RegExp {
  const end = '(?![\\w$])';
  return new RegExp(
    `\\.(?:test|match|includes|has)\\s*\\(\\s*${v}${end}|(?:^|[^\\w$.])${v}\\s*\\.\\s*(?:test|match|startsWith|endsWith)\\s*\\(|` +
      `\\b\\w*(?:valid|check|verif|saniti[sz]|allow)\\w*\\s*\\(\\s*${v}${end}`,
    'i',
  );
}

function lastName(text: string): string {
  return text.slice(text.lastIndexOf('.') + 1);
}

/** The route parameter a request member's access path reads (`req.params.tag` → `tag`), else undefined. */
export function routeParamOf(srcPath: string): string | undefined {
  return /^(?:req|request)\.params\.([\w$]+)$/.exec(srcPath)?.[1];
}
