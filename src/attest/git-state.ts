import { createHash } from 'node:crypto';
import { VanguardError } from '../core/errors.js';
import { git } from '../discover/git.js';

/** A tracked path in the commit being built: its mode and the object that holds it. */
export interface TrackedEntry {
  mode: string;
  oid: string;
}

export interface GitState {
  top: string;
  commit: string;
  tree: string;
  objectFormat: 'sha1' | 'sha256';
  /** `refs/heads/main` when on a branch. */
  ref?: string;
  /** The remote the commit came from, without any user name or password in it. */
  remoteUrl?: string;
  /** Paths of HEAD's tree (regular files, symbolic links, submodules). */
  head: Map<string, TrackedEntry>;
  /** Paths in the index: what git calls tracked (HEAD's paths plus staged new files). */
  indexPaths: Set<string>;
  /** `git status` lines: uncommitted (staged or not) and untracked changes. */
  changes: { path: string; status: string }[];
}

const nul = (b: Buffer): string[] => b.toString('utf8').split('\0').filter(Boolean);

async function optional(top: string, args: string[]): Promise<string | undefined> {
  try {
    const out = (await git(top, args)).toString().trim();
    return out === '' ? undefined : out;
  } catch (err) {
    // Exit status 1 is how these commands say "not set" (no upstream, detached HEAD).
    if (err instanceof VanguardError && err.code === 'GIT_FAILED') return undefined;
    throw err;
  }
}

/** `git@host:o/r.git` and `https://user:token@host/o/r.git` as `https://host/o/r`: comparable, and never a credential. */
export function normalizeRepoUrl(url: string): string {
  let u = url.trim();
  if (u.startsWith('/')) u = `file://${u}`;
  const scp = /^([\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(u);
  if (scp) u = `https://${scp[2]}/${scp[3]}`;
  u = u.replace(/^git\+/, '');
  try {
    const p = new URL(u);
    p.username = '';
    p.password = '';
    p.search = '';
    p.hash = '';
    if (p.protocol === 'ssh:' || p.protocol === 'git:') p.protocol = 'https:';
    u = p.toString();
  } catch {
    // Not a URL (a local path remote): kept as given, it carries no credential syntax we can strip.
  }
  return u.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** The state of the repository at `cwd` before a build: commit, tree, tracked paths and pending changes. */
export async function readGitState(cwd: string): Promise<GitState> {
  let top: string;
  try {
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString().trim();
  } catch (err) {
    throw new VanguardError(
      'NOT_A_GIT_REPO',
      `${cwd} is not inside a git repository: a build's sources must be a commit`,
      { cause: err },
    );
  }
  let heads: string[];
  try {
    // One call: the commit, its tree, and the branch (`HEAD` when detached).
    heads = (await git(top, ['rev-parse', 'HEAD^{commit}', 'HEAD^{tree}', '--symbolic-full-name', 'HEAD']))
      .toString()
      .trim()
      .split('\n');
  } catch (err) {
    throw new VanguardError('GIT_FAILED', `${top} has no commit to build from`, { cause: err });
  }
  const [commit = '', tree = '', symbolic = ''] = heads;
  const ref = symbolic.startsWith('refs/') ? symbolic : undefined;
  // Independent reads, run side by side: each is a process start on a busy build machine.
  const [lsTree, lsFiles, statusOut, remote] = await Promise.all([
    git(top, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], undefined, 512 << 20),
    git(top, ['ls-files', '-z'], undefined, 512 << 20),
    git(top, ['status', '--porcelain=v1', '-z', '--untracked-files=all']),
    optional(top, ['config', '--get', 'remote.origin.url']),
  ]);
  const head = new Map<string, TrackedEntry>();
  for (const rec of nul(lsTree)) {
    const tab = rec.indexOf('\t');
    const [mode, , oid] = rec.slice(0, tab).split(' ');
    if (tab > 0 && mode && oid) head.set(rec.slice(tab + 1), { mode, oid });
  }
  const indexPaths = new Set(nul(lsFiles));
  const changes: GitState['changes'] = [];
  const status = nul(statusOut);
  for (let i = 0; i < status.length; i++) {
    const rec = status[i]!;
    const code = rec.slice(0, 2);
    changes.push({ path: rec.slice(3), status: code });
    // A rename or copy is followed by its source path as a separate record.
    if (code[0] === 'R' || code[0] === 'C') i++;
  }
  return {
    top,
    commit,
    tree,
    objectFormat: commit.length === 64 ? 'sha256' : 'sha1',
    ...(ref ? { ref } : {}),
    ...(remote ? { remoteUrl: normalizeRepoUrl(remote) } : {}),
    head,
    indexPaths,
    changes,
  };
}

/** The object id git gives `content` as a blob (`git hash-object`), without running git. */
export function blobOid(content: Buffer, format: 'sha1' | 'sha256'): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}
