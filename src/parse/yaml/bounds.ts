import { ParseError } from '../../core/errors.js';
import type { YNode } from './tree.js';

/** Limits on what aliases and merge keys may add to a document. */
export interface YamlLimits {
  /** Alias uses (`*name`) per document. */
  maxAliases: number;
  /**
   * Nodes that aliases and merge keys may add beyond the ones written in the text, counted as if
   * every alias were expanded in place. Consumers walk the expanded tree, so this bounds their work.
   */
  maxExpansion: number;
}

/** Generous enough for CI files that share one template among thousands of jobs. */
export const DEFAULT_LIMITS: YamlLimits = { maxAliases: 10_000, maxExpansion: 1_000_000 };

/** Tighter limits for callers that turn the tree into plain objects (every alias becomes a copy). */
export const PLAIN_LIMITS: YamlLimits = { maxAliases: 1_000, maxExpansion: 100_000 };

/**
 * Tracks, while a document is built, the size every node would have with its aliases expanded, so
 * that an alias bomb ("billion laughs") or a merge bomb fails in the level that crosses the limit
 * instead of exhausting memory in whoever walks the tree.
 */
export class ExpansionBudget {
  private readonly sizes = new WeakMap<YNode, number>();
  private aliases = 0;
  private written = 0;
  private mergeWork = 0;
  constructor(private readonly limits: YamlLimits) {}

  /** Records a node built from text; `size` is its expanded size (1 for a scalar). */
  done<T extends YNode>(n: T, size: number, line: number): T {
    if (n.kind === 'scalar') this.written++;
    else this.written++;
    if (size - this.written > this.limits.maxExpansion)
      throw new ParseError(
        `YAML aliases expand to more than ${this.limits.maxExpansion} extra nodes (an alias bomb?)`,
        line,
      );
    this.sizes.set(n, size);
    return n;
  }

  /** The expanded size of a finished node; an alias to a node still being built is a cycle. */
  sizeOf(n: YNode, line: number): number {
    const s = this.sizes.get(n);
    if (s === undefined) throw new ParseError('YAML alias refers to a node that contains it', line);
    return s;
  }

  /** Counts one alias use and returns the expanded size it adds. */
  alias(target: YNode, line: number): number {
    if (++this.aliases > this.limits.maxAliases)
      throw new ParseError(`YAML document uses more than ${this.limits.maxAliases} aliases`, line);
    return this.sizeOf(target, line);
  }

  /** Counts the entries a merge key (`<<`) walks, so that repeated merges of big maps stay bounded. */
  merge(entries: number, line: number): void {
    this.mergeWork += entries;
    if (this.mergeWork > this.limits.maxExpansion)
      throw new ParseError(
        `YAML merge keys copy more than ${this.limits.maxExpansion} entries (a merge bomb?)`,
        line,
      );
  }
}
