import { describe, expect, it } from 'vitest';
import { anchoredPrefix, fixesHost } from './taint-shapes.js';

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
