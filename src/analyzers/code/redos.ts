/**
 * Exponential backtracking in a regular expression, decided from its text (no input needed).
 *
 * A backtracking matcher (V8's, Python's `re`) takes exponential time on a failing input when some part
 * of the pattern can match one string in two different ways and that part is repeated: `(a+)+b` against
 * `aaaa…a!` tries every way to split the a's between the loops. That is the "exponential degree of
 * ambiguity" of the pattern's automaton, and it has an exact test (Allauzen, Mohri and Rastogi, 2008;
 * the test CodeQL's `js/redos` builds on): in the product of the automaton with itself, a strongly
 * connected component holds both a pair `(q, q)` and either a pair `(p, p')` with `p ≠ p'`, or a step
 * `(p, p) → (r, r)` that the automaton can take in two ways.
 *
 * The automaton is Glushkov's (one state per character of the pattern, no empty moves); a follow step
 * counts how many different constructs produce it, which is how `(a*)*` (one state, two loops) stays
 * ambiguous. An attack also needs a way to fail after the loop: a loop whose states can end the match
 * (`(a+)+` with nothing after it) succeeds at once, so it is not reported. Patterns this module cannot
 * read exactly (back-references, Unicode property classes, set operations) are never reported.
 */
import { type CharSet, intersection, intersects } from './redos-chars.js';
import { expand, MAX_POSITIONS, type Node, Parser, type RegexFlavor, Unsupported } from './redos-parse.js';

export type { RegexFlavor };

export interface RedosVerdict {
  /** The repeated part that matches a string in more than one way. */
  part: string;
  /** A string the part can match in two ways (printable). */
  example: string;
}

/** Steps of the product automaton explored before a pattern is given up on as too large to decide. */
const WORK_LIMIT = 400_000;
const MAX_ALPHABET = 400;
const MAX_SUBSETS = 300;

interface Glushkov {
  sets: CharSet[];
  /** The source text of the outermost unbounded loop around each position. */
  loops: (string | undefined)[];
  srcs: string[];
  first: Set<number>;
  last: Set<number>;
  /** follow[p] maps q to how many constructs produce the step p → q (capped at 2). */
  follow: Map<number, number>[];
}

interface Parts {
  nullable: boolean;
  first: number[];
  last: number[];
}

function glushkov(root: Node): Glushkov {
  const g: Glushkov = { sets: [], loops: [], srcs: [], first: new Set(), last: new Set(), follow: [] };
  const link = (from: number[], to: number[]): void => {
    for (const p of from)
      for (const q of to) {
        const f = g.follow[p]!;
        f.set(q, Math.min(2, (f.get(q) ?? 0) + 1));
      }
  };
  const walk = (n: Node, loop: string | undefined): Parts => {
    switch (n.t) {
      case 'char': {
        const p = g.sets.length;
        g.sets.push(n.set);
        g.loops.push(loop);
        g.srcs.push(n.src);
        g.follow.push(new Map());
        return { nullable: false, first: [p], last: [p] };
      }
      case 'look':
        if (loop !== undefined) throw new Unsupported('lookaround in a loop');
        return { nullable: true, first: [], last: [] };
      case 'empty':
        return { nullable: true, first: [], last: [] };
      case 'alt': {
        const parts = n.alts.map((a) => walk(a, loop));
        return {
          nullable: parts.some((x) => x.nullable),
          first: parts.flatMap((x) => x.first),
          last: parts.flatMap((x) => x.last),
        };
      }
      case 'seq': {
        let acc: Parts = { nullable: true, first: [], last: [] };
        for (const item of n.items) {
          const x = walk(item, loop);
          link(acc.last, x.first);
          acc = {
            nullable: acc.nullable && x.nullable,
            first: acc.nullable ? [...acc.first, ...x.first] : acc.first,
            last: x.nullable ? [...acc.last, ...x.last] : x.last,
          };
        }
        return acc;
      }
      case 'rep': {
        const unbounded = n.max === Infinity;
        const x = walk(n.node, loop ?? (unbounded ? n.src : undefined));
        if (unbounded) link(x.last, x.first);
        return { nullable: true, first: x.first, last: x.last };
      }
    }
  };
  const top = walk(root, undefined);
  top.first.forEach((p) => g.first.add(p));
  top.last.forEach((p) => g.last.add(p));
  return g;
}

/** Strongly connected components (Tarjan, iterative) of a graph given by its successor lists. */
function components(count: number, next: (v: number) => number[]): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const comp = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let compCount = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; succ: number[]; k: number }[] = [];
    const open = (v: number): void => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push({ v, succ: next(v), k: 0 });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.k < top.succ.length) {
        const w = top.succ[top.k++]!;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[top.v]!);
      }
      if (low[top.v] === index[top.v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== top.v);
        compCount++;
      }
    }
  }
  return comp;
}

const printable = (set: CharSet): string => {
  if (intersects(set, [[32, 32]])) return ' ';
  for (const [lo, hi] of set)
    for (let c = Math.max(lo, 0x21); c <= Math.min(hi, 0x7e); c++) return String.fromCharCode(c);
  const lo = set.find(([, hi]) => hi >= 0)?.[0] ?? 0x20;
  return `\\u{${Math.max(lo, 0).toString(16)}}`;
};

