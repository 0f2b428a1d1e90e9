import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileRef } from '../core/analyzer.js';
import { UsageError } from '../core/errors.js';
import { emptyDiscovery, type Discovery, type SkipReason } from '../core/result.js';
import { git } from './git.js';
import { DEFAULT_IGNORES, IgnoreRules } from './ignore-rules.js';
import { mayBeScript, SHEBANG_HEAD_BYTES, shebangOf } from '../core/script-language.js';
import { displayName, readHead, readRegularFile } from './read-file.js';

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
  /**
   * Files git tracks (relative to the root): .gitignore does not apply to them, as in git.
   * Default: asked of git when the root is in a repository.
   */
  tracked?: ReadonlySet<string>;
  /** Told of each file found, as the walk goes (the scan starts its workers early on a large tree). */
  onFile?: (file: DiscoveredFile) => void;
}

export interface DiscoveredFile extends FileRef {
  absPath: string;
  /** The absolute path as bytes, when a part of it is not valid UTF-8 (`absPath` then cannot name it). */
  absBytes?: Uint8Array;
}

/** A directory or file on disk: a string, or bytes when its name is not valid UTF-8. */
type FsPath = string | Buffer;

function joinFs(dir: FsPath, name: string | Buffer): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  const d = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return Buffer.concat([d, Buffer.from(sep), typeof name === 'string' ? Buffer.from(name) : name]);
}

interface Entry {
  name: string;
  /** The name's bytes when it is not valid UTF-8. */
  bytes?: Buffer;
  dirent: Dirent | Dirent<Buffer>;
}

/** A directory's entries; a name that is not valid UTF-8 keeps its bytes so it can still be opened. */
function listDir(dirAbs: FsPath): Entry[] {
  if (typeof dirAbs === 'string') {
    const entries = readdirSync(dirAbs, { withFileTypes: true });
    // Node decodes names as UTF-8 and puts U+FFFD where a byte is invalid: read those as bytes.
    if (!entries.some((e) => e.name.includes('\uFFFD')))
      return entries.map((e) => ({ name: e.name, dirent: e }));
  }
  return readdirSync(dirAbs, { withFileTypes: true, encoding: 'buffer' }).map((e) =>
    isUtf8(e.name)
      ? { name: e.name.toString('utf8'), dirent: e }
      : { name: displayName(e.name), bytes: e.name, dirent: e },
  );
}

export interface WalkResult {
  /** Absolute, real path of the root directory. */
  root: string;
  files: DiscoveredFile[];
  discovery: Discovery;
  /** True when a path is excluded by the defaults, vanguard.yaml or --ignore (not .gitignore). */
  isExcluded: (path: string) => boolean;
}

const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** Files git tracks under `root`, or undefined outside a repository (or without git). */
async function trackedFiles(root: string): Promise<Set<string> | undefined> {
  try {
    const out = await git(root, ['ls-files', '-z']);
    return new Set(out.toString('utf8').split('\0').filter(Boolean));
  } catch {
    return undefined; // not a repository: .gitignore files still apply, as to untracked files
  }
}

/** Every directory that holds a tracked file, so an ignored directory with tracked files is still entered. */
function dirsOf(paths: ReadonlySet<string>): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) {
    for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  }
  return dirs;
}

const MAX_LISTED_SKIPS = 200;

/** Records a skipped file in the discovery counters (and the first few in the list). */
export function recordSkip(d: Discovery, path: string, reason: SkipReason, detail?: string): void {
  d.skipped[reason]++;
  if (reason !== 'ignored' && d.skippedFiles.length < MAX_LISTED_SKIPS) {
    d.skippedFiles.push(detail ? { path, reason, detail } : { path, reason });
  }
}

function toFileRef(rel: string, abs: FsPath, size: number): DiscoveredFile {
  const name = basename(rel);
  const ref: DiscoveredFile = {
    path: rel,
    name,
    ext: extname(name).slice(1).toLowerCase(),
    size,
    absPath: typeof abs === 'string' ? abs : displayName(abs),
  };
  if (typeof abs !== 'string') ref.absBytes = abs;
  // A file without an extension is chosen by its `#!` line (core/script-language.ts): read here, once, so
  // that analyzers decide without I/O. Only its first bytes, and only of a file that can hold a `#!` line.
  if (mayBeScript(ref.ext) && size > 2 && typeof abs === 'string') {
    const shebang = shebangOf(readHead(abs, SHEBANG_HEAD_BYTES) ?? '');
    if (shebang !== undefined) ref.shebang = shebang;
  }
  return ref;
}

