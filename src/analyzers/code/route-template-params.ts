import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

/*
 * A werkzeug, Flask or bottle route passes its function the URL parts its template names
 * (`@app.route('/<database_name>/data/<model>')`) and nothing else: any other parameter is put there by a
 * decorator between the route and the function. What such a parameter holds depends on the decorator. When
 * the template names a part the function does not take, a decorator has taken that part and passes what it
 * built from it in its place (tryton's `@with_pool` turns `database_name` into the database's pool, a
 * `@load_object` turns an id into the stored record): the program's own object, not the request's text.
 * Decorators that inject the request's data (webargs' `@use_args`, flask-smorest's `@blp.arguments`,
 * flask-pydantic's `@validate`) leave the URL parts to the function, so their parameters stay sources; so does
 * every parameter of a function whose decorators read input by their name, and of one that takes `**kwargs`.
 * FastAPI and Starlette templates (`/{id}`) are not read: there a parameter the template does not name is a
 * query parameter. A decorator defined in the same module is read (`passesPartOn`); one imported from another
 * module is taken at its shape above.
 */

const ROUTE = /^@(?:\w+\.)?(?:get|post|put|patch|delete|route)\(\s*(?:rule\s*=\s*)?(['"])([^'"\n]*)\1/;
/** `<name>`, `<int:name>`, `<any(a, b):name>`, `<path:name>`; bottle's `<name:re:…>` names its part first. */
const PART = /<(?:[\w.]+(?:\([^)>]*\))?:)?(\w+)(?::[^>]*)?>/g;
/** A decorator that reads the request's input by its name (webargs, flask-smorest, flask-pydantic, marshmallow…). */
const READS_INPUT =
  /(?:use_(?:kw)?args|arguments|validate|expects?|accepts|input|body|schema|json|form|query|params|payload)\b/i;

/** The URL parts a werkzeug-style route template names, or undefined for a template with `{…}` parts. */
function templateParts(decorator: string): string[] | undefined {
  const m = ROUTE.exec(decorator);
  if (!m?.[2] || m[2].includes('{')) return undefined;
  return [...m[2].matchAll(PART)].map((p) => p[1] ?? '');
}

/** A Python parameter's name (`x`, `x=1`, `x: int`); '' for `*args`, `**kwargs` and the like. */
function paramNameOf(p: SgNode): string {
  const k = kindOf(p);
  if (k === 'identifier') return p.text();
  if (k === 'default_parameter' || k === 'typed_default_parameter') return p.field('name')?.text() ?? '';
  if (k === 'typed_parameter')
    return (
      p
        .namedChildren()
        .find((c) => kindOf(c) === 'identifier')
        ?.text() ?? ''
    );
  return '';
}

/**
 * Whether `name`, a parameter of the Python function `fn`, is put there by a decorator that took a URL part of
 * the function's route in its place (see above): then it is not request data.
 */
export function injectedForRoutePart(fn: SgNode, name: string): boolean {
  const decorated = fn.parent();
  if (!decorated || kindOf(decorated) !== 'decorated_definition') return false;
  const decorators = decorated.children().filter((c) => kindOf(c) === 'decorator');
  let parts: string[] | undefined;
  for (const d of decorators) {
    const text = d.text();
    const named = templateParts(text);
    if (named) parts = [...(parts ?? []), ...named];
    else if (READS_INPUT.test(text)) return false;
  }
  if (!parts || parts.length === 0 || parts.includes(name)) return false;
  const params = fn.field('parameters')?.namedChildren() ?? [];
  if (params.some((p) => kindOf(p) === 'dictionary_splat_pattern')) return false;
  const names = new Set(params.map(paramNameOf));
  const taken = parts.filter((p) => !names.has(p));
  if (taken.length === 0) return false;
  // A decorator the module defines is read: one whose wrapper hands the wrapped function the part itself or
  // text made from it (`f(path.strip('/'))`, `f(unquote(path))`) passes the request's text on under another
  // name. Only an object built from the part by a class (`f(request, Pool(database_name))`) is the program's.
  const root = decorated.parent();
  return !decorators.some((d) => passesPartOn(d, taken, root));
}

/**
 * Whether the decorator `d`, defined in the module `root`, calls what it wraps with text made from a part: also
 * through a name its wrapper binds to such text (`rel = path.strip('/')`), a part read from the keyword
 * arguments (`kwargs.pop('path')`), and in a decorator factory (`@normalized('\\')`, whose inner function takes
 * what is wrapped).
 */
function passesPartOn(d: SgNode, taken: string[], root: SgNode | null): boolean {
  const m = /^@([A-Za-z_]\w*)\s*(?:\([^]*\))?\s*$/.exec(d.text());
  if (!m || !root) return false;
  const def = root
    .children()
    .map((c) => (kindOf(c) === 'decorated_definition' ? c.field('definition') : c))
    .find((c) => c && kindOf(c) === 'function_definition' && c.field('name')?.text() === m[1]);
  if (!def) return false;
  // What is wrapped: the first parameter of the decorator, or of a function inside it (a factory's decorator).
  const wrapped = new Set<string>();
  for (const fn of [def, ...def.findAll({ rule: { kind: 'function_definition' } })]) {
    const first = fn.field('parameters')?.namedChildren()[0];
    if (first && kindOf(first) === 'identifier') wrapped.add(first.text());
  }
  const names = new Set(taken);
  const carries = (v: SgNode): boolean => {
    const built = kindOf(v) === 'call' && BUILDS.test(v.field('function')?.text() ?? '');
    return (
      !built &&
      (names.has(v.text()) ||
        v.findAll({ rule: { any: [{ kind: 'identifier' }, { kind: 'string' }] } }).some(mentions))
    );
  };
  const mentions = (n: SgNode): boolean =>
    kindOf(n) === 'string' ? taken.includes(stringValue(n.text())) : names.has(n.text());
  // Names the decorator binds to text made from a part, until no more are found.
  const assignments = def.findAll({
    rule: { kind: 'assignment', has: { field: 'left', kind: 'identifier' } },
  });
  for (let grew = true; grew;) {
    grew = false;
    for (const a of assignments) {
      const left = a.field('left')?.text() ?? '';
      const right = a.field('right');
      if (!names.has(left) && right && carries(right)) {
        names.add(left);
        grew = true;
      }
    }
  }
  const calls = def.findAll({ rule: { kind: 'call', has: { field: 'function', kind: 'identifier' } } });
  return calls.some(
    (call) =>
      wrapped.has(call.field('function')?.text() ?? '') &&
      (call.field('arguments')?.namedChildren() ?? []).some((arg) => {
        const v = kindOf(arg) === 'keyword_argument' ? arg.field('value') : arg;
        return !!v && carries(v);
      }),
  );
}

/**
 * A class that builds the program's own object from a part (`Pool(database_name)`); not a path class of
 * pathlib (`Path(path)`, `PurePosixPath(p)`) or `Markup`, whose object is the same text.
 */
const BUILDS = /^(?![\w.]*(?:Path|Markup)$)(?:[\w.]+\.)?[A-Z]\w*$/;

/** The text of a Python string literal without its prefix and quotes (`'path'`, `r"x"`). */
function stringValue(text: string): string {
  return /^[A-Za-z]*(['"]{1,3})([^]*)\1$/.exec(text)?.[2] ?? '';
}
