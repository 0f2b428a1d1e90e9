import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from './read-file.js';

describe('readSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vg-read-'));

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(readSource(join(dir, 'pipe'), 1e6)).toEqual({ kind: 'unreadable', message: 'not a regular file' });
  });

  it('refuses a file that grew past the limit after the walk', () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(100));
    expect(readSource(join(dir, 'big'), 10)).toEqual({ kind: 'unreadable', message: 'larger than 10 bytes' });
  });

  it('reads invalid UTF-8 as Latin-1 and sniffs binaries', () => {
    writeFileSync(join(dir, 'latin'), Buffer.from([0x63, 0xe9]));
    expect(readSource(join(dir, 'latin'), 1e6)).toMatchObject({ kind: 'text', text: 'cé', utf8: false });
    writeFileSync(join(dir, 'bin'), Buffer.from([1, 0, 2]));
    expect(readSource(join(dir, 'bin'), 1e6)).toEqual({ kind: 'binary' });
  });
});
