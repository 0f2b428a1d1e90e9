import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { repoTop, stagedEntries, type BlobEntry } from '../discover/git.js';

/** The part of the repository a scan covers: all of it, or the sub-directory that was named. */
export async function scope(path: string): Promise<{ top: string; prefix: string }> {
  const top = await repoTop(path);
  const rel = relative(await realpath(top), await realpath(path))
    .split(sep)
    .join('/');
  return { top, prefix: rel === '' ? '' : `${rel}/` };
}

/** What a staged scan of `path` covers: the staged regular files under it and the other staged paths. */
export interface StagedIndex {
  top: string;
  entries: BlobEntry[];
  /** Staged paths that are not regular files (symbolic links, submodules). */
  other: string[];
}

/**
 * Reads the index for a staged scan. It needs only git, so the CLI starts it before it loads the
 * scan engine and the analyzers: the git processes run while this process loads code.
 */
export async function readStagedIndex(path: string): Promise<StagedIndex> {
  const { top, prefix } = await scope(path);
  const { entries, other } = await stagedEntries(top);
  return {
    top,
    entries: entries.filter((e) => e.path.startsWith(prefix)),
    other: other.filter((p) => p.startsWith(prefix)),
  };
}
