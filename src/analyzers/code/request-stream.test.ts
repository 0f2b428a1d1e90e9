import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

// The built-in command-injection rule: what reaches `cp.execSync(…)` from request data.
const rules = rulesFor();
const only = new Set(['code/js-command-injection', 'code/py-command-injection']);

function lines(code: string, ext = 'js'): number[] {
  const head = ext === 'py' ? 'import os\n' : "const cp = require('child_process');\n";
  const text = head + code.replaceAll('sink(', ext === 'py' ? 'os.system(' : 'cp.execSync(');
  return analyzeText(text, languageOf(ext)!, rules, only).matches.map((m) => m.line - 1);
}

const server = (body: string): string =>
  ["const http = require('http');", 'http.createServer((req, res) => {', body, '}).listen(8080);'].join('\n');

describe('a request body read by its stream events', () => {
  it.each([
    ['a chunk used where it arrives', `req.on('data', (chunk) => sink(chunk));`],
    [
      'a string added to in one listener, read in another',
      `let body = '';\nreq.on('data', (c) => { body += c; });\nreq.on('end', () => sink(body));`,
    ],
    [
      'chunks pushed, then Buffer.concat',
      `const parts = [];\nreq.on('data', (c) => parts.push(c));\nreq.on('end', () => sink(Buffer.concat(parts).toString()));`,
    ],
    [
      'a field of the parsed body',
      `let raw = '';\nreq.once('data', (c) => { raw = raw + c; });\nreq.on('end', () => { const o = JSON.parse(raw); sink(o.path); });`,
    ],
    [
      'a variable declared without a value',
      `let body;\nreq.on('data', (c) => { body = c; });\nreq.on('end', () => sink(body));`,
    ],
  ])('%s', (_name, body) => {
    expect(lines(server(body))).toHaveLength(1);
  });

  it('takes a handler request of any name that a framework source marks', () => {
    const code = [
      "const app = require('express')();",
      "app.post('/jobs', (r, w) => {",
      "  let b = '';",
      "  r.on('data', (c) => { b += c; });",
      "  r.on('end', () => sink(b));",
      '});',
    ].join('\n');
    expect(lines(code)).toEqual([5]);
  });

  it('leaves the response of the program’s own request and files alone', () => {
    const code = [
      "const http = require('http');",
      "http.get('http://example.org/', (res) => {",
      "  let body = '';",
      "  res.on('data', (c) => { body += c; });",
      "  res.on('end', () => sink(body));",
      '});',
      "https.get('/relative/to/agent', (res) => res.on('data', (c) => sink(c)));",
      "fs.createReadStream('a').on('data', (d) => sink(d));",
      "client.get(url, (res) => res.on('data', (c) => sink(c)));",
      'client.get({ host, path }, function (res) { sink(res.headers.location); });',
      'const request = http.request(opts);',
      "request.on('data', (d) => sink(d));",
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });
});

describe("a function's variable written in one closure and read in another", () => {
  it('follows a request value written by one callback to a sibling', () => {
    expect(
      lines(
        server(`let v = '';\nreq.on('close', () => { v += req.headers.a; });\nsetTimeout(() => sink(v), 1);`),
      ),
    ).toEqual([5]);
  });

  it('does not take a closure’s own variable of the same name', () => {
    const own = `let v = 'x';\nreq.on('data', (c) => { let v = ''; v += c; });\nreq.on('end', () => sink(v));`;
    const param = `let v = 'x';\nreq.on('data', (v) => { v += '!'; });\nreq.on('end', () => sink(v));`;
    expect(lines(server(own))).toEqual([]);
    expect(lines(server(param))).toEqual([]);
  });

  it('does not take the key of a keyed store written in a closure for its values', () => {
    const code = `const cache = new Map();\nreq.on('close', () => { cache.set(req.url, 'page'); });\nsetTimeout(() => sink(cache.get('/')), 1);`;
    expect(lines(server(code))).toEqual([]);
  });

  it('does not let a write reach a read inside a closure that declares the name', () => {
    const code = `let v = '';\nreq.on('data', (c) => { v += c; });\nreq.on('end', () => { const v = 'fixed'; sink(v); });`;
    expect(lines(server(code))).toEqual([]);
  });

  it('leaves a module-level variable and Python closures as they were', () => {
    const moduleLevel = `let cache = '';\nfunction put(req, res) { cache = req.query.a; }\nfunction get() { sink(cache); }`;
    expect(lines(moduleLevel)).toEqual([]);
    const py = [
      'from flask import request',
      'def view():',
      "    v = ''",
      '    def put():',
      "        v = request.args['a']",
      '    def use():',
      '        sink(v)',
    ].join('\n');
    expect(lines(py, 'py')).toEqual([]);
    // The same read where the value is written is found (the rule runs on this module).
    expect(lines(py.replace('        sink(v)', "        sink(request.args['a'])"), 'py')).toEqual([7]);
  });
});
