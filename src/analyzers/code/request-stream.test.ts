import { describe, expect, it } from 'vitest';
import { analyzeText, PreparedRules } from './engine.js';
import { languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, parseRuleFile } from './load-rules.js';
import { loadRuleDirs } from './rule-folders.js';

// A generic sink over the built-in request sources: what reaches `sink(…)` from request data.
const TEST_RULES = `
rules:
  - id: test/sink
    title: test sink
    description: test sink
    languages: [javascript, typescript, python]
    severity: high
    confidence: high
    cwe: [74]
    principles: [zoning-containment]
    message: '{source} reaches {sink}: {path}'
    remediation: none
    taint:
      sources: [http]
      sinks:
        - pattern: sink($$$)
          arg: 0
`;

const builtin = loadRuleDirs([BUILTIN_RULES_DIR]);
const rules = new PreparedRules({
  rules: parseRuleFile('test.yaml', TEST_RULES).rules,
  sources: builtin.sources,
  sanitizers: builtin.sanitizers,
});

function lines(code: string, ext = 'js'): number[] {
  return analyzeText(code, languageOf(ext)!, rules).matches.map((m) => m.line);
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

  it('leaves the response of the program’s own request, sockets and files alone', () => {
    const code = [
      "const http = require('http');",
      "http.get('http://example.org/', (res) => {",
      "  let body = '';",
      "  res.on('data', (c) => { body += c; });",
      "  res.on('end', () => sink(body));",
      '});',
      "https.get('/relative/to/agent', (res) => res.on('data', (c) => sink(c)));",
      "require('net').createServer((socket) => socket.on('data', (d) => sink(d)));",
      "fs.createReadStream('a').on('data', (d) => sink(d));",
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
  });
});
