import { readFileSync } from 'node:fs';

/** Linux reports a process's times in clock ticks of USER_HZ, which the kernel fixes at 100 for user space. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, in ms) another process of this machine has used so far, read from
 * /proc/<pid>/stat; undefined where there is no /proc (macOS, Windows) or the process is gone.
 * The pool's watchdog uses it to tell a worker that spins (a hang) from one the machine starves.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of stat
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}
