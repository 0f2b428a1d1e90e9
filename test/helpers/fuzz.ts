/**
 * fast-check parameters with a logged seed: a failing run prints the seed it used, and
 * `FUZZ_SEED=<n>` replays it.
 */
export function fuzzParams(name: string, numRuns = 200): { seed: number; numRuns: number } {
  const fromEnv = Number(process.env.FUZZ_SEED);
  const seed = Number.isInteger(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
  console.log(`[fuzz] ${name}: seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return { seed, numRuns };
}
