import { describe, expect, it } from 'vitest';
import { ruleLines } from '../../../test/helpers/rule-lines.js';

const ssrfLines = (lines: string[]): number[] => ruleLines('code/js-ssrf', lines);

const head = ["const app = require('express')();", "const axios = require('axios');"];

describe('an options object literal bound to a name the request reads whole', () => {
  it('leaves request data in fields that never choose the destination (params, headers, data)', () => {
    for (const field of ['params: { token: req.query.t }', 'headers: { a: req.query.t }', 'data: req.body'])
      expect(
        ssrfLines([
          ...head,
          `app.get('/', (req) => { const o = { url: STORED, ${field} }; return axios.request(o); });`,
        ]),
        field,
      ).toEqual([]);
  });

  it('reports request data in its URL fields, in a spread, or written into the URL later', () => {
    const bad = [
      "app.get('/', (req) => { const o = { url: req.query.u, params: {} }; return axios.request(o); });",
      "app.get('/', (req) => { const o = { baseURL: req.query.u }; return axios.request(o); });",
      "app.get('/', (req) => { const o = { ...req.query }; return axios.request(o); });",
      "app.get('/', (req) => { const o = { params: {} }; o.url = req.query.u; return axios.request(o); });",
    ];
    for (const b of bad) expect(ssrfLines([...head, b]), b).toEqual([3]);
  });

  it('keeps every field when the name goes to a call that passes objects on (url.format)', () => {
    const line =
      "app.get('/', (req) => { const o = { query: req.query }; return axios.get(require('url').format(o)); });";
    expect(ssrfLines([...head, line])).toEqual([3]);
  });

  it('keeps every field when the name is handed to another call, which may write its URL (Object.assign, merge)', () => {
    const bad = [
      "app.get('/', (req) => { const o = { params: { q: req.query.q } }; Object.assign(o, req.body); return axios.request(o); });",
      "app.get('/', (req) => { const o = { params: { q: req.query.q } }; _.merge(o, { url: req.query.u }); return axios.request(o); });",
    ];
    for (const b of bad) expect(ssrfLines([...head, b]), b).toEqual([3]);
  });
});
