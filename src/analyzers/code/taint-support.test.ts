import { describe, expect, it } from 'vitest';
import { makesHarmlessNumber } from './taint-support.js';

describe('makesHarmlessNumber', () => {
  it('reads arithmetic and bitwise operators as numbers for sinks a number cannot break', () => {
    for (const op of ['-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', '>>>', '-=', '*=', '|='])
      expect(makesHarmlessNumber(op, false, 'html')).toBe(true);
    for (const cls of ['sql', 'path', 'code', 'log', 'header', 'ldap', 'xpath'])
      expect(makesHarmlessNumber('-', false, cls)).toBe(true);
  });

  it('keeps operators that join text or give an operand back', () => {
    for (const op of ['+', '+=', '||', '&&', '??', '||='])
      expect(makesHarmlessNumber(op, false, 'html')).toBe(false);
  });

  it('keeps numbers where their sign or value matters, and every Python operator', () => {
    // `kill -1`: a negative number is an option; a number is a URL's host or port; no class is every class.
    for (const cls of ['shell', 'argv', 'redirect', 'ssrf', 'regex', '*any', undefined])
      expect(makesHarmlessNumber('-', false, cls)).toBe(false);
    // Python: `%` formats text, `*` repeats it, `/` joins paths, `-` makes sets.
    for (const op of ['%', '*', '/', '-']) expect(makesHarmlessNumber(op, true, 'html')).toBe(false);
  });
});
