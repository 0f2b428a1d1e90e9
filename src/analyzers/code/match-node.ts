/**
 * The syntax node a reported match stands on, found by walking down from the file's root through the nodes
 * that contain the match's range (a match carries lines and columns, not a node).
 */
import type { SgNode } from '@ast-grep/napi';
import type { CodeMatch } from './matches.js';
import { MAX_ANCESTORS } from './name-binding.js';

/**
 * Walks down from `root` through the nodes containing the match, outermost first, and returns the first answer
 * `pick` gives for a node that starts where the match starts; `endsAtColumn` says whether that node also ends
 * at the match's end column (its end line is always the match's).
 */
export function nodeAtMatch<T>(
  root: SgNode,
  m: CodeMatch,
  pick: (node: SgNode, endsAtColumn: boolean) => T | undefined,
): T | undefined {
  const contains = (n: SgNode): boolean => {
    const r = n.range();
    const start =
      r.start.line + 1 < m.line || (r.start.line + 1 === m.line && r.start.column + 1 <= m.column);
    const end =
      r.end.line + 1 > m.endLine || (r.end.line + 1 === m.endLine && r.end.column + 1 >= m.endColumn);
    return start && end;
  };
  let node: SgNode | undefined = root;
  for (let depth = 0; node && depth < MAX_ANCESTORS; depth++) {
    const r = node.range();
    if (r.start.line + 1 === m.line && r.start.column + 1 === m.column && r.end.line + 1 === m.endLine) {
      const answer = pick(node, r.end.column + 1 === m.endColumn);
      if (answer !== undefined) return answer;
    }
    node = node.children().find(contains);
  }
  return undefined;
}
