import { lstat, opendir, readFile, realpath } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { FileRef } from '../core/analyzer.js';
import { UsageError } from '../core/errors.js';
import type { Discovery, SkipReason } from '../core/result.js';
import { DEFAULT_IGNORES, IgnoreRules } from './ignore-rules.js';

export interface WalkOptions {
  /** Extra gitignore-style patterns (from vanguard.yaml or --ignore). */
  ignore?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Skip node_modules, .git and similar (default true). */
  defaultIgnores?: boolean;
  /** Files above this size in bytes are skipped and counted. */
  maxFileSize: number;
  /** When given, only these relative paths are scanned (diff-aware and staged scans). */
  include?: ReadonlySet<string>;
}

export interface DiscoveredFile extends FileRef {
  absPath: string;
}

export interface WalkResult {
  /** Absolute, real path of the root directory. */
  root: string;
  files: DiscoveredFile[];
  discovery: Discovery;
}

const MAX_LISTED_SKIPS = 200;

export function emptyDiscovery(): Discovery {
  return {
    filesSeen: 0,
    filesScanned: 0,
    bytesScanned: 0,
    skipped: {
      ignored: 0,
      binary: 0,
      'too-large': 0,
      symlink: 0,
      'symlink-outside': 0,
      unreadable: 0,
      special: 0,
    },
    nonUtf8: 0,
    skippedFiles: [],
  };
}

/** Records a skipped file in the discovery counters (and the first few in the list). */
export function recordSkip(d: Discovery, path: string, reason: SkipReason, detail?: string): void {
  d.skipped[reason]++;
  if (reason !== 'ignored' && d.skippedFiles.length < MAX_LISTED_SKIPS) {
    d.skippedFiles.push(detail ? { path, reason, detail } : { path, reason });
  }
}

function toFileRef(rel: string, abs: string, size: number): DiscoveredFile {
  const name = basename(rel);
  return { path: rel, name, ext: extname(name).slice(1).toLowerCase(), size, absPath: abs };
}

function isInside(root: string, target: string): boolean {
  const r = relative(root, target);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
}

/**
 * Walks the tree once. Never follows symbolic links: a link inside the tree is counted (its target
 * is scanned where it lives), a link out of the tree is counted and listed.
 */
export async function walk(rootArg: string, opts: WalkOptions): Promise<WalkResult> {
  let root: string;
  try {
    root = await realpath(rootArg);
  } catch (err) {
    throw new UsageError(`path does not exist or cannot be read: ${rootArg}`, { cause: err });
  }
  const discovery = emptyDiscovery();
  const files: DiscoveredFile[] = [];
  const st = await lstat(root);
  if (st.isFile()) {
    // A single file: scan it relative to its directory.
    const dir = join(root, '..');
    discovery.filesSeen = 1;
    if (st.size > opts.maxFileSize) recordSkip(discovery, basename(root), 'too-large', `${st.size} bytes`);
    else files.push(toFileRef(basename(root), root, st.size));
    return { root: dir, files, discovery };
  }
  if (!st.isDirectory()) throw new UsageError(`not a file or directory: ${rootArg}`);

  const patterns = [...(opts.defaultIgnores === false ? [] : DEFAULT_IGNORES), ...(opts.ignore ?? [])];
  const rules = new IgnoreRules(patterns);
  const useGitignore = opts.gitignore !== false;
  const stack: string[] = [''];
  while (stack.length > 0) {
    const dirRel = stack.pop()!;
    const dirAbs = dirRel === '' ? root : join(root, dirRel);
    if (useGitignore) {
      try {
        rules.addFile(dirRel, await readFile(join(dirAbs, '.gitignore'), 'utf8'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
          recordSkip(discovery, `${dirRel}/.gitignore`, 'unreadable');
      }
    }
    let entries;
    try {
      const dir = await opendir(dirAbs);
      entries = [];
      for await (const e of dir) entries.push(e);
    } catch (err) {
      recordSkip(discovery, dirRel || '.', 'unreadable', (err as Error).message);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
      const abs = join(dirAbs, e.name);
      if (e.isDirectory()) {
        if (!rules.ignores(rel, true)) stack.push(rel);
        continue;
      }
      if (opts.include && !opts.include.has(rel)) continue;
      discovery.filesSeen++;
      if (rules.ignores(rel, false)) {
        recordSkip(discovery, rel, 'ignored');
        continue;
      }
      if (e.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = await realpath(abs);
        } catch {
          target = undefined; // dangling link: counted below as outside-or-broken
        }
        if (target !== undefined && isInside(root, target)) recordSkip(discovery, rel, 'symlink');
        else
          recordSkip(
            discovery,
            rel,
            'symlink-outside',
            target === undefined ? 'dangling link' : 'points outside the scanned tree',
          );
        continue;
      }
      if (!e.isFile()) {
        recordSkip(discovery, rel, 'special');
        continue;
      }
      let size: number;
      try {
        size = (await lstat(abs)).size;
      } catch (err) {
        recordSkip(discovery, rel, 'unreadable', (err as Error).message);
        continue;
      }
      if (size > opts.maxFileSize) {
        recordSkip(discovery, rel, 'too-large', `${size} bytes`);
        continue;
      }
      files.push(toFileRef(rel, abs, size));
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, discovery };
}
