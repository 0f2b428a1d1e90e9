/**
 * How much more CPU time (user + system) `run(big)` takes than `run(small)`, after a warm-up run: a linear
 * algorithm gives about big/small, a quadratic one its square. CPU time, not wall time, so a loaded machine
 * does not change the ratio much.
 */
export function cpuGrowth(run: (n: number) => void, small: number, big: number): number {
  const cpu = (n: number): number => {
    const t = process.cpuUsage();
    run(n);
    const d = process.cpuUsage(t);
    return d.user + d.system;
  };
  cpu(Math.max(1, Math.floor(small / 8)));
  const before = cpu(small);
  return cpu(big) / before;
}
