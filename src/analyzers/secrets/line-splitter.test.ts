import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { splitLines } from './line-splitter.js';

async function collect(chunks: string[], max: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of splitLines(Readable.from(chunks.map((c) => Buffer.from(c))), max))
    out.push(line.toString());
  return out;
}

describe('splitLines', () => {
  it('joins lines split across chunks and keeps a last line without a newline', async () => {
    expect(await collect(['ab', 'c\nde', '\n\nf'], 100)).toEqual(['abc', 'de', '', 'f']);
  });

  it('cuts a line longer than the limit to its first bytes and goes on with the next', async () => {
    expect(await collect(['0123', '4567', '89\nok\n'], 5)).toEqual(['01234', 'ok']);
    expect(await collect(['0123456789\nok'], 5)).toEqual(['01234', 'ok']);
  });
});
