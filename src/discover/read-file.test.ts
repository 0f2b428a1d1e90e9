import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead, readSource } from './read-file.js';

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

describe('readHead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vg-head-'));

  it('reads the start of a regular file and nothing else: no FIFO wait, no link followed', () => {
    writeFileSync(join(dir, 'lib.js'), '/* Ext JS Library 3.4.0 */ code');
    expect(readHead(join(dir, 'lib.js'), 10)).toBe('/* Ext JS ');
    execFileSync('mkfifo', [join(dir, 'pipe.js')]);
    expect(readHead(join(dir, 'pipe.js'), 10)).toBeUndefined();
    symlinkSync(join(dir, 'lib.js'), join(dir, 'link.js'));
    expect(readHead(join(dir, 'link.js'), 10)).toBeUndefined();
    expect(readHead(join(dir, 'missing.js'), 10)).toBeUndefined();
  });
});

describe('wide text encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vg-wide-'));
  const text = 'token = "abc"\nsecond line ✓ 𝄞\n';
  const be16 = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
  const u32 = (s: string, le: boolean): Buffer => {
    const cps = [...s].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  };
  it.each([
    [
      'utf-16le',
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ],
    ['utf-16le', 'UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ['utf-16be', 'UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be16(text)])],
    ['utf-16be', 'UTF-16BE without BOM', be16(text)],
    ['utf-32le', 'UTF-32LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), u32(text, true)])],
    ['utf-32le', 'UTF-32LE without BOM', u32(text, true)],
    ['utf-32be', 'UTF-32BE with BOM', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), u32(text, false)])],
    ['utf-32be', 'UTF-32BE without BOM', u32(text, false)],
  ])('decodes %s (%s)', (encoding, name, bytes) => {
    const file = join(dir, name.replace(/\W+/g, '-'));
    writeFileSync(file, bytes);
    const r = readSource(file, 1e6);
    expect(r).toMatchObject({ kind: 'text', text, encoding });
    if (r.kind === 'text') expect(r.bytes.toString('utf8')).toBe(text);
  });

  it('still calls real binaries binary', () => {
    writeFileSync(
      join(dir, 'png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
    );
    expect(readSource(join(dir, 'png'), 1e6)).toEqual({ kind: 'binary' });
  });
});
