import { Gunzip, unzipSync } from 'fflate';
import { VanguardError } from '../../core/errors.js';
import { Budget, memberName } from './limits.js';
import { readTar } from './tar.js';

export type ArchiveFormat = 'tar' | 'tar.gz' | 'gzip' | 'zip';

export interface Member {
  name: string;
  kind: 'file' | 'dir' | 'symlink' | 'other';
  data: Buffer;
  /** Metadata that can differ between builds without the content differing. */
  mtime?: number;
  mode?: number;
  owner?: string;
  linkname?: string;
  unsafe?: string;
}

export interface Archive {
  format: ArchiveFormat;
  members: Member[];
  /** The gzip header's modification time (seconds), a common source of non-reproducible bytes. */
  gzipMtime?: number;
}

const isGzip = (b: Buffer): boolean => b.length > 18 && b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Buffer): boolean => b.length >= 22 && b.readUInt32LE(0) === 0x04034b50;
const isTar = (b: Buffer): boolean => b.length >= 512 && b.subarray(257, 262).toString() === 'ustar';

/** The archive format of some bytes, by their magic numbers (names lie; bytes do not). */
export function archiveFormat(b: Buffer): ArchiveFormat | undefined {
  if (isZip(b)) return 'zip';
  if (isTar(b)) return 'tar';
  if (isGzip(b)) return 'gzip';
  return undefined;
}

function gunzipBounded(b: Buffer, budget: Budget, where: string): Buffer {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const g = new Gunzip((chunk) => {
    size += chunk.length;
    // Checked as the stream inflates, so a gzip bomb stops at the bound instead of filling memory.
    if (size > budget.limits.maxMemberBytes)
      throw new VanguardError(
        'TOO_LARGE',
        `${where}: decompresses to more than ${budget.limits.maxMemberBytes} bytes`,
      );
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < b.length; i += 65536) g.push(b.subarray(i, i + 65536), i + 65536 >= b.length);
  } catch (err) {
    if (err instanceof VanguardError) throw err;
    throw new VanguardError('PARSE', `${where}: not valid gzip: ${(err as Error).message}`, { cause: err });
  }
  const out = Buffer.concat(chunks);
  budget.take(out.length, where);
  return out;
}

function unzipBounded(b: Buffer, budget: Budget, where: string): Member[] {
  let count = 0;
  let files: Record<string, Uint8Array>;
  const order: string[] = [];
  try {
    files = unzipSync(b, {
      filter: (f) => {
        if (++count > budget.limits.maxEntries)
          throw new VanguardError('TOO_LARGE', `${where}: more than ${budget.limits.maxEntries} members`);
        // The declared size sizes the output buffer, so it bounds what inflating can write.
        budget.take(f.originalSize, `${where}: ${f.name}`);
        order.push(f.name);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof VanguardError) throw err;
    throw new VanguardError('PARSE', `${where}: not a readable zip: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return order.map((raw) => {
    const n = memberName(raw);
    const data = Buffer.from(files[raw] ?? new Uint8Array());
    return {
      name: n.name,
      kind: raw.endsWith('/') ? 'dir' : 'file',
      data,
      ...(n.unsafe ? { unsafe: n.unsafe } : {}),
    };
  });
}

/** Opens an archive into its members, in archive order. */
export function openArchive(b: Buffer, budget: Budget, where: string): Archive {
  const fmt = archiveFormat(b);
  if (fmt === 'zip') return { format: 'zip', members: unzipBounded(b, budget, where) };
  if (fmt === 'tar') return { format: 'tar', members: fromTar(b, budget, where) };
  if (fmt === 'gzip') {
    const gzipMtime = b.readUInt32LE(4);
    const inner = gunzipBounded(b, budget, where);
    if (isTar(inner)) return { format: 'tar.gz', members: fromTar(inner, budget, where), gzipMtime };
    return { format: 'gzip', members: [{ name: '(content)', kind: 'file', data: inner }], gzipMtime };
  }
  throw new VanguardError('PARSE', `${where}: not an archive`);
}

function fromTar(b: Buffer, budget: Budget, where: string): Member[] {
  return readTar(b, budget, where).map((m) => ({
    name: m.name,
    kind: m.type === 'hardlink' ? 'other' : m.type,
    data: m.data,
    mtime: m.mtime,
    mode: m.mode,
    owner: `${m.uid}:${m.gid}`,
    ...(m.linkname ? { linkname: m.linkname } : {}),
    ...(m.unsafe ? { unsafe: m.unsafe } : {}),
  }));
}
