import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

async function xssLines(name: string, text: string): Promise<number[]> {
  const ctx = makeMemoryContext({ [name]: text }, {}, `/virtual-url-fields-${name}`);
  const found: RawFinding[] = await codeAnalyzer.analyze(makeSourceFile(name, text), ctx);
  return found
    .filter((f) => f.ruleId === 'code/js-xss-response')
    .map((f) => f.location?.startLine ?? 0)
    .sort((a, b) => a - b);
}

const SERVER = (head: string, body: string): string => `${head}
const http = require('http');
http.createServer((req, res) => {
  res.end('Bad target: ' + ${body});
});
`;

describe('a markup-free field of a parsed URL', () => {
  it.each([
    ["const url = require('url');", 'url.parse(req.url.slice(1)).hostname'],
    ["import url from 'node:url';", 'url.parse(req.url.slice(1)).port'],
    ['', "require('url').parse(req.url.slice(1)).host"],
    ["const url = require('url');", 'new url.URL(req.url, "http://x").port'],
    ['', '(new URL(req.url, "http://x")).protocol'],
  ])('is clean: %s %s', async (head, body) => {
    expect(await xssLines('a.mjs', SERVER(head, body))).toEqual([]);
  });

  it.each([
    // A module of the project's own named url, a class of the file named URL, the WHATWG host.
    ["import url from './url.js';", 'url.parse(req.url.slice(1)).hostname'],
    ['class URL { constructor(s) { this.port = s; } }', 'new URL(req.url).port'],
    ['', 'new URL(req.url, "http://x").host'],
    ["const url = require('url');", 'url.parse(req.url.slice(1)).path'],
  ])('is still reported: %s %s', async (head, body) => {
    expect(await xssLines('b.mjs', SERVER(head, body))).toEqual([4]);
  });

  // review37: the parsed object handed on whole, where another name writes its fields.
  it.each([
    ['a copy written', 'const q = p; q.hostname = req.headers.h;'],
    ['a copy assigned later', 'let q; q = p; q.port = req.headers.p;'],
    ['a function of the file given it', 'retarget(p, req);'],
  ])('is still reported: %s', async (_what, step) => {
    const text = `const url = require('url');
const http = require('http');
function retarget(u, r) { u.host = r.headers.h; }
http.createServer((req, res) => {
  const p = url.parse(req.url);
  ${step}
  res.end('Bad target: ' + p.host + p.hostname + p.port);
});
`;
    expect(await xssLines('c.mjs', text)).toEqual([7]);
  });

  it('is clean when the object is only read, or stored into a field', async () => {
    const text = `const url = require('url');
const http = require('http');
http.createServer((req, res) => {
  const p = url.parse(req.url);
  req.state = {}; req.state.location = p;
  res.end('Bad target: ' + p.host);
});
`;
    expect(await xssLines('d.mjs', text)).toEqual([]);
  });
});
