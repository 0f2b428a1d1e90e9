import { describe, expect, it } from 'vitest';
import { OutputPairs } from './outputs.js';

function pairs(args: [string, string][]) {
  const p = new OutputPairs('table');
  for (const [flag, value] of args) (flag === 'format' ? p.format : p.output)(value);
  return p.resolve();
}

describe('--format/--output pairing', () => {
  it('pairs each --output with the --format before it', () => {
    expect(
      pairs([
        ['format', 'sarif'],
        ['output', 'a.sarif'],
        ['format', 'json'],
        ['output', 'a.json'],
      ]),
    ).toEqual([
      { format: 'sarif', output: 'a.sarif' },
      { format: 'json', output: 'a.json' },
    ]);
  });

  it('sends a format without an output to standard output', () => {
    expect(
      pairs([
        ['format', 'table'],
        ['format', 'sarif'],
        ['output', 'a.sarif'],
      ]),
    ).toEqual([{ format: 'table' }, { format: 'sarif', output: 'a.sarif' }]);
  });

  it('defaults to the table on standard output, and an early --output to the table', () => {
    expect(pairs([])).toEqual([{ format: 'table' }]);
    expect(pairs([['output', 'r.txt']])).toEqual([{ format: 'table', output: 'r.txt' }]);
  });

  it('rejects unknown formats and two formats on standard output', () => {
    expect(() => pairs([['format', 'pdf']])).toThrow(/unknown format "pdf"/);
    expect(() =>
      pairs([
        ['format', 'json'],
        ['format', 'sarif'],
      ]),
    ).toThrow(/more than one --format/);
  });
});
