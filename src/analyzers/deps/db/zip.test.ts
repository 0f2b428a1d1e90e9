import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VanguardError } from '../../../core/errors.js';
import { zipEntries } from './zip.js';

const FILES = {
  'a/one.json': '{"id":"A","modified":"x"}',
  'two.json': '{"id":"B","modified":"y"}'.repeat(50),
};

function zipOf(level: 0 | 6): Buffer {
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [k, strToU8(v)])), { level }),
  );
}

/**
 * Rewrites a small zip into ZIP64 form (what large exports such as OSV's npm archive use): central entries with
 * 0xFFFFFFFF sizes/offsets and a 0x0001 extra field, a ZIP64 end record and locator, and a saturated end record.
 */
function toZip64(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdStart = zip.readUInt32LE(eocd + 16);
  const parts: Buffer[] = [zip.subarray(0, cdStart)];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const head = Buffer.from(zip.subarray(at, at + 46));
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20);
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt32LE(0xffffffff, 42);
    head.writeUInt16LE(extraLen + 28, 30);
    parts.push(
      head,
      zip.subarray(at + 46, at + 46 + nameLen + extraLen),
      extra,
      zip.subarray(at + 46 + nameLen + extraLen, at + 46 + nameLen + extraLen + commentLen),
    );
    at += 46 + nameLen + extraLen + commentLen;
  }
  const cd = Buffer.concat(parts.slice(1));
  const z64At = cdStart + cd.length;
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(cdStart), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(z64At), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([parts[0]!, cd, z64, loc, end]);
}

const names = (zip: Buffer): string[] => [...zipEntries(zip)].map((e) => `${e.name}:${e.data.length}`);

describe('zip reader', () => {
  it('reads deflated and stored entries', () => {
    const expected = Object.entries(FILES).map(([k, v]) => `${k}:${v.length}`);
    expect(names(zipOf(6))).toEqual(expected);
    expect(names(zipOf(0))).toEqual(expected);
  });
  it('reads ZIP64 archives', () => {
    const z = toZip64(zipOf(6));
    expect(z.readUInt32LE(z.length - 22 - 20)).toBe(0x07064b50);
    expect([...zipEntries(z)].map((e) => e.data.toString())).toEqual(Object.values(FILES));
  });
  it('skips entries the caller does not want without inflating them', () => {
    expect([...zipEntries(zipOf(6), (n) => n === 'two.json')].map((e) => e.name)).toEqual(['two.json']);
  });
  it.each<[string, (z: Buffer) => Buffer]>([
    ['a truncated archive', (z) => z.subarray(0, z.length - 30)],
    [
      'a flipped byte in compressed data',
      (z) => {
        const c = Buffer.from(z);
        c[40] = c[40]! ^ 0xff;
        return c;
      },
    ],
    [
      'a flipped byte in a stored entry (CRC)',
      (z) => {
        const c = Buffer.from(z);
        c[45] = c[45]! ^ 0x01;
        return c;
      },
    ],
    ['random bytes', () => Buffer.from('PK\u0005\u0006 not really a zip, just bytes that end badly')],
  ])('rejects %s', (_what, mutate) => {
    const level = _what.includes('stored') ? 0 : 6;
    expect(() => [...zipEntries(mutate(zipOf(level)))]).toThrow(VanguardError);
  });
});

describe('zip entries that overlap or repeat', () => {
  it('refuses a central directory that points many entries at one member, before inflating them', () => {
    const one = Buffer.from(zipSync({ 'a.json': new Uint8Array(64 * 1024) }));
    // Rebuild the central directory with 5,000 copies of the one entry, all pointing at the same member.
    const eocd = one.length - 22;
    const cdOffset = one.readUInt32LE(eocd + 16);
    const cdEntry = one.subarray(cdOffset, eocd);
    const copies = Buffer.concat(Array.from({ length: 5000 }, () => cdEntry));
    const end = Buffer.from(one.subarray(eocd));
    end.writeUInt16LE(5000, 8);
    end.writeUInt16LE(5000, 10);
    end.writeUInt32LE(copies.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const bomb = Buffer.concat([one.subarray(0, cdOffset), copies, end]);
    let yielded = 0;
    expect(() => {
      for (const _e of zipEntries(bomb)) yielded++;
    }).toThrow(/a\.json overlaps or repeats an earlier entry/);
    expect(yielded).toBe(1);
  });
});
