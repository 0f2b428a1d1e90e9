import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { CLI } from './cli.js';

/** What a watched run did, and whether the watchdog had to stop it. */
export interface WatchedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakBytes: number;
  /** Set when the run passed a bound and was killed: that is the failure a test reports. */
  killedFor?: string;
}

/** Resident bytes of `pid` and every process below it (the CLI and its worker processes). */
function treeRss(pid: number): number {
  const kids = new Map<number, { pid: number; rss: number }[]>();
  let own = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended between the listing and the read: it holds no memory any more
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rss = Number(fields[21]) * 4096;
    if (Number(name) === pid) own = rss;
    const ppid = Number(fields[1]);
    const list = kids.get(ppid) ?? [];
    list.push({ pid: Number(name), rss });
    kids.set(ppid, list);
  }
  let total = own;
  const stack = [pid];
  for (let p = stack.pop(); p !== undefined; p = stack.pop())
    for (const c of kids.get(p) ?? []) {
      total += c.rss;
      stack.push(c.pid);
    }
  return total;
}

/**
 * Runs the built CLI in a child process under a watchdog: killed when it passes `timeMs` of wall
 * time or `maxBytes` of memory (its workers included). Bounds are checked this way, never by a
 * timed assertion: a run that ends on its own within them passes, whatever the machine's speed.
 */
export function watchedCli(
  args: readonly string[],
  limits: { timeMs: number; maxBytes: number },
): Promise<WatchedRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    let peak = 0;
    let killedFor: string | undefined;
    const stop = (why: string): void => {
      killedFor ??= why;
      child.kill('SIGKILL');
    };
    const sampler = setInterval(() => {
      if (child.pid === undefined) return;
      const rss = treeRss(child.pid);
      peak = Math.max(peak, rss);
      if (rss > limits.maxBytes)
        stop(`memory ${Math.round(rss / 2 ** 20)} MB over ${Math.round(limits.maxBytes / 2 ** 20)} MB`);
    }, 100);
    const timer = setTimeout(() => stop(`still running after ${limits.timeMs} ms`), limits.timeMs);
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, peakBytes: peak, ...(killedFor ? { killedFor } : {}) });
    });
  });
}
