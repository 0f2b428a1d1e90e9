// Runs a command and samples the resident memory of its whole process tree (the CLI and its
// worker processes) from /proc, so that peak memory counts every worker, not only the parent.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function children() {
  const byParent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const rssPages = Number(fields[21]);
      const list = byParent.get(ppid) ?? [];
      list.push({ pid: Number(name), rss: rssPages * 4096 });
      byParent.set(ppid, list);
    } catch {
      // The process ended between the listing and the read: it holds no memory any more.
    }
  }
  return byParent;
}

function treeRss(pid, self) {
  const byParent = children();
  let total = self;
  const stack = [pid];
  while (stack.length) {
    for (const c of byParent.get(stack.pop()) ?? []) {
      total += c.rss;
      stack.push(c.pid);
    }
  }
  return total;
}

function rssOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * 4096;
  } catch {
    return 0;
  }
}

/**
 * Runs `cmd args`, returns { code, signal, ms, peakBytes, stdout, stderr }; the command is
 * killed (and reported) when it passes `timeoutMs` or the tree passes `maxBytes`.
 */
export function measure(cmd, args, { timeoutMs = 3_600_000, maxBytes = Infinity, cwd } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    let peak = 0;
    let killedFor;
    const sample = setInterval(() => {
      const rss = treeRss(child.pid, rssOf(child.pid));
      peak = Math.max(peak, rss);
      if (rss > maxBytes && !killedFor) {
        killedFor = `memory ${Math.round(rss / 2 ** 20)} MB over the limit`;
        child.kill('SIGKILL');
      }
    }, 100);
    const timer = setTimeout(() => {
      killedFor = `time over ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearInterval(sample);
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, peakBytes: peak, stdout, stderr, killedFor });
    });
  });
}
