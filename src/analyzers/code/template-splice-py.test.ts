import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ensurePython } from './languages.js';
import { requestSplice } from './template-splice-py.js';

// A configuration read, as template-settings-py.ts decides it for a Flask module.
const config = (n: { text(): string }): boolean => /^app\.config\[/.test(n.text());

function spliced(body: string, name = 'view'): boolean {
  ensurePython();
  const text = `from flask import request, render_template\n\n\ndef ${name}(**kw):\n${body
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
  return requestSplice(parse('python', text).root(), config);
}

describe('a request-reading function that may give a template names by its own keys', () => {
  it.each([
    [
      'a key computed from the request',
      'ctx = {}\nfor k in request.args:\n    ctx[k] = request.args[k]\nreturn render_template("p.html", **ctx)',
    ],
    [
      'a merged comprehension',
      'f = {k: v for k, v in request.form.items()}\nctx = {"a": 1}\nctx.update(f)\nreturn render_template("p.html", **ctx)',
    ],
    ['a request mapping spliced', 'return render_template("p.html", **request.args.to_dict())'],
    [
      'a mapping merged with |=',
      'ctx = {"a": 1}\nctx |= request.args\nreturn render_template("p.html", **ctx)',
    ],
    [
      'a spliced attribute written under a computed key',
      'self.args[request.args["k"]] = 1\nreturn render_template("p.html", **self.args)',
    ],
    [
      'a key set by setdefault',
      'ctx = {"a": 1}\nctx.setdefault(request.args["k"], 1)\nreturn render_template("p.html", **ctx)',
    ],
    [
      'a parameter spliced',
      'def inner(extra):\n    request.args\n    return render_template("p.html", **extra)\nreturn inner',
    ],
  ])('%s', (_, body) => {
    expect(spliced(body)).toBe(true);
  });

  it.each([
    [
      'literal keys',
      'ctx = {"title": "x"}\nctx["q"] = request.args.get("q")\nreturn render_template("p.html", **ctx)',
    ],
    [
      'dict() of keywords merged',
      'ctx = dict(a=1)\nctx.update(dict(page=request.args.get("p")))\nreturn render_template("p.html", **ctx)',
    ],
    [
      'its own keyword arguments',
      'ctx = {"user": request.args.get("u")}\nctx.update(kw)\nreturn render_template("p.html", **ctx)',
    ],
    [
      'the configuration merged',
      'ctx = {"u": request.args.get("u")}\nctx.update(app.config["TEMPLATE_VARS"])\nreturn render_template("p.html", **ctx)',
    ],
    [
      'a hash updated, not a mapping handed on',
      'h = hashlib.sha256()\nh.update(request.data)\nreturn h.hexdigest()',
    ],
    [
      'a list written by index',
      'rows = [0, 0]\nfor i in range(2):\n    rows[i] = request.args.get(str(i))\nreturn ",".join(rows)',
    ],
  ])('%s', (_, body) => {
    expect(spliced(body)).toBe(false);
  });

  it("a merged mapping a context function returns (Django's get_context_data)", () => {
    const body = 'ctx = {"a": 1}\nctx.update(request.values)\nreturn ctx';
    expect(spliced(body, 'get_context_data')).toBe(true);
    expect(spliced(body, 'allowed_scopes')).toBe(false);
  });

  it('a function that does not read the request', () => {
    ensurePython();
    const root = parse('python', 'def page(extra):\n    return render_template("p.html", **extra)\n').root();
    expect(requestSplice(root, config)).toBe(false);
  });
});
