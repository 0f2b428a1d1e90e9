import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { constants, lstatSync, readlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { walk } from '../../discover/walk.js';
import type { RepoProfile } from './detect.js';
import { defaultBranch, profileRepository } from './detect.js';
import {
  INIT_PATHS,
  renderConfig,
  renderGithubWorkflow,
  renderGitlabJob,
  renderPreCommit,
} from './templates.js';

export interface InitOptions {
  /** Overwrite files that exist. */
  force?: boolean;
  github?: boolean;
  gitlab?: boolean;
  preCommit?: boolean;
  /** The vanguard version the CI files install. */
  version: string;
}

export interface InitOutcome {
  root: string;
  profile: RepoProfile;
  written: string[];
  /** Files that existed and were left alone (no --force). */
  kept: string[];
}

const PEEK_BYTES = 16 * 1024;

/** Reads the first bytes of a file (enough to recognise a Kubernetes manifest). */
async function head(path: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await fh.read(buf, 0, PEEK_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

async function readGitFile(root: string, ...rel: string[]): Promise<string | undefined> {
  try {
    return await readFile(join(root, '.git', ...rel), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Not a git checkout, or a worktree/submodule where .git is a file: no owner to suggest.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * Refuses to write `rel` when the file, or a folder on its way, is a symbolic link: a repository
 * could otherwise make `vanguard init --force` overwrite a file anywhere the user can write.
 */
function refuseLinks(root: string, rel: string): void {
  let at = root;
  for (const part of rel.split('/')) {
    at = join(at, part);
    let st;
    try {
      st = lstatSync(at);
    } catch {
      return; // does not exist yet: created below as a real folder or file
    }
    if (st.isSymbolicLink()) {
      throw new UsageError(
        `refusing to write ${rel}: ${relative(root, at)} is a symbolic link (to ${readlinkSafe(at)}); replace it with a real ${at === join(root, rel) ? 'file' : 'folder'} first`,
      );
    }
  }
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'an unreadable target';
  }
}

/** Looks at the repository at `rootArg` and writes vanguard.yaml, CI files and a pre-commit config. */
export async function initRepository(rootArg: string, opts: InitOptions): Promise<InitOutcome> {
  const { root, files } = await walk(rootArg, { maxFileSize: 5 * 1024 * 1024 });
  const yamlHeads = new Map<string, string>();
  for (const f of files) {
    if ((f.ext === 'yaml' || f.ext === 'yml') && yamlHeads.size < 200) {
      const text = await head(f.absPath);
      if (text !== undefined) yamlHeads.set(f.path, text);
    }
  }
  const gitConfig = await readGitFile(root, 'config');
  const branch = defaultBranch(
    await readGitFile(root, 'refs', 'remotes', 'origin', 'HEAD'),
    await readGitFile(root, 'HEAD'),
  );
  const profile = profileRepository({
    paths: files.map((f) => f.path),
    ...(gitConfig !== undefined ? { gitConfig } : {}),
    peek: (p) => yamlHeads.get(p),
  });
  const planned: [string, string][] = [[INIT_PATHS.config, renderConfig(profile)]];
  if (opts.github !== false) planned.push([INIT_PATHS.github, renderGithubWorkflow(opts.version, branch)]);
  if (opts.gitlab !== false) planned.push([INIT_PATHS.gitlab, renderGitlabJob(opts.version)]);
  if (opts.preCommit !== false) planned.push([INIT_PATHS.preCommit, renderPreCommit(opts.version)]);
  const out: InitOutcome = { root, profile, written: [], kept: [] };
  for (const [rel, text] of planned) {
    const abs = join(root, rel);
    refuseLinks(root, rel);
    await mkdir(dirname(abs), { recursive: true });
    try {
      // 'wx' fails if the file exists: no check-then-write race. With --force, O_NOFOLLOW: a link
      // swapped in after the check above is not followed either.
      await writeFile(abs, text, {
        flag: opts.force
          ? constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW
          : 'wx',
      });
      out.written.push(rel);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') out.kept.push(rel);
      else throw new UsageError(`cannot write ${rel}: ${(err as Error).message}`, { cause: err });
    }
  }
  return out;
}
