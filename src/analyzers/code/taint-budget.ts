import { MAX_STEPS } from './taint-support.js';
import type { FileIndex } from './file-index.js';

/**
 * The evaluation budget of one taint query, drawn from the file's budget (steps and a deadline):
 * one huge or adversarial file cannot stall a scan, and a cut evaluation is reported, never silent.
 */
export class TaintBudget {
  private left = MAX_STEPS;
  private start = MAX_STEPS;
  /**
   * True once an evaluation was cut by a bound (steps, depth or the file's deadline) rather than
   * finishing: the caller reports that the file's analysis stopped early.
   */
  stoppedEarly = false;

  constructor(private readonly index: FileIndex) {}

  /** False once the file's evaluation budget is spent. */
  get hasBudget(): boolean {
    return this.index.budget > 0 && performance.now() < this.index.deadline;
  }

  /** Starts one query with at most MAX_STEPS steps, fewer when the file has less left. */
  begin(): void {
    this.left = Math.min(MAX_STEPS, this.index.budget);
    this.start = this.left;
  }

  /** Charges what the query spent to the file's budget. */
  end(): void {
    this.index.budget -= this.start - Math.max(this.left, 0);
  }

  /** Spends one step; false (and marks the stop) when the query must give up. */
  step(): boolean {
    if (--this.left < 0 || this.overDeadline()) {
      this.stoppedEarly = true;
      return false;
    }
    return true;
  }

  /** Marks a stop by another bound (depth). */
  cut(): void {
    this.stoppedEarly = true;
  }

  /** True when the query is out of steps or past the deadline (checked inside long loops). */
  exhausted(): boolean {
    return this.left < 0 || this.overDeadline();
  }

  /** Spends the whole query's budget when the file's deadline has passed, so that every loop unwinds. */
  private overDeadline(): boolean {
    if (performance.now() < this.index.deadline) return false;
    this.left = -1;
    this.stoppedEarly = true;
    return true;
  }
}
