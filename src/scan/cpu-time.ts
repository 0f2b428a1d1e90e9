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
  try {
    return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

/** The CPU time a /proc/<pid>/stat line gives, in ms; undefined for a line not of that form. */
export function cpuMsOfStat(stat: string): number | undefined {
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields count from the last ')'.
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  // utime, stime: fields 14 and 15 of stat, counted from 1 with pid and comm; plain tick counts.
  const [utime, stime] = [fields[11], fields[12]];
  if (!utime || !stime || !/^\d+$/.test(utime) || !/^\d+$/.test(stime)) return undefined;
  return ((Number(utime) + Number(stime)) * 1000) / TICKS_PER_SECOND;
}
