import { describe, expect, it } from 'vitest';
import { fixLines, sanitizeForTerminal } from './table.js';

describe('table sanitising', () => {
  it('neutralises escape sequences, line breaks and bidirectional overrides from file content', () => {
    expect(sanitizeForTerminal('esc\x1b[31mred.txt')).toBe('esc?[31mred.txt');
    expect(sanitizeForTerminal('new\nline.txt:1')).toBe('new?line.txt:1');
    expect(sanitizeForTerminal('invoice\u202Etxt.exe')).toBe('invoice?txt.exe');
    expect(sanitizeForTerminal('plain path/é.ts')).toBe('plain path/é.ts');
  });
});

describe('table fix lines', () => {
  it('prints a multi-line fix as indented lines, each sanitised', () => {
    const fix =
      'Declare least privilege:\n```yaml\npermissions:\n  contents: read\n```\r\nthen \x1b[31mwiden';
    expect(fixLines(fix)).toEqual([
      '         fix: Declare least privilege:',
      '              ```yaml',
      '              permissions:',
      '                contents: read',
      '              ```',
      '              then ?[31mwiden',
    ]);
    expect(fixLines('One line.')).toEqual(['         fix: One line.']);
  });
});
