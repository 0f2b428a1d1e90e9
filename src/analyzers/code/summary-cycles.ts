import type { ProjectView } from './project.js';

/**
 * What computing a kept flow or summary cost: its own steps, and the costs of the kept flows and summaries
 * it used (each charged once per analysed file, see Summaries.pay). Apart from the values, so that a cost
 * never keeps another module's trees alive once the module cache has let them go.
 */
export interface Cost {
  own: number;
  deps: Cost[];
}

/** A flow or summary being computed: whether it met a recursion, and what it used of kept ones. */
export interface Frame {
  key: string;
  cycle: boolean;
  /** Steps charged inside the kept flows and summaries it asked for (not its own). */
  nested: number;
  deps: Cost[];
  /** Every flow or summary asked for while computing it, also inside those it computed (see CycleMemo). */
  reach: Set<string>;
  /**
   * Steps charged for kept flows and summaries inside the recursive ones it computed or reused, and their
   * costs: what a recursive one costs apart from its own work (a recursive one's own steps count as its
   * caller's, Summaries.kept; these are kept apart only to charge a reused one as its recomputation would).
   */
  cycleNested: number;
  cycleDeps: Cost[];
}

/** A new frame for the flow or summary `key`. */
export function frameFor(key: string): Frame {
  return { key, cycle: false, nested: 0, deps: [], reach: new Set(), cycleNested: 0, cycleDeps: [] };
}

/** A recursive flow or summary as computed once, with what decides whether computing it again gives the same. */
export interface CycleEntry {
  value: unknown;
  /** Its own steps (those of the recursive ones inside it included). */
  own: number;
  /** The kept flows and summaries it used, inside the recursive ones too: each is paid again at reuse. */
  deps: Cost[];
  /** What it asked for (Frame.reach). */
  reach: ReadonlySet<string>;
  /** Those of `reach` that were being computed when it was asked for: met as recursion, counted as empty. */
  pending: ReadonlySet<string>;
}

/**
 * Recursive flows and summaries of one analysed file, reused instead of computed again. One that met a
 * recursion is not kept on its module (its value depends on where the cycle was entered), so every call
 * of it computed it anew: in a module whose functions call each other in a ring, every summary of one
 * recomputed the others at each of their calls (fastify's validation.js cost its importer 3 CPU-s).
 * Computing it is a pure function of which of the flows and summaries it asks for are being computed at
 * that moment (those count as empty); the rest come from the module's cache, which gives what computing
 * them would. So a kept entry is reused exactly when the flows and summaries under way now, among those
 * it asks for, are the ones that were under way when it was computed. Per analysed file (the modules a
 * call resolves to are that file's view), shared by its rules.
 */
export class CycleMemo {
  private readonly entries = new Map<string, CycleEntry>();

  /** The entry of `key` when computing it now, under `stack`, would give the same; otherwise undefined. */
  lookup(key: string, stack: readonly Frame[]): CycleEntry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    let under = 0;
    for (const f of stack) {
      if (!e.reach.has(f.key)) continue;
      if (!e.pending.has(f.key)) return undefined;
      under++;
    }
    return under === e.pending.size ? e : undefined;
  }

  /** Keeps what computing `key` under `stack` gave (a recursive one, computed within the file's steps). */
  record(key: string, stack: readonly Frame[], frame: Frame, value: unknown, own: number): void {
    const pending = new Set<string>();
    for (const f of stack) if (frame.reach.has(f.key)) pending.add(f.key);
    // A cost met twice is paid once per file: the second would charge nothing.
    const deps = [...new Set([...frame.deps, ...frame.cycleDeps])];
    this.entries.set(key, { value, own, deps, reach: frame.reach, pending });
  }
}

const memos = new WeakMap<ProjectView, CycleMemo>();

/** The memo of one analysed file (created on first use, let go with the file's view). */
export function cycleMemoOf(view: ProjectView): CycleMemo {
  let m = memos.get(view);
  if (!m) {
    m = new CycleMemo();
    memos.set(view, m);
  }
  return m;
}
