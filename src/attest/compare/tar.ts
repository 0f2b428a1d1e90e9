import { VanguardError } from '../../core/errors.js';
import { Budget, memberName } from './limits.js';

export interface TarMember {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  data: Buffer;
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
  linkname: string;
  /** Why the name is unsafe (path traversal, absolute), when it is. */
  unsafe?: string;
}

const BLOCK = 512;

function cstr(b: Buffer, start: number, len: number): string {
  const s = b.subarray(start, start + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? s.length : end).toString('utf8');
}

/** Octal, or GNU base-256 when the top bit of the first byte is set. */
function num(b: Buffer, start: number, len: number): number {
  const f = b.subarray(start, start + len);
  if (f.length > 0 && (f[0]! & 0x80) !== 0) {
    let v = f[0]! & 0x7f;
    for (let i = 1; i < f.length; i++) v = v * 256 + f[i]!;
    return v;
  }
  const s = cstr(b, start, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === num(h, 148, 8);
}

/** PAX records: "LEN key=value\n" repeated. */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    if (sp < 0) break;
    const len = Number(data.subarray(pos, sp).toString());
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length) break;
    const rec = data.subarray(sp + 1, pos + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    pos += len;
  }
  return out;
}

/**
 * Reads a tar archive held in memory (ustar, PAX and GNU long names), bounded by `budget` and
 * `maxEntries`. A truncated archive or a bad header checksum is an error, not a guess.
 */
export function readTar(buf: Buffer, budget: Budget, where: string): TarMember[] {
  const members: TarMember[] = [];
  let pos = 0;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  while (pos + BLOCK <= buf.length) {
    const h = buf.subarray(pos, pos + BLOCK);
    if (h.every((x) => x === 0)) break;
    if (!checksumOk(h)) throw new VanguardError('PARSE', `${where}: bad tar header checksum at byte ${pos}`);
    const type = String.fromCharCode(h[156]!);
    const size = pax.has('size') ? Number(pax.get('size')) : num(h, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new VanguardError('PARSE', `${where}: bad member size at byte ${pos}`);
    const start = pos + BLOCK;
    if (start + size > buf.length)
      throw new VanguardError('PARSE', `${where}: truncated tar member at byte ${pos}`);
    const data = buf.subarray(start, start + size);
    pos = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue; // global PAX header: defaults for later members; nothing we compare
    if (type === 'L' || type === 'K') {
      const s = data.toString('utf8').replace(/\0+$/, '');
      if (type === 'L') longName = s;
      else longLink = s;
      continue;
    }
    const prefix = h.subarray(257, 262).toString() === 'ustar' ? cstr(h, 345, 155) : '';
    const rawName =
      pax.get('path') ?? longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
    const linkname = pax.get('linkpath') ?? longLink ?? cstr(h, 157, 100);
    const mtime = pax.has('mtime') ? Number(pax.get('mtime')) : num(h, 136, 12);
    pax = new Map();
    longName = undefined;
    longLink = undefined;
    if (members.length >= budget.limits.maxEntries)
      throw new VanguardError('TOO_LARGE', `${where}: more than ${budget.limits.maxEntries} members`);
    const kind: TarMember['type'] =
      type === '0' || type === '\0' || type === '7'
        ? 'file'
        : type === '5'
          ? 'dir'
          : type === '2'
            ? 'symlink'
            : type === '1'
              ? 'hardlink'
              : 'other';
    if (kind === 'file') budget.take(size, `${where}: ${rawName}`);
    const n = memberName(rawName);
    members.push({
      name: n.name,
      type: kind,
      data: kind === 'file' ? data : Buffer.alloc(0),
      mode: num(h, 100, 8),
      mtime,
      uid: num(h, 108, 8),
      gid: num(h, 116, 8),
      linkname,
      ...(n.unsafe ? { unsafe: n.unsafe } : {}),
    });
  }
  return members;
}
