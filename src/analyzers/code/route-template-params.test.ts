import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ensurePython } from './languages.js';
import { injectedForRoutePart } from './route-template-params.js';

/** Whether `name` of the file's last top-level function is put there by a decorator in place of a URL part. */
function injected(code: string, name: string): boolean {
  ensurePython();
  const fn = parse('python', code)
    .root()
    .findAll({ rule: { kind: 'function_definition', inside: { kind: 'decorated_definition' } } })
    .at(-1);
  if (!fn) throw new Error('no function in the example');
  return injectedForRoutePart(fn, name);
}

describe('parameters a decorator puts in place of a URL part', () => {
  it('takes the parameter a decorator built from a part the function does not take', () => {
    const code = `@app.route('/<database_name>/data/<model>')\n@with_pool\ndef data(request, pool, model):\n    pass\n`;
    expect(injected(code, 'pool')).toBe(true);
    expect(injected(code, 'model')).toBe(false);
  });

  it("keeps the parameter a source when the module's own decorator passes the part's text on", () => {
    const strip = `def stripped(f):\n    def wrapper(path):\n        return f(path.strip('/'))\n    return wrapper\n\n@app.route('/files/<path>')\n@stripped\ndef show(rel):\n    pass\n`;
    expect(injected(strip, 'rel')).toBe(false);
    const kw = `def unquoted(func):\n    def wrapper(name):\n        return func(rel=unquote(name))\n    return wrapper\n\n@app.route('/f/<name>')\n@unquoted\ndef show(rel):\n    pass\n`;
    expect(injected(kw, 'rel')).toBe(false);
    const pool = `def with_pool(func):\n    def wrapper(request, database_name, *args):\n        pool = Pool(database_name)\n        return func(request, pool, *args)\n    return wrapper\n\n@app.route('/<database_name>/data')\n@with_pool\ndef data(request, pool):\n    pass\n`;
    expect(injected(pool, 'pool')).toBe(true);
    const built = `def with_pool(func):\n    def wrapper(request, database_name):\n        return func(request, Pool(database_name))\n    return wrapper\n\n@app.route('/<database_name>/data')\n@with_pool\ndef data(request, pool):\n    pass\n`;
    expect(injected(built, 'pool')).toBe(true);
  });

  it('follows the wrapper through a name, the keyword arguments, a pathlib path and a decorator factory', () => {
    const local = `def stripped(f):\n    def wrapper(path):\n        rel = path.strip('/')\n        return f(rel)\n    return wrapper\n\n@app.route('/files/<path>')\n@stripped\ndef show(rel):\n    pass\n`;
    expect(injected(local, 'rel')).toBe(false);
    const kwargs = `def moved(f):\n    def wrapper(*args, **kwargs):\n        rel = kwargs.pop('path')\n        return f(rel, *args, **kwargs)\n    return wrapper\n\n@app.route('/files/<path>')\n@moved\ndef show(rel):\n    pass\n`;
    expect(injected(kwargs, 'rel')).toBe(false);
    const pathlib = `def as_path(f):\n    def wrapper(path):\n        return f(pathlib.Path(path))\n    return wrapper\n\n@app.route('/files/<path>')\n@as_path\ndef show(rel):\n    pass\n`;
    expect(injected(pathlib, 'rel')).toBe(false);
    const factory = `def normalized(sep):\n    def deco(f):\n        def wrapper(path):\n            return f(path.replace(sep, '/'))\n        return wrapper\n    return deco\n\n@app.route('/files/<path>')\n@normalized('x')\ndef show(rel):\n    pass\n`;
    expect(injected(factory, 'rel')).toBe(false);
    // A factory whose wrapper builds the program's object from the part, through a name: still the program's.
    const built = `def with_pool(mode):\n    def deco(func):\n        def wrapper(request, *args, **kwargs):\n            pool = Pool(kwargs.pop('database_name'))\n            return func(request, pool, *args, **kwargs)\n        return wrapper\n    return deco\n\n@app.route('/<database_name>/data')\n@with_pool('r')\ndef data(request, pool):\n    pass\n`;
    expect(injected(built, 'pool')).toBe(true);
  });

  it('reads converters and bottle filters for the part names', () => {
    const code = `@app.route('/avatar/<base64:database_name>/<uuid>')\n@with_pool\ndef avatar(request, pool, uuid):\n    pass\n`;
    expect(injected(code, 'pool')).toBe(true);
    const bottle = `@route('/<db:re:[a-z]+>/x')\n@with_conn\ndef x(conn):\n    pass\n`;
    expect(injected(bottle, 'conn')).toBe(true);
  });

  it("leaves the parameter a source when every part is the function's own", () => {
    const code = `@app.route('/items/<item_id>')\n@use_args(schema)\ndef item(args, item_id):\n    pass\n`;
    expect(injected(code, 'args')).toBe(false);
  });

  it('leaves it a source beside a decorator that reads input, **kwargs, or a FastAPI template', () => {
    const reads = `@app.route('/<db>/search')\n@with_pool\n@use_args(schema)\ndef search(pool, args):\n    pass\n`;
    expect(injected(reads, 'args')).toBe(false);
    const kwargs = `@app.route('/<db>/x')\n@with_pool\ndef x(pool, **kwargs):\n    pass\n`;
    expect(injected(kwargs, 'pool')).toBe(false);
    const fastapi = `@app.get('/{db}/items')\nasync def items(q: str):\n    pass\n`;
    expect(injected(fastapi, 'q')).toBe(false);
  });
});
