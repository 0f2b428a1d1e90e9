import { VanguardError } from '../../core/errors.js';

/** Bounds that keep a hostile archive (a bomb, a million entries) from exhausting memory or time. */
export interface CompareLimits {
  /** Bytes of one member after decompression. */
  maxMemberBytes: number;
  /** Bytes held per side, all members and nested archives together. */
  maxTotalBytes: number;
  /** Members of one archive, and files of one folder tree. */
  maxEntries: number;
  /** Archives inside archives (a .tgz in a .zip …). */
  maxDepth: number;
  /** Lines of one text member that get a diff; beyond it, only the digests are compared. */
  maxDiffLines: number;
}

export const DEFAULT_LIMITS: CompareLimits = {
  maxMemberBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 200_000,
  maxDepth: 3,
  maxDiffLines: 20_000,
};

/** Counts bytes held for one side of a comparison and refuses to go past the bound. */
export class Budget {
  private used = 0;
  constructor(readonly limits: CompareLimits) {}
  take(bytes: number, what: string): void {
    if (bytes > this.limits.maxMemberBytes)
      throw new VanguardError(
        'TOO_LARGE',
        `${what}: ${bytes} bytes is over the ${this.limits.maxMemberBytes}-byte limit per member`,
      );
    this.used += bytes;
    if (this.used > this.limits.maxTotalBytes)
      throw new VanguardError(
        'TOO_LARGE',
        `${what}: over the ${this.limits.maxTotalBytes}-byte limit per side`,
      );
  }
}

/** A member name made safe to report: `../x`, `/etc/x` and NUL are flagged rather than trusted. */
export function memberName(raw: string): { name: string; unsafe?: string } {
  const parts = raw.replace(/\\/g, '/').split('/');
  const kept: string[] = [];
  let unsafe: string | undefined;
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) unsafe = 'absolute path';
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      unsafe = 'leaves the archive (..)';
      continue;
    }
    kept.push(p);
  }
  let name = kept.join('/');
  if (name.includes('\0')) {
    unsafe = 'NUL in the name';
    name = name.replace(/\0/g, '\\0');
  }
  return unsafe ? { name, unsafe } : { name };
}
