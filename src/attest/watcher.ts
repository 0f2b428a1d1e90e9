import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../core/errors.js';

/** One change the kernel reported in a watched folder while the build ran. */
export interface WatchEvent {
  /** Milliseconds since the watch started. */
  t: number;
  /** fs.watch's kind: 'rename' covers create, delete and both ends of a rename; 'change' a write or attribute change. */
  kind: 'rename' | 'change';
  /** Path relative to the repository top, forward slashes. */
  path: string;
}

/** Every folder that holds a tracked path, the top included ('' is the top). */
export function foldersOf(paths: Iterable<string>): string[] {
  const dirs = new Set<string>(['']);
  for (const p of paths) {
    let i = p.lastIndexOf('/');
    while (i > 0) {
      const d = p.slice(0, i);
      if (dirs.has(d)) break;
      dirs.add(d);
      i = d.lastIndexOf('/');
    }
  }
  return [...dirs].sort();
}

const MAX_LOGGED = 100_000;

/**
 * Watches each folder of the tracked tree on its own (one inotify watch per folder on Linux).
 * Node 20's recursive fs.watch builds its tree lazily and misses a rename that is undone
 * quickly, which is exactly the swap a build attack makes; a watch per folder sees both ends.
 */
export class SourceWatcher {
  readonly events: WatchEvent[] = [];
  /** Events beyond the log's bound: counted, and still classified through `seen`. */
  dropped = 0;
  /** Every path any event named, with the kinds seen: unbounded log or not, nothing is missed. */
  readonly seen = new Map<string, Set<'rename' | 'change'>>();
  /** Folders that could not be watched or whose watch failed: coverage lost. */
  readonly failures: { path: string; message: string }[] = [];
  private readonly watchers: FSWatcher[] = [];
  private started = 0;

  constructor(
    private readonly top: string,
    private readonly folders: readonly string[],
  ) {}

  /** Starts every watch synchronously, so the build command starts only after all are in place. */
  start(): void {
    this.started = performance.now();
    for (const dir of this.folders) {
      try {
        const w = watch(join(this.top, dir), { persistent: false }, (kind, name) =>
          this.record(dir, kind, name),
        );
        w.on('error', (err) => this.failures.push({ path: dir || '.', message: describeError(err).message }));
        this.watchers.push(w);
      } catch (err) {
        // ENOSPC is the inotify watch limit (fs.inotify.max_user_watches); the report says so.
        this.failures.push({ path: dir || '.', message: describeError(err).message });
      }
    }
  }

  private record(dir: string, kind: string, name: string | Buffer | null): void {
    const k = kind === 'change' ? 'change' : 'rename';
    // Without a name the kernel only says "something in this folder changed": the folder is the path.
    const n = name === null ? '' : name.toString();
    const path = n === '' ? dir : dir === '' ? n : `${dir}/${n}`;
    let kinds = this.seen.get(path);
    if (!kinds) this.seen.set(path, (kinds = new Set()));
    kinds.add(k);
    if (this.events.length < MAX_LOGGED) {
      this.events.push({ t: Math.round((performance.now() - this.started) * 1000) / 1000, kind: k, path });
    } else {
      this.dropped++;
    }
  }

  /** Lets events already queued by the kernel arrive, then closes every watch. */
  async stop(settleMs = 150): Promise<void> {
    await new Promise((r) => setTimeout(r, settleMs));
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }
}
