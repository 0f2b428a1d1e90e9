import { MAX_STEPS } from './taint-support.js';

/**
 * Steps of taint evaluation: every step of the evaluator, plus work that grows with the size of what it
 * looks at (a lookup over a name's occurrences, a walk of a function body), charged in steps. Nothing
 * here reads a clock: the same input spends the same steps and stops at the same place on an idle and
 * on a loaded machine, so it gives the same findings.
 */
export class StepPool {
  private used = 0;
  /** Set once a charge did not fit: from then on every charge fails. */
  exhausted = false;

  constructor(private readonly size: number) {}

  /** Steps charged so far (a cached answer's cost is read off this before and after computing it). */
  get spent(): number {
    return this.used;
  }

  get left(): number {
    return this.size - this.used;
  }

  /** Charges `n` steps; false (and exhausted for good) when they do not fit. */
  take(n: number): boolean {
    if (this.exhausted) return false;
    this.used += n;
    if (this.used > this.size) this.exhausted = true;
    return !this.exhausted;
  }
}

/**
 * Steps for one analysed file: everything its taint rules evaluate, in the file and in every function
 * summary of the modules it imports. A summary computed earlier (for another file, kept in the module's
 * cache) is charged what computing it cost, once per analysed file, so what a file may do never depends on
 * what the process analysed before it. Real code stays well below: the most in this repository's
 * node_modules is 63,000 (fastify's handle-request.js, through 24 modules), ungit's 1,100 lines of routes
 * take 28,000; a step costs 2-150 µs (more in bundles of 1 MB and over, whose names and `if`s are many).
 */
export const FILE_STEPS = 200_000;
/** Steps of the analysed file's own queries (a summary's own queries have as many). */
export const OWN_STEPS = 20_000;

/** The step pools one evaluator draws from: the file's pool, and its own share (the entry's or a summary's). */
export interface Account {
  file: StepPool;
  own: StepPool;
}

/** A new account for one analysed file. */
export function fileAccount(): Account {
  return { file: new StepPool(FILE_STEPS), own: new StepPool(OWN_STEPS) };
}

/**
 * The budget of one taint query: at most MAX_STEPS of its own steps, drawn from its account. A cut
 * evaluation is reported, never silent.
 */
export class TaintBudget {
  private left = MAX_STEPS;
  private start = MAX_STEPS;
  /** True once an evaluation was cut by a bound (steps or depth) rather than finishing. */
  stoppedEarly = false;
  /** Steps charged through charge() so far (what a kept answer records as its cost). */
  charged = 0;

  constructor(private readonly account: Account) {}

  /** False once the account is spent. */
  get hasBudget(): boolean {
    return this.account.own.left > 0 && !this.account.file.exhausted;
  }

  /** Starts one query with at most MAX_STEPS steps, fewer when its own share has less left. */
  begin(): void {
    this.left = Math.max(0, Math.min(MAX_STEPS, this.account.own.left));
    this.start = this.left;
  }

  /** Charges what the query spent to its own share. */
  end(): void {
    this.account.own.take(this.start - Math.max(this.left, 0));
  }

  /** Spends one step; false (and marks the stop) when the query must give up. */
  step(): boolean {
    if (--this.left < 0 || !this.account.file.take(1)) {
      this.stoppedEarly = true;
      this.left = -1;
      return false;
    }
    return true;
  }

  /**
   * Charges `n` steps of work that grows with the size of its input to the file (not to the query's own
   * steps, which bound the search, not its cost); false (and marks the stop) when the file is spent.
   */
  charge(n: number): boolean {
    if (n <= 0) return !this.account.file.exhausted;
    this.charged += n;
    if (this.account.file.take(n)) return true;
    this.stoppedEarly = true;
    this.left = -1;
    return false;
  }

  /** Marks a stop by another bound (depth). */
  cut(): void {
    this.stoppedEarly = true;
  }

  /** True once the file's pool is spent (everything still under way is cut). */
  get spent(): boolean {
    return this.account.file.exhausted;
  }

  /** True when the query is out of steps or the file's pool is spent. */
  exhausted(): boolean {
    return this.left < 0 || this.account.file.exhausted;
  }
}

/** Steps charged for walking `chars` characters of source (a function body's returns, calls or ifs). */
export function sizeSteps(chars: number): number {
  return Math.ceil(chars / 4096);
}
