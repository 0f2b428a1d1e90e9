import { describe, expect, it } from 'vitest';
import { fixesHost } from './taint-shapes.js';

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
