import type { Readable } from 'node:stream';

/**
 * Splits a byte stream into lines (without the newline). A line longer than `maxLine` is cut to its
 * first `maxLine` bytes and the rest is dropped, so one huge line cannot exhaust memory.
 */
export async function* splitLines(stream: Readable, maxLine: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (!overflow) parts.push(chunk.subarray(start, Math.min(nl, start + (maxLine - size))));
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      size = 0;
      overflow = false;
      start = nl + 1;
    }
    if (start < chunk.length && !overflow) {
      const piece = chunk.subarray(start, start + (maxLine - size));
      // Copy: the chunk may be reused by the stream once we yield control.
      parts.push(Buffer.from(piece));
      size += piece.length;
      overflow = size >= maxLine;
    }
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
