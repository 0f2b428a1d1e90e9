import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { anchoredPrefix, fixesHost, regexExecInput } from './taint-shapes.js';

describe('fixesHost: constant URL text after which nothing can change the host', () => {
  it.each([
    '/query-table/',
    'db/',
    '?next=',
    '#frag',
    'https://site.example/',
    '//cdn.example/x',
    './',
    '../up',
  ])('%s settles the host', (text) => expect(fixesHost(text)).toBe(true));
  it.each(['/', '//', '/\\', 'https://', 'https://app', 'https:/', 'http:', ''])(
    '%s leaves it open',
    (text) => expect(fixesHost(text)).toBe(false),
  );
});

describe('anchoredPrefix: the text every match of a regular expression literal starts with', () => {
  it.each([
    ['/^\\/topic\\/(\\d+)\\//', '/topic/'],
    ['/^\\/category\\/(\\d+)/', '/category/'],
    ['/^\\/api-v2\\.x/', '/api-v2.x'],
    ['/^\\/topics?\\//', '/topic'],
    ['/\\/topic\\//', ''],
    ['/^\\/topic\\//i', ''],
    ['/^(\\/x)/', ''],
  ])('%s → %j', (re, prefix) => expect(anchoredPrefix(re)).toBe(prefix));
});

describe('regexExecInput: the text a regular expression exec reads, by sink class', () => {
  const call = (code: string) => {
    const root = parse(Lang.JavaScript, code).root();
    const node = root.find({ rule: { kind: 'call_expression', regex: '\\.exec\\(' } })!;
    const callee = node.field('function')!;
    return {
      recv: callee.field('object'),
      method: callee.field('property')?.text(),
      args: node.field('arguments')!.namedChildren(),
    };
  };
  const input = (code: string, sinkClass: string) => {
    const c = call(code);
    return regexExecInput(c.recv, c.method, c.args, () => [], sinkClass)?.text();
  };
  it('passes a built or literal regex over a request on to an outgoing URL (as match does)', () => {
    expect(input(`new RegExp('url=(.+?)$', 'g').exec(req.url)`, 'ssrf')).toBe('req.url');
    expect(input(`/url=(.+?)$/.exec(req.url)`, 'ssrf')).toBe('req.url');
  });
  it('keeps a redirect and a path closed, and a method named exec that is no regex', () => {
    expect(input(`new RegExp('url=(.+?)$').exec(req.url)`, 'redirect')).toBeUndefined();
    expect(input(`/p\\/([^/]+)/.exec(req.url)`, 'path')).toBeUndefined();
    expect(input(`db.exec(req.query.sql)`, 'ssrf')).toBeUndefined();
  });
});
