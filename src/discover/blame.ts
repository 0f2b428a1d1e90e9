import { runGit } from './git-command.js';

/** Who last introduced each line of a file: per line (1-based) the commit, or undefined when uncommitted. */
export interface BlameResult {
  /** Commit sha → author time (seconds since the epoch). */
  commits: Record<string, number>;
  /** lines[n - 1] is line n's commit sha, or null for a line not yet committed. */
  lines: (string | null)[];
}

const ZERO = /^0{40}$|^0{64}$/;
const HUNK = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+) (\d+)$/;
const BLAME_TIMEOUT_MS = 60_000;

/**
 * Parses `git blame --incremental`: per hunk a `sha orig final count` line, the commit's headers
 * the first time it appears (we read `author-time`), and a `filename` line that ends the hunk.
 */
export function parseIncrementalBlame(text: string): BlameResult {
  const commits: Record<string, number> = {};
  const lines: (string | null)[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      const sha = hunk[1]!;
      const start = Number(hunk[2]);
      const count = Number(hunk[3]);
      current = sha;
      for (let i = 0; i < count && start - 1 + i < 10_000_000; i++)
        lines[start - 1 + i] = ZERO.test(sha) ? null : sha;
      continue;
    }
    if (current !== undefined && line.startsWith('author-time ') && !ZERO.test(current)) {
      const t = Number(line.slice(12));
      if (Number.isFinite(t)) commits[current] = t;
    }
  }
  for (let i = 0; i < lines.length; i++) if (lines[i] === undefined) lines[i] = null;
  return { commits, lines };
}

/**
 * Blames one file of the repository at `cwd` (`rev` HEAD for a clean file, none to include the
 * working tree's uncommitted lines). Runs through the one git helper, with the repository's
 * configuration neutralised. Undefined when git cannot blame it (untracked, binary, a submodule).
 */
export async function blameFile(cwd: string, path: string, rev?: string): Promise<BlameResult | undefined> {
  const r = await runGit(cwd, ['blame', '--incremental', ...(rev ? [rev] : []), '--', path], {
    maxOutput: 256 * 1024 * 1024,
    timeoutMs: BLAME_TIMEOUT_MS,
  });
  if (r.code !== 0) return undefined;
  return parseIncrementalBlame(r.stdout.toString('utf8'));
}

/** The blob id of every file tracked at HEAD under `cwd`, by path relative to `cwd`. */
export async function headBlobs(cwd: string): Promise<Map<string, string>> {
  const r = await runGit(cwd, ['ls-tree', '-r', '-z', 'HEAD'], {
    maxOutput: 512 * 1024 * 1024,
    timeoutMs: 300_000,
  });
  const out = new Map<string, string>();
  if (r.code !== 0) return out;
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    // `<mode> blob <sha>\t<path>`
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

/** Paths under `cwd` whose working copy differs from HEAD (relative to `cwd`). */
export async function changedSinceHead(cwd: string): Promise<Set<string>> {
  const r = await runGit(
    cwd,
    ['diff', '--no-ext-diff', '--no-textconv', '--relative', '--name-only', '-z', 'HEAD'],
    { maxOutput: 256 * 1024 * 1024, timeoutMs: 300_000 },
  );
  return new Set(r.code === 0 ? r.stdout.toString('utf8').split('\0').filter(Boolean) : []);
}

/** Author times of commits (seconds), for findings that name their introducing commit. */
export async function commitTimes(cwd: string, shas: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const valid = shas.filter((s) => /^[0-9a-f]{7,64}$/.test(s));
  if (valid.length === 0) return out;
  const r = await runGit(cwd, ['log', '--no-walk=unsorted', '--stdin', '--format=%H %at'], {
    input: `${valid.join('\n')}\n`,
    timeoutMs: 120_000,
  });
  if (r.code !== 0) return out;
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const [sha, t] = line.split(' ');
    if (sha && t) out.set(sha, Number(t));
  }
  return out;
}
