import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../core/errors.js';
import { blobOid, type GitState } from './git-state.js';

/** What a tracked path held at one moment: its blob id, or why it has none. */
export type PathState = { oid: string; stat?: string } | { missing: true } | { error: string };

/**
 * What identifies a file's version without reading it: inode, size, and modification and change
 * times in nanoseconds. Writing, replacing or renaming a file changes its ctime, which no
 * unprivileged process can set back, so an unchanged key means unchanged content (git's index
 * relies on the same).
 */
function statKey(st: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * Blob ids of every tracked path (HEAD and index), read from the work tree as git would hash them.
 * With `previous`, a regular file whose stat key is unchanged keeps its blob id without a read.
 */
export function snapshotTracked(state: GitState, previous?: Map<string, PathState>): Map<string, PathState> {
  const out = new Map<string, PathState>();
  const paths = new Set([...state.head.keys(), ...state.indexPaths]);
  for (const p of paths) {
    if (state.head.get(p)?.mode === '160000') continue; // a submodule: its commit is recorded, not its files
    const abs = join(state.top, p);
    try {
      const st = lstatSync(abs, { bigint: true, throwIfNoEntry: false });
      if (!st) out.set(p, { missing: true });
      else if (st.isSymbolicLink())
        out.set(p, { oid: blobOid(Buffer.from(readlinkSync(abs)), state.objectFormat) });
      else if (st.isFile()) {
        const key = statKey(st);
        const prev = previous?.get(p);
        if (prev && 'oid' in prev && prev.stat === key) out.set(p, prev);
        else out.set(p, { oid: blobOid(readFileSync(abs), state.objectFormat), stat: key });
      } else out.set(p, { error: 'not a regular file' });
    } catch (err) {
      out.set(p, { error: describeError(err).message });
    }
  }
  return out;
}

function same(a: PathState | undefined, b: PathState | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if ('oid' in a && 'oid' in b) return a.oid === b.oid;
  return 'missing' in a && 'missing' in b;
}

/** Tracked paths whose work-tree content is not the committed blob (modified, deleted, staged-new). */
export function differsFromCommit(state: GitState, snap: Map<string, PathState>): string[] {
  const out: string[] = [];
  for (const [p, s] of snap) {
    const committed = state.head.get(p);
    if (!committed || !('oid' in s) || s.oid !== committed.oid) out.push(p);
  }
  return out.sort();
}

/** Paths whose content changed between two snapshots. */
export function changedBetween(before: Map<string, PathState>, after: Map<string, PathState>): string[] {
  const out: string[] = [];
  for (const p of new Set([...before.keys(), ...after.keys()])) {
    if (!same(before.get(p), after.get(p))) out.push(p);
  }
  return out.sort();
}
