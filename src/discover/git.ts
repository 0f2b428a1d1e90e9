import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { VanguardError } from '../core/errors.js';

const MAX_TEXT_OUTPUT = 64 * 1024 * 1024;

/** Runs git with an argument list (never a shell) and returns its standard output. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', ...args], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_TEXT_OUTPUT) {
        child.kill();
        return;
      }
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) =>
      reject(new VanguardError('GIT_FAILED', `cannot run git: ${e.message}`, { cause: e })),
    );
    child.on('close', (code) => {
      if (size > MAX_TEXT_OUTPUT)
        return reject(new VanguardError('GIT_FAILED', `git ${args[0]}: output too large`));
      if (code !== 0) {
        return reject(
          new VanguardError('GIT_FAILED', `git ${args.join(' ')}: ${Buffer.concat(err).toString().trim()}`),
        );
      }
      resolve(Buffer.concat(out));
    });
    if (child.stdin) {
      // git may exit (for example on a bad revision) before reading all its input; its exit code tells why.
      child.stdin.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE')
          reject(new VanguardError('GIT_FAILED', `git ${args[0]}: ${e.message}`, { cause: e }));
      });
      child.stdin.end(input);
    }
  });
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
  return nulList(await git(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']));
}

/** The commit a change is measured from: the merge base of `ref` and HEAD (so a PR is compared with where it branched). */
export async function diffBase(top: string, ref: string): Promise<string> {
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (err) {
    throw new VanguardError('USAGE', `--diff: "${ref}" is not a commit in ${top}`, { cause: err });
  }
  try {
    return (await git(top, ['merge-base', ref, 'HEAD'])).toString().trim();
  } catch {
    // No common ancestor (unrelated histories): compare with the ref itself.
    return (await git(top, ['rev-parse', `${ref}^{commit}`])).toString().trim();
  }
}

/** Paths that differ between `base` and the work tree, plus untracked files that are not ignored. */
export async function changedPaths(top: string, base: string): Promise<string[]> {
  const changed = nulList(await git(top, ['diff', '--name-only', '-z', '--diff-filter=ACMR', base]));
  const untracked = nulList(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
  return [...new Set([...changed, ...untracked])].sort();
}

/** Paths of `paths` that exist in the tree of `commit`. */
export async function pathsInCommit(
  top: string,
  commit: string,
  paths: readonly string[],
): Promise<string[]> {
  if (paths.length === 0) return [];
  const listed = new Set(nulList(await git(top, ['ls-tree', '-r', '--name-only', '-z', commit])));
  return paths.filter((p) => listed.has(p));
}

/**
 * Writes the content of `paths` at `rev` ('' for the index, else a commit) under `dest`, using one
 * `git cat-file --batch`. Paths that would land outside `dest` or contain newlines are skipped.
 */
export async function materialize(
  top: string,
  rev: string,
  paths: readonly string[],
  dest: string,
): Promise<string[]> {
  const safe = paths.filter((p) => {
    if (p.includes('\n')) return false;
    const r = relative(dest, join(dest, p));
    return r !== '' && !r.startsWith('..') && !r.startsWith(sep);
  });
  if (safe.length === 0) return [];
  const out = await git(top, ['cat-file', '--batch'], safe.map((p) => `${rev}:${p}\n`).join(''));
  const written: string[] = [];
  let pos = 0;
  for (const p of safe) {
    const nl = out.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = out.subarray(pos, nl).toString();
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<object> missing": not in that revision
    const size = Number(m[2]);
    const body = out.subarray(pos, pos + size);
    pos += size + 1;
    if (m[1] !== 'blob') continue;
    const file = join(dest, p);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
    written.push(p);
  }
  return written;
}
