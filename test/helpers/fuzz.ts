import fc from 'fast-check';

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

/** A YAML alias bomb as top-level keys (`defs`), the alias of its top level, and its expanded size. */
export interface YamlBomb {
  defs: string;
  top: string;
  /** Nodes the top alias stands for when expanded (a lower bound, capped at 1e18). */
  expanded: number;
}

/**
 * Alias bombs in four shapes: flow and block sequences of aliases ("billion laughs"), maps whose
 * values are aliases and that merge (`<<`) the level below, and anchors nested inside anchored
 * nodes and used again beside them.
 */
export function yamlAliasBomb(): fc.Arbitrary<YamlBomb> {
  return fc
    .record({
      levels: fc.integer({ min: 1, max: 14 }),
      width: fc.integer({ min: 2, max: 10 }),
      style: fc.constantFrom('flow', 'block', 'merge', 'nested'),
    })
    .map(({ levels, width, style }) => {
      const lines = [`x0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
      let expanded = width;
      for (let i = 1; i <= levels; i++) {
        const refs = Array<string>(width).fill(`*a${i - 1}`);
        if (style === 'flow') lines.push(`x${i}: &a${i} [${refs.join(', ')}]`);
        else if (style === 'block') lines.push(`x${i}: &a${i}\n${refs.map((r) => `  - ${r}`).join('\n')}`);
        else if (style === 'merge')
          lines.push(`x${i}: &a${i} {<<: {m: *a${i - 1}}, ${refs.map((r, k) => `k${k}: ${r}`).join(', ')}}`);
        else lines.push(`x${i}: &a${i} {in: &b${i} [${refs.join(', ')}], again: *b${i}}`);
        expanded = Math.min(1e18, expanded * (style === 'nested' ? 2 * width : width));
      }
      return { defs: lines.join('\n'), top: `*a${levels}`, expanded };
    });
}

/** Depths from the everyday to the hostile: a few levels, or a thousand to `max` (a hundred thousand). */
export const nestingDepth = (max = 100_000): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1_000, max }));

/** `depth` levels of nested arrays and objects around a scalar, in JSON, YAML flow or TOML syntax. */
export function nestedValue(
  depth: number,
  syntax: 'json' | 'yaml' | 'toml',
  shape: 'array' | 'object' | 'mixed',
): string {
  const open = (i: number): string => {
    const array = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
    if (array) return '[';
    return syntax === 'json' ? '{"a":' : syntax === 'yaml' ? '{a: ' : '{a = ';
  };
  const close = (i: number): string => (shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? ']' : '}');
  const heads: string[] = [];
  const tails: string[] = [];
  for (let i = 0; i < depth; i++) {
    heads.push(open(i));
    tails.push(close(i));
  }
  return `${heads.join('')}1${tails.reverse().join('')}`;
}
