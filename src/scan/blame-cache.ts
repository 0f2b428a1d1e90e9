import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BlameResult } from '../discover/blame.js';

/**
 * Blame results kept on disk by blob id, so a re-scan of an unchanged file asks git nothing. The
 * folder follows the advisory database's convention: $XDG_CACHE_HOME/vanguard (else ~/.cache).
 */
export function defaultBlameCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(cache, 'vanguard', 'blame');
}

// A clean file's blame is a function of its path and its blob at HEAD (history below a blob never
// changes), so that pair names the entry; the version lets a format change start afresh.
function entryPath(dir: string, path: string, blob: string): string {
  return join(dir, createHash('sha256').update(`v1\0${path}\0${blob}`).digest('hex') + '.json');
}

function valid(v: unknown): v is BlameResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<BlameResult>;
  return (
    typeof r.commits === 'object' &&
    r.commits !== null &&
    Array.isArray(r.lines) &&
    r.lines.every((l) => l === null || (typeof l === 'string' && l in r.commits!))
  );
}

/** A cached blame, or undefined when absent or unreadable (a damaged entry is recomputed). */
export function readBlame(dir: string, path: string, blob: string): BlameResult | undefined {
  try {
    const v: unknown = JSON.parse(readFileSync(entryPath(dir, path, blob), 'utf8'));
    return valid(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a blame (written then renamed, so a reader never sees half an entry). Failure only costs speed. */
export function writeBlame(dir: string, path: string, blob: string, r: BlameResult): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = entryPath(dir, path, blob);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(r), { mode: 0o600 });
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
