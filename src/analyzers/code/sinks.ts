import type { SgNode } from '@ast-grep/napi';
import type { SinkSpec, Matcher } from './rule-schema.js';
import { moduleHits } from './batch-match.js';
import type { BatchHit } from './batch-match.js';
import type { LoadedModule } from './project.js';
import type { Bound } from './matches.js';

/** Positional arguments of a call node (Python keyword arguments excluded), or [] when it is no call. */
export function callArguments(call: SgNode, python: boolean): SgNode[] {
  const list = call.field('arguments');
  if (!list) return [];
  return list
    .namedChildren()
    .filter((c) => c.kind() !== 'comment' && !(python && c.kind() === 'keyword_argument'));
}

/** The values of a sink match that must not be tainted (arguments, metavariables, the whole match). */
export function sinkTargets(m: BatchHit, a: string | number, python: boolean): (SgNode | null)[] {
  if (typeof a === 'number') return [callArguments(m.node, python)[a] ?? null];
  if (a === '*') return m.node.field('arguments')?.namedChildren() ?? [];
  return [m.get(a), ...m.getAll(a)];
}

/** One sink match and the values in it that must not be tainted. */
export interface SinkMatch {
  match: SgNode;
  targets: SgNode[];
  /** The sink matcher's metavariables at this match. */
  bound: Bound;
}

/**
 * Every match of a rule's sinks in a module, with its targets, sink by sink in document order. `also`: the
 * sinks of other rules that will ask about the same module, found in the same walk.
 */
export function sinkMatches(
  m: LoadedModule,
  sinks: readonly SinkSpec[],
  also: readonly Matcher[] = [],
): SinkMatch[] {
  const python = m.lang.family === 'python';
  const cache = moduleHits(
    m,
    sinks.map((s) => s.matcher),
    also,
  );
  const out: SinkMatch[] = [];
  for (const sink of sinks) {
    for (const h of cache.get(sink.matcher) ?? []) {
      const targets = sink.args.length === 0 ? [h.node] : sink.args.flatMap((a) => sinkTargets(h, a, python));
      out.push({
        match: h.node,
        targets: targets.filter((t): t is SgNode => !!t && t.kind() !== ','),
        bound: h.get,
      });
    }
  }
  return out;
}
