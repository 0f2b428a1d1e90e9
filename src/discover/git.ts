import { mkdir, writeFile } from 'node:fs/promises';
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

/** Paths staged in the index (added, copied, modified, renamed), relative to the top. */
export async function stagedPaths(top: string): Promise<string[]> {
  return nulList(
    await git(top, [
      'diff',
      '--cached',
      '--no-ext-diff',
      '--no-textconv',
      '--name-only',
      '-z',
      '--diff-filter=ACMR',
    ]),
  );
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

/** A file in the index or a commit: its path and the blob that holds its content. */
export interface BlobEntry {
  path: string;
  oid: string;
}

const REGULAR_FILE = /^100(644|755)$/;

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

/** The staged blobs of `paths` (stage 0 of the index). */
export async function indexEntries(
  top: string,
  paths: readonly string[],
): Promise<{ entries: BlobEntry[]; other: string[] }> {
  if (paths.length === 0) return { entries: [], other: [] };
  return blobEntries(await git(top, ['ls-files', '-s', '-z']), new Set(paths));
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

const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Writes blobs under `dest` by object id (so no path is ever parsed as a revision), in batches of
 * bounded size. Blobs above `maxBytes` and paths that would land outside `dest` are returned as skipped.
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
  const sizes = (
    await git(top, ['cat-file', '--batch-check=%(objectsize)'], inside.map((e) => `${e.oid}\n`).join(''))
  )
    .toString()
    .split('\n');
  let batch: BlobEntry[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const out = await git(
      top,
      ['cat-file', '--batch'],
      batch.map((e) => `${e.oid}\n`).join(''),
      bytes + batch.length * 128,
    );
    let pos = 0;
    for (const e of batch) {
      const nl = out.indexOf(0x0a, pos);
      const m = /^[0-9a-f]+ blob (\d+)$/.exec(out.subarray(pos, nl).toString());
      if (nl < 0 || !m)
        throw new VanguardError('GIT_FAILED', `git cat-file: unexpected output for ${e.path}`);
      const size = Number(m[1]);
      const file = join(dest, e.path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, out.subarray(nl + 1, nl + 1 + size));
      written.push(e.path);
      pos = nl + 1 + size + 1;
    }
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < inside.length; i++) {
    const e = inside[i]!;
    const size = Number(sizes[i]);
    if (!Number.isFinite(size) || size > maxBytes) {
      skipped.push({
        path: e.path,
        reason: Number.isFinite(size) ? `larger than ${maxBytes} bytes` : 'missing object',
      });
      continue;
    }
    if (bytes + size > BATCH_BYTES) await flush();
    batch.push(e);
    bytes += size;
  }
  await flush();
  return { written, skipped };
}