/** The ambiguity of the automaton, if exponential, with the loop it is in. */
function exponential(g: Glushkov): RedosVerdict | undefined {
  // Only states inside an unbounded loop can be on a cycle; pairs of them that read a common character
  // are the product's states.
  const inLoop = g.sets.map((_, p) => p).filter((p) => g.loops[p] !== undefined);
  const id = new Map<number, number>();
  const pairs: [number, number][] = [];
  const n = g.sets.length;
  for (const p of inLoop)
    for (const q of inLoop)
      if (intersects(g.sets[p]!, g.sets[q]!)) {
        id.set(p * n + q, pairs.length);
        pairs.push([p, q]);
      }
  let work = 0;
  const succ = (v: number): number[] => {
    const [p, q] = pairs[v]!;
    const out: number[] = [];
    for (const r of g.follow[p]!.keys())
      for (const s of g.follow[q]!.keys()) {
        if (++work > WORK_LIMIT) throw new Unsupported('too much work');
        const w = id.get(r * n + s);
        if (w !== undefined) out.push(w);
      }
    return out;
  };
  const comp = components(pairs.length, succ);
  // A witness of ambiguity per component: an off-diagonal state, or a diagonal step the automaton takes
  // in two ways. The component must also hold a diagonal state (a cycle of the automaton itself).
  const members = new Map<number, Set<number>>();
  const diagonal = new Set<number>();
  const ambiguous = new Map<number, [number, number, boolean]>();
  pairs.forEach(([p, q], v) => {
    const c = comp[v]!;
    const set = members.get(c) ?? new Set<number>();
    set.add(p).add(q);
    members.set(c, set);
    if (p !== q) ambiguous.set(c, [p, q, false]);
    else {
      diagonal.add(c);
      for (const [r, count] of g.follow[p]!) {
        const w = id.get(r * n + r);
        if (count > 1 && w !== undefined && comp[w] === c) ambiguous.set(c, [p, r, true]);
      }
    }
  });
  for (const [c, [p, q, step]] of ambiguous) {
    if (!diagonal.has(c) || !canFailAfter(g, [...members.get(c)!])) continue;
    const read = (v: number): string => {
      const [r, t] = pairs[v]!;
      return printable(intersection(g.sets[r]!, g.sets[t]!));
    };
    const inComp = (v: number): boolean => comp[v] === c;
    const home = pairs.findIndex(([a, b], v) => a === b && inComp(v));
    const path = (from: number, to: number): string => {
      const back = new Map<number, number>([[from, -1]]);
      const queue = [from];
      while (queue.length > 0 && !back.has(to)) {
        const v = queue.shift()!;
        for (const w of succ(v))
          if (inComp(w) && !back.has(w)) {
            back.set(w, v);
            queue.push(w);
          }
      }
      let word = '';
      for (let v = to; v !== from; v = back.get(v)!) word = read(v) + word;
      return word;
    };
    // The cycle through the witness (a pair of different states, or a step taken in two ways): two
    // different runs from `home` back to it on one word.
    const word = step
      ? path(home, id.get(p * n + p)!) + read(id.get(q * n + q)!) + path(id.get(q * n + q)!, home)
      : path(home, id.get(p * n + q)!) + path(id.get(p * n + q)!, home);
    return { part: g.loops[p] ?? g.loops[q]!, example: word.slice(0, 40) };
  }
  return undefined;
}

/** A character of every class that tells the pattern's sets apart (plus the end of the input). */
function alphabet(g: Glushkov): number[] {
  const cuts = new Set<number>([0, -1]);
  for (const set of g.sets)
    for (const [lo, hi] of set) {
      cuts.add(lo);
      if (hi < 0x10ffff) cuts.add(hi + 1);
    }
  return [...cuts].sort((a, b) => a - b);
}

/**
 * Whether some continuation of the input makes the match fail from every state in `from`: a backtracking
 * matcher only tries every way through the loop when the rest of the input cannot be matched. Searched over
 * sets of states (a subset construction), giving up (no report) when there are too many.
 */
function canFailAfter(g: Glushkov, from: number[]): boolean {
  const chars = alphabet(g);
  if (chars.length > MAX_ALPHABET) return false;
  const accepting = (states: number[]): boolean => states.some((p) => g.last.has(p));
  const step = (states: number[], ch: number): number[] => {
    const out = new Set<number>();
    for (const p of states)
      for (const r of g.follow[p]!.keys()) if (intersects(g.sets[r]!, [[ch, ch]])) out.add(r);
    return [...out].sort((a, b) => a - b);
  };
  const seen = new Set<string>();
  const queue: number[][] = [[...new Set(from)].sort((a, b) => a - b)];
  while (queue.length > 0) {
    const states = queue.shift()!;
    const key = states.join(',');
    if (seen.has(key)) continue;
    if (seen.size >= MAX_SUBSETS) return false;
    seen.add(key);
    if (accepting(states)) continue;
    // The input ends here: the match fails unless an end anchor leads to a final state.
    if (states.length === 0 || !accepting(step(states, -1))) return true;
    for (const ch of chars) if (ch >= 0) queue.push(step(states, ch));
  }
  return false;
}

/** Parses `pattern` with `flags` and reports exponential backtracking, or undefined (also when unreadable). */
export function catastrophicBacktracking(
  pattern: string,
  flags: string,
  flavor: RegexFlavor,
): RedosVerdict | undefined {
  if (pattern.length > 2000) return undefined;
  try {
    const has = (f: string): boolean => flags.includes(f);
    const parser = new Parser(pattern, flavor, has('i'), has('s'), has('v'), has('m'));
    const tree = expand(parser.parse(), { copies: 0 });
    const g = glushkov(tree);
    if (g.sets.length > MAX_POSITIONS || g.sets.length === 0) return undefined;
    return exponential(g);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
