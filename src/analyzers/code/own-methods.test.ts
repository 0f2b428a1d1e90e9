import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';
import { cpuGrowth } from '../../../test/helpers/scaling.js';
import { ruleLines } from '../../../test/helpers/rule-lines.js';

const JS = languageOf('js')!;
const SSRF = new Set(['code/js-ssrf']);

const ssrfLines = (lines: string[]): number[] => ruleLines('code/js-ssrf', lines);

describe('calls of the module own methods', () => {
  const own = [
    'const api = { get(id) { return Promise.resolve(id); } };',
    "const app = require('express')();",
    "const axios = require('axios');",
  ];

  it('are not a library sink where the name is the module object', () => {
    expect(ssrfLines([...own, "app.get('/', (req) => api.get(req.query.url));"])).toEqual([]);
  });

  it('are a possible library call wherever another binding of the name hides the object', () => {
    const hidden = [
      "app.get('/a', (req) => { const { api } = req.app.locals; return api.get(req.query.url); });",
      "app.get('/b', (req) => { for (const api of clients) api.get(req.query.url); });",
      "app.get('/c', (req) => { let api = pick(); return api.get(req.query.url); });",
      "app.get('/d', (req) => { function api() {} return api.get(req.query.url); });",
      "function e(api, req) { return api.get(req.query.url); }\napp.get('/e', (req) => e(axios, req));",
      "app.get('/f', (req) => [axios].map((api) => api.get(req.query.url)));",
      // A `var` is the function's, not its loop's or block's: it hides the object after them too.
      "app.get('/g', (req) => { for (var api of [axios]); return api.get(req.query.url); });",
      "app.get('/h', (req) => { if (req.query.p) { var { api } = req.app.locals; } return api.get(req.query.url); });",
    ];
    for (const h of hidden) expect(ssrfLines([...own, h]), h).toEqual([4]);
    // Destructured into the name anywhere: the object may be replaced, no call of it is taken as its own.
    expect(
      ssrfLines([...own, "app.get('/', (req) => api.get(req.query.url));", '({ api } = other);']),
    ).toEqual([4]);
  });

  it('are the library call where the method hands it to its parent class (super.get)', () => {
    const sub = [
      "const app = require('express')();",
      "const { Axios } = require('axios');",
      'class Api extends Axios { get(url) { return super.get(url); } }',
      'const api = new Api();',
      "app.get('/', (req) => api.get(req.query.url));",
    ];
    expect(ssrfLines(sub)).toEqual([5]);
  });

  it('are told apart in linear time in a block of thousands of calls', () => {
    const calls = (n: number): string =>
      [
        ...own,
        "app.get('/', (req) => {",
        ...Array.from({ length: n }, (_, i) => `  api.get(req.query.a${i});`),
        '});',
        '',
      ].join('\n');
    const rules = rulesFor();
    // Eight times the input: about eight times the time when linear, 64 when quadratic.
    expect(
      cpuGrowth((n) => expect(analyzeText(calls(n), JS, rules, SSRF).matches).toHaveLength(0), 300, 2400),
    ).toBeLessThan(24);
  }, 120_000);
});
