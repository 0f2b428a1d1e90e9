import type { SgNode } from '@ast-grep/napi';
import type { SinkSpec } from './rule-schema.js';
import { forFile } from './file-level.js';
import { anchorOf } from './taint-support.js';

/** Positional arguments of a call node (Python keyword arguments excluded), or [] when it is no call. */
export function callArguments(call: SgNode, python: boolean): SgNode[] {
  const list = call.field('arguments');
  if (!list) return [];
  return list
    .namedChildren()
    .filter((c) => c.kind() !== 'comment' && !(python && c.kind() === 'keyword_argument'));
}

/** The values of a sink match that must not be tainted (arguments, metavariables, the whole match). */
export function sinkTargets(m: SgNode, a: string | number, python: boolean): (SgNode | null)[] {
  if (typeof a === 'number') return [callArguments(m, python)[a] ?? null];
  if (a === '*') return m.field('arguments')?.namedChildren() ?? [];
  return [m.getMatch(a), ...m.getMultipleMatches(a)];
}

/** One sink match and the values in it that must not be tainted. */
export interface SinkMatch {
  match: SgNode;
  targets: SgNode[];
}

/**
 * Every match of a rule's sinks in a tree, with its targets. A sink pattern whose longest word (`exec` of
 * `$CP.exec($CMD)`) is not in the module's `text` cannot match there: its walk of the tree is skipped.
 */
export function sinkMatches(
  root: SgNode,
  sinks: readonly SinkSpec[],
  python: boolean,
  text: string,
): SinkMatch[] {
  const out: SinkMatch[] = [];
  for (const sink of sinks) {
    const anchor = anchorOf(sink.matcher);
    if (anchor !== '' && !text.includes(anchor)) continue;
    const matcher = forFile(sink.matcher, root);
    if (!matcher) continue;
    for (const m of root.findAll(matcher)) {
      const targets = sink.args.length === 0 ? [m] : sink.args.flatMap((a) => sinkTargets(m, a, python));
      out.push({ match: m, targets: targets.filter((t): t is SgNode => !!t && t.kind() !== ',') });
    }
  }
  return out;
}
