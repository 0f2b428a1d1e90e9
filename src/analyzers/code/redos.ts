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
import { type CharSet, intersection, intersects, negate, union } from './redos-chars.js';
import { expand, MAX_POSITIONS, type Node, Parser, type RegexFlavor, Unsupported } from './redos-parse.js';

export type { RegexFlavor };

export interface RedosVerdict {
  /** The repeated part that matches a text in more than one way. */
  part: string;
  /** A text the part matches in two ways, and what leads to it and makes the match fail after it: the
   * input `prefix + pump × n + suffix` takes time that doubles with n. */
  prefix: string;
  pump: string;
  suffix: string;
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
  const diagonal = new Set<number>();
  const ambiguous = new Map<number, [number, number, boolean]>();
  pairs.forEach(([p, q], v) => {
    const c = comp[v]!;
    if (p !== q) ambiguous.set(c, [p, q, false]);
    else {
      diagonal.add(c);
      for (const [r, count] of g.follow[p]!) {
        const w = id.get(r * n + r);
        if (count > 1 && w !== undefined && comp[w] === c) ambiguous.set(c, [p, r, true]);
      }
    }
  });
  // Characters after which the match could end at once (a final state that follows a loop state): the text
  // that pumps the loop avoids them where it can, since a matcher that succeeds stops backtracking.
  let ending: CharSet = [];
  for (const p of inLoop)
    for (const r of g.follow[p]!.keys()) if (g.last.has(r)) ending = union(ending, g.sets[r]!);
  const shared = (v: number): CharSet => intersection(g.sets[pairs[v]![0]]!, g.sets[pairs[v]![1]]!);
  const safe = (v: number): CharSet => intersection(shared(v), negate(ending));
  const read = (v: number): string => {
    const chars = safe(v);
    return String.fromCodePoint(pick(chars.length > 0 ? chars : shared(v)));
  };
  for (const [c, [p, q, step]] of ambiguous) {
    if (!diagonal.has(c)) continue;
    const inComp = (v: number): boolean => comp[v] === c;
    const home = pairs.findIndex(([a, b], v) => a === b && inComp(v));
    const search = (from: number, to: number, ok: (v: number) => boolean): Map<number, number> => {
      const back = new Map<number, number>([[from, -1]]);
      const queue = [from];
      while (queue.length > 0 && !back.has(to)) {
        const v = queue.shift()!;
        for (const w of succ(v))
          if (inComp(w) && ok(w) && !back.has(w)) {
            back.set(w, v);
            queue.push(w);
          }
      }
      return back;
    };
    const path = (from: number, to: number): string => {
      let back = search(from, to, (v) => safe(v).length > 0);
      if (!back.has(to)) back = search(from, to, () => true);
      let word = '';
      for (let v = to; v !== from; v = back.get(v)!) word = read(v) + word;
      return word;
    };
    // The cycle through the witness (a pair of different states, or a step taken in two ways): two
    // different runs from `home` back to it on one word.
    const pump = step
      ? path(home, id.get(p * n + p)!) + read(id.get(q * n + q)!) + path(id.get(q * n + q)!, home)
      : path(home, id.get(p * n + q)!) + path(id.get(p * n + q)!, home);
    const prefix = wordTo(g, pairs[home]![0]);
    // What the matcher holds after the prefix and a few rounds of the loop (nothing it reads on the way may
    // complete a match), and a way to fail from there.
    const states = run(g, prefix + pump.repeat(3));
    const suffix = states && failFrom(g, states);
    if (suffix === undefined) continue;
    return { part: g.loops[p] ?? g.loops[q]!, prefix, pump, suffix };
  }
  return undefined;
}

/** A character of the set: printable ASCII where there is one, else its first. */
function pick(set: CharSet): number {
  if (intersects(set, [[32, 32]])) return 32;
  for (const [lo, hi] of set) if (hi >= 0x21 && lo <= 0x7e) return Math.max(lo, 0x21);
  return Math.max(set.find(([, hi]) => hi >= 0)?.[0] ?? 0, 0);
}

/** The states reachable from the start on a character (the start's successors are the first positions). */
function stepFrom(g: Glushkov, states: readonly number[] | 'start', ch: number): number[] {
  const out = new Set<number>();
  const next = states === 'start' ? [[...g.first]] : states.map((p) => [...g.follow[p]!.keys()]);
  for (const list of next) for (const r of list) if (intersects(g.sets[r]!, [[ch, ch]])) out.add(r);
  return [...out].sort((a, b) => a - b);
}

/** The states the automaton is in after reading `word` from the start, or undefined when a match completes on the way. */
function run(g: Glushkov, word: string): number[] | undefined {
  let states: number[] | 'start' = 'start';
  for (const ch of word) {
    states = stepFrom(g, states, ch.codePointAt(0)!);
    if (states.some((p) => g.last.has(p))) return undefined;
  }
  return states === 'start' ? [] : states;
}

/** A shortest text that leads from the start to `target` (its last character read by `target`). */
function wordTo(g: Glushkov, target: number): string {
  const back = new Map<number, number>();
  const queue: number[] = [];
  for (const p of g.first) {
    back.set(p, -1);
    queue.push(p);
  }
  while (queue.length > 0 && !back.has(target)) {
    const v = queue.shift()!;
    for (const w of g.follow[v]!.keys())
      if (!back.has(w)) {
        back.set(w, v);
        queue.push(w);
      }
  }
  let word = '';
  for (let v = target; v !== -1 && v !== undefined; v = back.get(v)!)
    word = String.fromCodePoint(pick(g.sets[v]!)) + word;
  return word;
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
 * A continuation of the input that makes the match fail from every state in `from` (a backtracking matcher
 * only tries every way through the loop when the rest cannot be matched), or undefined. Searched over sets
 * of states (a subset construction), giving up (no report) when there are too many.
 */
function failFrom(g: Glushkov, from: number[]): string | undefined {
  const chars = alphabet(g);
  if (chars.length > MAX_ALPHABET) return undefined;
  const accepting = (states: number[]): boolean => states.some((p) => g.last.has(p));
  const seen = new Map<string, string>();
  const queue: [number[], string][] = [[from, '']];
  while (queue.length > 0) {
    const [states, word] = queue.shift()!;
    const key = states.join(',');
    if (seen.has(key)) continue;
    if (seen.size >= MAX_SUBSETS) return undefined;
    seen.set(key, word);
    if (accepting(states)) continue;
    // The input ends here: the match fails unless an end anchor leads to a final state.
    if (states.length === 0 || !accepting(stepFrom(g, states, -1))) return word;
    for (const ch of chars)
      if (ch >= 0) queue.push([stepFrom(g, states, ch), word + String.fromCodePoint(ch)]);
  }
  return undefined;
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
    const parser = new Parser(
      pattern,
      flavor,
      has('i'),
      has('s'),
      has('v'),
      has('m'),
      flavor === 'python' && has('x'),
    );
    const tree = expand(parser.parse(), { copies: 0 });
    const g = glushkov(tree);
    if (g.sets.length > MAX_POSITIONS || g.sets.length === 0) return undefined;
    return exponential(g);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
