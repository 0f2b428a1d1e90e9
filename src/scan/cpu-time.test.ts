import { describe, expect, it } from 'vitest';
import { cpuMsOfStat, processCpuMs } from './cpu-time.js';

// /proc/<pid>/stat: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const stat = (comm: string, utime: number, stime: number): string =>
  `4242 (${comm}) R 1 4242 4242 0 -1 4194560 900 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 777 0 0\n`;

describe('CPU time of a process', () => {
  it('reads utime + stime in clock ticks of 10 ms, whatever the command name holds', () => {
    expect(cpuMsOfStat(stat('node', 150, 25))).toBe(1750);
    expect(cpuMsOfStat(stat('a) R 9 9 9 (b', 3, 4))).toBe(70);
    expect(cpuMsOfStat(stat('worker 1', 0, 0))).toBe(0);
  });

  it('gives nothing for a line it cannot read', () => {
    expect(cpuMsOfStat('')).toBeUndefined();
    expect(cpuMsOfStat('4242 node R 1 2 3 4 5 6 7 8 9 10 11 12 13')).toBeUndefined();
    expect(cpuMsOfStat('4242 (node) R 1 2')).toBeUndefined();
  });

  // Not a timing claim: /proc and getrusage (process.cpuUsage) report the same counter of this process, /proc
  // in ticks with utime and stime each cut down to 10 ms, so a reading taken between two cpuUsage() calls lies
  // between the first less 20 ms and the second, however busy the machine is.
  it.runIf(process.platform === 'linux')(
    'is the CPU time of the process as getrusage counts it, and is unknown for no process',
    () => {
      const usedMs = (): number => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
      const read = (): number => {
        const before = usedMs();
        const ms = processCpuMs(process.pid)!;
        const after = usedMs();
        expect(ms).toBeLessThanOrEqual(after);
        expect(ms).toBeGreaterThan(before - 20);
        return ms;
      };
      const first = read();
      // Work until getrusage has counted 100 ms more (CPU time, not elapsed time): /proc must show it too.
      const until = usedMs() + 100;
      while (usedMs() < until);
      expect(read()).toBeGreaterThan(first + 80);
      expect(processCpuMs(undefined)).toBeUndefined();
      expect(processCpuMs(2 ** 22 + 1)).toBeUndefined(); // above the kernel's largest pid
    },
  );
});
