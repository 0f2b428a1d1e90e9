import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { VanguardError } from '../core/errors.js';
import { runGit } from './git-command.js';

const MAX_OUTPUT = 64 * 1024 * 1024;
/** Long enough for `ls-tree -r` or `cat-file --batch` of a very large repository. */
const LONG_TIMEOUT_MS = 15 * 60_000;

/** Runs git with an argument list (never a shell) and returns its standard output (at most `maxOutput` bytes). */
export async function git(
  cwd: string,
  args: readonly string[],
  input?: string,
  maxOutput = MAX_OUTPUT,
): Promise<Buffer> {
  const r = await runGit(cwd, args, {
    maxOutput,
    timeoutMs: LONG_TIMEOUT_MS,
    ...(input !== undefined ? { input } : {}),
  });
  if (r.code !== 0) throw new VanguardError('GIT_FAILED', `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The top of the work tree that contains `dir`, or a clear error when it is not a git repository. */
export async function repoTop(dir: string): Promise<string> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).toString().trim();
  } catch (err) {
    throw new VanguardError('NOT_A_GIT_REPO', `${dir} is not inside a git repository`, { cause: err });
  }
}

function nulList(buf: Buffer): string[] {
  return buf.toString('utf8').split('\0').filter(Boolean);
}

/** A file in the index or a commit: its path and the blob that holds its content. */
export interface BlobEntry {
  path: string;
  oid: string;
}

const REGULAR_FILE = /^100(644|755)$/;

/**
 * What the index stages for the next commit (added, copied, modified, renamed), relative to the top,
 * from one `git diff --cached --raw`: the regular files with their staged blobs, and the other staged
 * paths (symbolic links, submodules), which are not files to scan. A rename is its new path.
 */
export async function stagedEntries(top: string): Promise<{ entries: BlobEntry[]; other: string[] }> {
  const records = nulList(
    await git(top, [
      'diff',
      '--cached',
      '--raw',
      '-z',
      '--no-abbrev',
      '--no-renames',
      '--no-ext-diff',
      '--no-textconv',
      '--diff-filter=ACMR',
    ]),
  );
  const entries: BlobEntry[] = [];
  const other: string[] = [];
  // -z --raw: ":<old mode> <new mode> <old oid> <new oid> <status>" NUL "<path>" NUL, one path per record without renames.
  for (let i = 0; i + 1 < records.length; i += 2) {
    const fields = records[i]!.slice(1).split(' ');
    const path = records[i + 1]!;
    const [mode, oid] = [fields[1] ?? '', fields[3] ?? ''];
    if (!records[i]!.startsWith(':') || !/^[0-9a-f]{40,64}$/.test(oid))
      throw new VanguardError('GIT_FAILED', `git diff --cached: unexpected record "${records[i]!}"`);
    if (REGULAR_FILE.test(mode)) entries.push({ path, oid });
    else other.push(path);
  }
  return { entries, other };
}

/** The commit a change is measured from: the merge base of `ref` and HEAD (so a PR is compared with where it branched). */
export async function diffBase(top: string, ref: string): Promise<string> {
  let commit: string;
  try {
    // A ref is never read as an option (`--output=…`): refused when it starts with '-', and after --end-of-options.
    if (ref.startsWith('-')) throw new VanguardError('USAGE', 'starts with "-"');
    commit = (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]))
      .toString()
      .trim();
  } catch (err) {
    throw new VanguardError('USAGE', `--diff: "${ref}" is not a commit in ${top}`, { cause: err });
  }
  try {
    return (await git(top, ['merge-base', commit, 'HEAD'])).toString().trim();
  } catch {
    // No common ancestor (unrelated histories): compare with the ref itself.
    return commit;
  }
}

/** Paths that differ between `base` and the work tree, plus untracked files that are not ignored. */
export async function changedPaths(top: string, base: string): Promise<string[]> {
  const changed = nulList(
    await git(top, [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--name-only',
      '-z',
      '--diff-filter=ACMR',
      base,
    ]),
  );
  const untracked = nulList(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
  return [...new Set([...changed, ...untracked])].sort();
}

/** Parses `<mode> SP [<type> SP] <oid> [SP <stage>] TAB <path>` records; only regular files are kept. */
function blobEntries(buf: Buffer, wanted: ReadonlySet<string>): { entries: BlobEntry[]; other: string[] } {
  const entries: BlobEntry[] = [];
  const other: string[] = [];
  for (const rec of nulList(buf)) {
    const tab = rec.indexOf('\t');
    const path = rec.slice(tab + 1);
    if (tab < 0 || !wanted.has(path)) continue;
    const fields = rec.slice(0, tab).split(' ');
    const oid = fields.find((f) => /^[0-9a-f]{40,64}$/.test(f));
    if (
      REGULAR_FILE.test(fields[0] ?? '') &&
      oid &&
      (fields.length < 3 || fields[2] === '0' || fields[1] === 'blob')
    ) {
      entries.push({ path, oid });
    } else {
      other.push(path); // symbolic links, submodules, conflict stages: nothing to scan as a file
    }
  }
  return { entries, other };
}

/** The blobs of `paths` in the tree of `commit` (paths absent there are left out). */
export async function treeEntries(
  top: string,
  commit: string,
  paths: readonly string[],
): Promise<{ entries: BlobEntry[]; other: string[] }> {
  if (paths.length === 0) return { entries: [], other: [] };
  return blobEntries(
    await git(top, ['ls-tree', '-r', '-z', commit], undefined, 256 * 1024 * 1024),
    new Set(paths),
  );
}

/**
 * Reads `git cat-file --batch` output as it streams: each object's content goes to `onObject`, except
 * that of an object larger than `maxBytes`, which is passed over without being kept (its size is given).
 */
function batchReader(
  maxBytes: number,
  onObject: (content: Buffer | undefined, size: number | 'missing') => void,
): (chunk: Buffer) => void {
  let head: Buffer[] = [];
  let headBytes = 0;
  let remaining = -1; // bytes of the current object still to come, its closing newline included; -1: a header
  let size = 0;
  let parts: Buffer[] | undefined;
  return (chunk) => {
    let pos = 0;
    while (pos < chunk.length) {
      if (remaining < 0) {
        const nl = chunk.indexOf(0x0a, pos);
        const end = nl < 0 ? chunk.length : nl;
        head.push(chunk.subarray(pos, end));
        headBytes += end - pos;
        if (headBytes > 1024) throw new VanguardError('GIT_FAILED', 'git cat-file: header too long');
        pos = end + 1;
        if (nl < 0) return;
        const line = Buffer.concat(head).toString();
        head = [];
        headBytes = 0;
        if (/^\S+ missing$/.test(line)) {
          onObject(undefined, 'missing');
          continue;
        }
        const m = /^[0-9a-f]+ blob (\d+)$/.exec(line);
        if (!m)
          throw new VanguardError('GIT_FAILED', `git cat-file: unexpected output "${line.slice(0, 100)}"`);
        size = Number(m[1]);
        remaining = size + 1;
        parts = size <= maxBytes ? [] : undefined;
      } else {
        const take = Math.min(remaining, chunk.length - pos);
        parts?.push(chunk.subarray(pos, pos + take));
        pos += take;
        remaining -= take;
        if (remaining === 0) {
          remaining = -1;
          onObject(parts ? Buffer.concat(parts).subarray(0, size) : undefined, size);
        }
      }
    }
  };
}

/**
 * Writes blobs under `dest` by object id (so no path is ever parsed as a revision), from one
 * `git cat-file --batch` read as it streams. Blobs above `maxBytes` (passed over, never held),
 * missing objects and paths that would land outside `dest` are returned as skipped.
 */
export async function materialize(
  top: string,
  entries: readonly BlobEntry[],
  dest: string,
  maxBytes: number,
): Promise<{ written: string[]; skipped: { path: string; reason: string }[] }> {
  const written: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const inside = entries.filter((e) => {
    const r = relative(dest, join(dest, e.path));
    const ok = r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
    if (!ok) skipped.push({ path: e.path, reason: 'path leaves the tree' });
    return ok;
  });
  if (inside.length === 0) return { written, skipped };
  let next = 0;
  const onObject = (content: Buffer | undefined, size: number | 'missing'): void => {
    const e = inside[next++];
    if (!e) throw new VanguardError('GIT_FAILED', 'git cat-file: more objects than were asked for');
    if (content === undefined) {
      skipped.push({
        path: e.path,
        reason: size === 'missing' ? 'missing object' : `larger than ${maxBytes} bytes`,
      });
      return;
    }
    // Written at once, so that no more than one blob is held however many are staged.
    const file = join(dest, e.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(e.path);
  };
  const r = await runGit(top, ['cat-file', '--batch'], {
    input: inside.map((e) => `${e.oid}\n`).join(''),
    maxOutput: Number.MAX_SAFE_INTEGER,
    timeoutMs: LONG_TIMEOUT_MS,
    onStdout: batchReader(maxBytes, onObject),
  });
  if (r.code !== 0) throw new VanguardError('GIT_FAILED', `git cat-file --batch: ${r.stderr}`);
  if (next !== inside.length) throw new VanguardError('GIT_FAILED', 'git cat-file: output ended early');
  return { written, skipped };
}
