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

/** The names of the route parameters validated with `.param(name, validator)` in the module at `root`. */
export function validatedParams(root: SgNode): ReadonlySet<string> {
  const out = new Set<string>();
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
    if (validates(fn, name.text().slice(1, -1))) out.add(name.text().slice(1, -1));
  }
  return out;
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