function isInside(root: string, target: string): boolean {
  const r = relative(root, target);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** Adds a directory's .gitignore; one that is not a regular file (a FIFO, a link) is reported, not read. */
function readGitignore(rules: IgnoreRules, discovery: Discovery, dirRel: string, dirAbs: FsPath): void {
  try {
    rules.addGitignore(
      dirRel,
      readRegularFile(joinFs(dirAbs, '.gitignore'), MAX_GITIGNORE_BYTES).toString('utf8'),
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    const path = dirRel === '' ? '.gitignore' : `${dirRel}/.gitignore`;
    recordSkip(discovery, path, 'unreadable', `not used: ${(err as Error).message}`);
  }
}

/** A symbolic link is never followed; it is counted, and listed when it leaves the tree or is broken. */
function recordLink(discovery: Discovery, root: string, rel: string, abs: FsPath): void {
  let target: string | undefined;
  let problem = 'points outside the scanned tree';
  try {
    target =
      typeof abs === 'string' ? realpathSync(abs) : displayName(realpathSync(abs, { encoding: 'buffer' }));
  } catch (err) {
    problem = (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink loop' : 'dangling link';
  }
  if (target !== undefined && isInside(root, target)) recordSkip(discovery, rel, 'symlink');
  else recordSkip(discovery, rel, 'symlink-outside', problem);
}

/**
 * Walks the tree once, with synchronous file-system calls: one at a time is all a walk can do,
 * and a synchronous lstat costs a fraction of a promise round trip through the thread pool.
 * Never follows symbolic links: a link inside the tree is counted (its target
 * is scanned where it lives), a link out of the tree is counted and listed.
 */
export async function walk(rootArg: string, opts: WalkOptions): Promise<WalkResult> {
  let root: string;
  try {
    root = realpathSync(rootArg);
  } catch (err) {
    throw new UsageError(`path does not exist or cannot be read: ${rootArg}`, { cause: err });
  }
  const discovery = emptyDiscovery();
  const files: DiscoveredFile[] = [];
  const patterns = [...(opts.defaultIgnores === false ? [] : DEFAULT_IGNORES), ...(opts.ignore ?? [])];
  const rules = new IgnoreRules(patterns);
  const isExcluded = (p: string): boolean => rules.excludedByScan(p);
  const st = lstatSync(root);
  if (st.isFile()) {
    // A single file: scan it relative to its directory.
    const dir = join(root, '..');
    discovery.filesSeen = 1;
    if (st.size > opts.maxFileSize) recordSkip(discovery, basename(root), 'too-large', `${st.size} bytes`);
    else files.push(toFileRef(basename(root), root, st.size));
    return { root: dir, files, discovery, isExcluded };
  }
  if (!st.isDirectory()) throw new UsageError(`not a file or directory: ${rootArg}`);

  const useGitignore = opts.gitignore !== false;
  const tracked = useGitignore ? (opts.tracked ?? (await trackedFiles(root))) : undefined;
  const trackedDirs = tracked ? dirsOf(tracked) : new Set<string>();
  const stack: { rel: string; abs: FsPath }[] = [{ rel: '', abs: root }];
  while (stack.length > 0) {
    const { rel: dirRel, abs: dirAbs } = stack.pop()!;
    let entries: Entry[];
    try {
      entries = listDir(dirAbs);
    } catch (err) {
      recordSkip(discovery, dirRel || '.', 'unreadable', (err as Error).message);
      continue;
    }
    // Read only where the listing has one: most folders have none, and a failed open costs an exception.
    if (useGitignore && entries.some((e) => e.name === '.gitignore'))
      readGitignore(rules, discovery, dirRel, dirAbs);
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const { name, bytes, dirent: e } of entries) {
      const rel = dirRel === '' ? name : `${dirRel}/${name}`;
      const abs = joinFs(dirAbs, bytes ?? name);
      if (e.isDirectory()) {
        const skip =
          rules.excludedByScan(rel, true) || (rules.ignoredByGit(rel, true) && !trackedDirs.has(rel));
        if (!skip) stack.push({ rel, abs });
        continue;
      }
      if (opts.include && !opts.include.has(rel)) continue;
      discovery.filesSeen++;
      // git applies .gitignore to untracked files only: a tracked file is scanned whatever it says.
      if (
        (!rules.ownDirsOnly && rules.excludedByScan(rel)) ||
        (rules.ignoredByGit(rel, false) && !tracked?.has(rel))
      ) {
        recordSkip(discovery, rel, 'ignored');
        continue;
      }
      if (e.isSymbolicLink()) {
        recordLink(discovery, root, rel, abs);
        continue;
      }
      if (!e.isFile()) {
        recordSkip(discovery, rel, 'special');
        continue;
      }
      let size: number;
      try {
        size = lstatSync(abs).size;
      } catch (err) {
        recordSkip(discovery, rel, 'unreadable', (err as Error).message);
        continue;
      }
      if (size > opts.maxFileSize) {
        recordSkip(discovery, rel, 'too-large', `${size} bytes`);
        continue;
      }
      const file = toFileRef(rel, abs, size);
      files.push(file);
      opts.onFile?.(file);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, discovery, isExcluded };
}
