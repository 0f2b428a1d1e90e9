import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import RE2 from 're2';
import { describe, expect, it } from 'vitest';
import { passes } from './text-facts.js';
import { textNeeds, withoutLookarounds } from './text-needs.js';

// Shapes of the source labels' triggers and the rules' prefilters, and the shapes the reader must refuse.
const TESTS: { test(text: string): boolean; source: string; flags: string }[] = [
  /(?<![\w$])(?:req|request)\s*\??\.\s*(?:query|body|params)(?![\w$])/,
  /\}\s*=\s*(?:await\s+)?(?:window)(?![\w$])/,
  /(?<![\w$])(?:document)\s*\[\s*['"](?:URL|referrer)['"]/,
  /export\s+(?:async\s+)?function\s+(?:GET|POST)\b/,
  /\.(?:startsWith\(\s*[^\s'")]|indexOf\(\s*[^\s'")][^;]*?\)\s*!?==?\s*0)/,
  /a(?=b)c|import(?!er)/,
  /\ba\b-x/,
  /x[[]y|z/,
  /\x41BC/,
  /(?:ab)(?=cd){2}/,
  /MiXeD/i,
  new RE2('\\b(?:socket|client)\\.on(?:ce)?\\(\\s*[\'"`]', 'u'),
  new RE2('[\'"`]http-proxy-middleware[\'"`]', 'u'),
];

describe('textNeeds', () => {
  it('leaves out look-arounds, and refuses what the two syntaxes read apart', () => {
    expect(withoutLookarounds('(?<![\\w$])(?:req)\\.x(?![\\w$])')).toBe('(?:req)\\.x');
    expect(withoutLookarounds('a(?=b(c)d)e')).toBe('ae');
    expect(withoutLookarounds('[(?=]x')).toBe('[(?=]x');
    for (const refused of [
      '\\ab',
      '\\x41',
      '(a)\\1',
      '\\k<n>',
      '[[a]b',
      '[]a]',
      '[^]a',
      '(?=a)*b',
      'a)',
      '(a',
      '[a',
    ])
      expect(withoutLookarounds(refused)).toBeUndefined();
    expect(textNeeds(/(?<![\w$])(?:req|request)\s*\??\.\s*(?:query|body)(?![\w$])/)).toEqual([
      ['req'],
      ['body', 'query'],
    ]);
    expect(textNeeds(/import(?!er)/)).toEqual([['import']]);
    expect(textNeeds(/MiXeD/i)).toEqual([]);
    expect(textNeeds(/abc/g)).toEqual([]);
    expect(textNeeds(/\x41BC/)).toEqual([]);
    expect(textNeeds(/x[[]y|z/)).toEqual([]);
    expect(textNeeds(/(?:ab)(?=cd){2}/)).toEqual([]);
    expect(textNeeds(new RE2('[\'"`]http-proxy-middleware[\'"`]', 'u'))).toEqual([['http-proxy-middleware']]);
  });

  it('never rules out a text the test passes, and passes answers as the test does', () => {
    const dir = join(__dirname);
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .slice(0, 120)
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    texts.push(
      'const { a } = window; req.query.x; document["URL"]; export async function GET() {}',
      'x.startsWith(p) && y.indexOf(q) === 0; import a; importer; abc; ac; a-x; AB; xy; z; ABC; abcdcd',
      "socket.on('data'); require('http-proxy-middleware'); mixed",
    );
    let passed = 0;
    for (const test of TESTS) {
      const needs = textNeeds(test);
      for (const text of texts) {
        const want = test.test(text);
        if (want) {
          passed++;
          for (const set of needs) expect(set.some((lit) => text.includes(lit))).toBe(true);
        }
        expect(passes(text, test)).toBe(want);
      }
    }
    expect(passed).toBeGreaterThan(10);
  });
});
