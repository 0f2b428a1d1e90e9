import { crc32, inflateRawSync } from 'node:zlib';
import { VanguardError } from '../../../core/errors.js';

/** One file of a zip archive, inflated and CRC-checked. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRY = 64 * 1024 * 1024;

function corrupt(why: string): VanguardError {
  return new VanguardError('DATABASE', `the advisory archive is corrupt: ${why}`);
}

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a ZIP64 field is out of range');
  return Number(v);
}

/**
 * Iterates the entries of a zip (ZIP64 included) one at a time, so an export of hundreds of thousands of
 * records never sits in memory inflated all at once. Each entry is inflated with the native zlib and its CRC-32
 * is checked; any inconsistency is a DATABASE error.
 */
export function* zipEntries(
  zip: Buffer,
  accept: (name: string) => boolean = () => true,
): Generator<ZipEntry> {
  if (zip.length < 22) throw corrupt('too short to be a zip archive');
  let e = zip.length - 22;
  while (zip.readUInt32LE(e) !== EOCD) {
    if (e === 0 || zip.length - e > 65_557) throw corrupt('no end of central directory record');
    e--;
  }
  let count = zip.readUInt16LE(e + 10);
  let offset = zip.readUInt32LE(e + 16);
  if (e >= 20 && zip.readUInt32LE(e - 20) === ZIP64_LOCATOR) {
    const z = u64(zip, e - 12);
    if (z + 56 > zip.length || zip.readUInt32LE(z) !== ZIP64_EOCD) throw corrupt('bad ZIP64 end record');
    count = u64(zip, z + 32);
    offset = u64(zip, z + 48);
  }
  // Where the last entry's data ended: entries must follow one another without overlapping, so a
  // central directory that points thousands of entries at one large member is refused at the second.
  let dataEnd = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL)
      throw corrupt(`central directory entry ${i}`);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    let size = zip.readUInt32LE(offset + 20);
    let rawSize = zip.readUInt32LE(offset + 24);
    const nameLen = zip.readUInt16LE(offset + 28);
    const extraLen = zip.readUInt16LE(offset + 30);
    const commentLen = zip.readUInt16LE(offset + 32);
    let local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLen);
    // ZIP64 extended information: the 0xFFFFFFFF fields, in order, in extra field 0x0001.
    if (size === 0xffffffff || rawSize === 0xffffffff || local === 0xffffffff) {
      let x = offset + 46 + nameLen;
      const end = x + extraLen;
      for (; x + 4 <= end; x += 4 + zip.readUInt16LE(x + 2)) {
        if (zip.readUInt16LE(x) !== 1) continue;
        let at = x + 4;
        if (rawSize === 0xffffffff) {
          rawSize = u64(zip, at);
          at += 8;
        }
        if (size === 0xffffffff) {
          size = u64(zip, at);
          at += 8;
        }
        if (local === 0xffffffff) local = u64(zip, at);
        break;
      }
    }
    offset += 46 + nameLen + extraLen + commentLen;
    if (!accept(name) || name.endsWith('/')) continue;
    if (rawSize > MAX_ENTRY) throw corrupt(`entry ${name} is larger than ${MAX_ENTRY} bytes`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
      throw corrupt(`local header of ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + size > zip.length) throw corrupt(`entry ${name} runs past the end of the archive`);
    if (local < dataEnd) throw corrupt(`entry ${name} overlaps or repeats an earlier entry`);
    dataEnd = start + size;
    const raw = zip.subarray(start, start + size);
    let data: Buffer;
    try {
      data =
        method === 0
          ? raw
          : method === 8
            ? inflateRawSync(raw, { maxOutputLength: MAX_ENTRY })
            : Buffer.alloc(0);
    } catch (err) {
      throw new VanguardError('DATABASE', `the advisory archive is corrupt: entry ${name} does not inflate`, {
        cause: err,
      });
    }
    if (method !== 0 && method !== 8) throw corrupt(`entry ${name} uses compression method ${method}`);
    if (data.length !== rawSize || crc32(data) !== crc)
      throw corrupt(`entry ${name} fails its size or CRC-32 check`);
    yield { name, data };
  }
}
