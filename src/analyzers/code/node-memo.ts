import type { SgNode } from '@ast-grep/napi';

/**
 * Answers that depend on a node's place in its tree alone (its access path, whether it is read as an object),
 * kept per file and node id. Every taint rule's evaluator, and the check asked for all of them, asks the same
 * nodes again, and each answer costs several calls into the parser (each node it hands out is kept for good:
 * jsperf20); the id is one call that hands out nothing. Nothing here spends taint steps, so keeping an answer
 * changes no evaluation.
 */
export class NodeMemo<T> {
  private readonly perFile = new WeakMap<object, Map<number, T>>();

  /** The answer for `node` of the file keyed by `file` (its FileIndex), computed on first use. */
  of(file: object, node: SgNode, compute: () => T): T {
    let m = this.perFile.get(file);
    if (!m) this.perFile.set(file, (m = new Map<number, T>()));
    const id = node.id();
    if (m.has(id)) return m.get(id) as T;
    const v = compute();
    m.set(id, v);
    return v;
  }
}
