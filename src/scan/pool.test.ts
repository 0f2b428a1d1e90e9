import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import type { FileOutcome, FileTask } from './file-task.js';
import { SpareWorkers, dispatchOrder, makeBatches, runInWorkers, type Recycle } from './pool.js';

const task = (name: string, size = 10): FileTask => ({
  file: { path: name, name, ext: '', size, absPath: `/x/${name}` },
  analyzers: ['secrets'],
});

const WORKER = new URL('../../test/helpers/test-worker.mjs', import.meta.url);
const INIT = { root: '/x', analyzerIds: [], options: {}, paths: [], maxFileSize: 1e6 };

async function run(tasks: FileTask[], recycle?: Recycle): Promise<FileOutcome[]> {
  const all: FileOutcome[] = [];
  // A 1.5 s limit per batch instead of a minute, so that the hanging batch is stopped quickly.
  await runInWorkers(tasks, INIT, 2, (o) => all.push(...o), 1500, WORKER, recycle);
  return all;
}

describe('worker pool', () => {
  it('replaces workers after they have read their share, losing nothing', async () => {
    const tasks = Array.from({ length: 300 }, (_, i) => task(`f${i}`));
    const out = await run(tasks, { bytes: 1 });
    expect(out.map((o) => o.path).sort()).toEqual(tasks.map((t) => t.file.path).sort());
    expect(out.every((o) => o.errors.length === 0)).toBe(true);
  });

  it('replaces a worker whose memory has grown past the limit, whatever it has read, losing nothing', async () => {
    // Five batches; the stand-in worker reports its pid and real RSS, so a pid change is a replacement.
    const tasks = Array.from({ length: 300 }, (_, i) => task(`f${i}`));
    const pids = async (recycle: Recycle): Promise<number> => {
      const out = await run(tasks, recycle);
      expect(out.map((o) => o.path).sort()).toEqual(tasks.map((t) => t.file.path).sort());
      expect(out.every((o) => o.errors.length === 0)).toBe(true);
      return new Set(out.map((o) => o.bytes)).size;
    };
    // Any worker is past a 1-byte limit: each runs what it holds (two batches) and is replaced.
    expect(await pids({ rssBytes: 1 })).toBeGreaterThan(2);
    // No worker is near 1 TB: the two first workers run everything.
    expect(await pids({ rssBytes: 2 ** 40 })).toBeLessThanOrEqual(2);
  });

  // A replacement is started as soon as its worker is past its share, so that it loads meanwhile; one the scan did
  // not need in the end is stopped with the rest.
  it.runIf(process.platform === 'linux')(
    'starts a replacement while its worker finishes, and leaves no worker running',
    async () => {
      const children = (): string[] =>
        spawnSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,stat=,args='], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter((l) => l.includes('test-worker') && !/^\s*\d+\s+Z/.test(l));
      const before = children().length;
      // Six batches; [slow + 63] keeps its worker busy 2.5 s after it is past its share.
      const tasks = [
        ...Array.from({ length: 64 }, (_, i) => task(`a${i}`)),
        task('slow'),
        ...Array.from({ length: 64 * 4 - 1 }, (_, i) => task(`b${i}`)),
      ];
      const out = await run(tasks, { rssBytes: 1 });
      expect(out.map((o) => o.path).sort()).toEqual(tasks.map((t) => t.file.path).sort());
      expect(out.every((o) => o.errors.length === 0)).toBe(true);
      expect(new Set(out.map((o) => o.bytes)).size).toBeGreaterThan(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(children().length).toBe(before);
    },
    30_000,
  );

  it('starts spare workers up to a count, each once, and hands each out once', () => {
    const spares = new SpareWorkers(1, WORKER);
    try {
      spares.startUpTo(3);
      spares.startUpTo(3);
      const taken = [spares.take(), spares.take(), spares.take()];
      expect(new Set(taken.map((c) => c?.pid)).size).toBe(3);
      expect(spares.take()).toBeUndefined();
      for (const c of taken) c?.kill();
    } finally {
      spares.release();
    }
  });

  it('batches by count and size', () => {
    expect(makeBatches(Array.from({ length: 130 }, (_, i) => task(`f${i}`))).map((b) => b.length)).toEqual([
      64, 64, 2,
    ]);
    expect(makeBatches([task('a', 3e6), task('b', 3e6), task('c', 1)]).map((b) => b.length)).toEqual([1, 2]);
  });

  it('hands out the batches with the most bytes first, keeping the walk order between equals', () => {
    // A large bundle late in the walk is handed out first, not left for one worker to run alone at the end.
    const batches = makeBatches([
      ...Array.from({ length: 64 }, (_, i) => task(`a${i}`)),
      ...Array.from({ length: 64 }, (_, i) => task(`b${i}`)),
      task('bundle', 3e6),
      task('c'),
    ]);
    expect(batches.map((b) => b.length)).toEqual([64, 64, 2]);
    expect(dispatchOrder(batches)).toEqual([2, 0, 1]);
  });

  it('fails only the batch of a worker that hangs or dies, and goes on', async () => {
    // Batches of 64: [hang + 63], [64 good], [crash].
    const tasks = [task('hang'), ...Array.from({ length: 127 }, (_, i) => task(`ok${i}`)), task('crash')];
    const out = await run(tasks);
    expect(out).toHaveLength(tasks.length);
    const failed = out.filter((o) => o.errors.length > 0);
    expect(failed.find((o) => o.path === 'hang')?.errors[0]?.message).toMatch(/timed out/);
    expect(failed.find((o) => o.path === 'crash')?.errors[0]?.code).toBe('WORKER_FAILED');
    expect(out.filter((o) => o.errors.length === 0)).toHaveLength(64);
  });

  // The limit is CPU time where /proc tells it (Linux): a loaded machine must not fail a scan.
  it.runIf(process.platform === 'linux')(
    'gives a starved worker the wall time it needs, and stops one that waits for ever',
    async () => {
      // Batches of 64: [slow + 63] answers after 2.5 s idle (past the 1.5 s limit), [stall + 63] never.
      const tasks = [
        task('slow'),
        ...Array.from({ length: 63 }, (_, i) => task(`a${i}`)),
        task('stall'),
        ...Array.from({ length: 63 }, (_, i) => task(`b${i}`)),
      ];
      const started = Date.now();
      const out = await run(tasks);
      expect(out).toHaveLength(tasks.length);
      expect(out.find((o) => o.path === 'slow')?.errors).toEqual([]);
      expect(out.filter((o) => o.path.startsWith('a') && o.errors.length === 0)).toHaveLength(63);
      const stalled = out.find((o) => o.path === 'stall')?.errors[0]?.message;
      expect(stalled).toMatch(/no answer in 6 s/);
      // Stopped at four times the limit, not left to wait for ever.
      expect(Date.now() - started).toBeLessThan(20_000);
    },
    30_000,
  );

  // The wall clock may be set forward (NTP, a suspended virtual machine): that is no time the worker waited.
  it.runIf(process.platform === 'linux')(
    'measures the wall time a batch waits on a clock that only goes forward',
    async () => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      try {
        const pending = run([task('slow'), ...Array.from({ length: 3 }, (_, i) => task(`c${i}`))]);
        await new Promise((r) => setTimeout(r, 500));
        vi.setSystemTime(Date.now() + 3_600_000);
        const out = await pending;
        expect(out.find((o) => o.path === 'slow')?.errors).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
    },
    30_000,
  );
});
