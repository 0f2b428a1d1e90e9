import type { Finding } from '../core/finding.js';
import { scanWarning, type ScanWarning } from '../core/warning.js';
import { blameFile, changedSinceHead, commitTimes, headBlobs, type BlameResult } from '../discover/blame.js';
import { repoTop } from '../discover/git.js';
import { defaultBlameCacheDir, readBlame, writeBlame } from './blame-cache.js';

export interface IntroducedOptions {
  /** Stop blaming after this long (default 60 s); the rest of the findings get no introduction time. */
  budgetMs?: number;
  /** Blame at most this many files (default 5,000). */
  maxFiles?: number;
  /** Where blame results are cached; false for no cache. Default: $XDG_CACHE_HOME/vanguard/blame. */
  cacheDir?: string | false;
  /** Files blamed at once. */
  concurrency?: number;
}

export interface IntroducedStats {
  files: number;
  fromCache: number;
  blamed: number;
  skipped: number;
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

function later(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * The pipeline stage that records when each finding entered the code (after masking, so it only
 * adds two fields): for a line of a tracked file, the author time and commit of the commit that last
 * introduced the line (git blame, once per file with findings, cached by blob); for a history
 * finding, its commit's time; for a dependency finding the later of the lockfile line's blame and
 * the advisory's publication the analyzer set. Uncommitted lines get none. Outside a git
 * repository the findings are returned unchanged.
 */
export async function addIntroduction(
  root: string,
  findings: Finding[],
  opts: IntroducedOptions,
  warn: (w: ScanWarning) => void,
): Promise<{ findings: Finding[]; stats: IntroducedStats }> {
  const stats: IntroducedStats = { files: 0, fromCache: 0, blamed: 0, skipped: 0 };
  if (findings.length === 0) return { findings, stats };
  try {
    await repoTop(root);
  } catch {
    return { findings, stats };
  }
  const deadline = Date.now() + (opts.budgetMs ?? 60_000);
  const maxFiles = opts.maxFiles ?? 5_000;
  const cacheDir = opts.cacheDir === undefined ? defaultBlameCacheDir() : opts.cacheDir;
  const [blobs, dirty] = await Promise.all([headBlobs(root), changedSinceHead(root)]);
  const history = [...new Set(findings.map((f) => f.location.commit).filter((c): c is string => !!c))];
  const times = await commitTimes(root, history);

  const wanted = [
    ...new Set(
      findings.filter((f) => !f.location.commit && blobs.has(f.location.path)).map((f) => f.location.path),
    ),
  ];
  stats.files = wanted.length;
  const blames = new Map<string, BlameResult>();
  const queue = wanted.slice(0, maxFiles);
  stats.skipped = wanted.length - queue.length;
  const worker = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      if (Date.now() > deadline) {
        stats.skipped++;
        continue;
      }
      const blob = blobs.get(path)!;
      const clean = !dirty.has(path);
      const cached = clean && cacheDir ? readBlame(cacheDir, path, blob) : undefined;
      if (cached) {
        stats.fromCache++;
        blames.set(path, cached);
        continue;
      }
      // A clean file is blamed at HEAD (the same answer, without reading the working tree); a changed
      // one against the working tree, so its uncommitted lines come back as such.
      const r = await blameFile(root, path, clean ? 'HEAD' : undefined);
      if (!r) continue;
      stats.blamed++;
      blames.set(path, r);
      if (clean && cacheDir) writeBlame(cacheDir, path, blob, r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  if (stats.skipped > 0)
    warn(
      scanWarning(
        'introduced-skipped',
        `introduction times not computed for ${stats.skipped} of ${stats.files} files (limits: ${maxFiles} files, ${Math.round((opts.budgetMs ?? 60_000) / 1000)} s)`,
      ),
    );

  const out = findings.map((f) => {
    if (f.location.commit) {
      const sha = [...times.keys()].find((k) => k.startsWith(f.location.commit!));
      return sha === undefined ? f : { ...f, introducedAt: iso(times.get(sha)!), introducedBy: sha };
    }
    const b = blames.get(f.location.path);
    const sha = b?.lines[f.location.startLine - 1];
    if (!b || !sha) return f;
    const at = iso(b.commits[sha]!);
    // A dependency's exposure starts when both the vulnerable version is locked and the advisory is
    // public: the later of the two (the analyzer set the publication date).
    return { ...f, introducedAt: f.package ? later(f.introducedAt, at) : at, introducedBy: sha };
  });
  return { findings: out, stats };
}
