import type { SgNode } from '@ast-grep/napi';
import { KIND_NAME } from './rule-kinds.js';

/*
 * A test of one node against a matcher (`node.matches`) compiles the matcher every time (ast-grep's napi keeps
 * no compiled rule), which costs more than most tests: a request source's handler test, asked of a thousand
 * functions over node_modules, matched one, and 80% of those asked were not even in a call's arguments, the
 * first thing its `inside` tests. Here the rule's own kind tests are read in JavaScript first: a node whose
 * kind a `kind` of the rule excludes, or whose parent's kind an `inside` without `stopBy` excludes (that
 * `inside` looks at the parent alone), fails the rule whatever else it holds, so it is answered without
 * compiling the rule. Anything else (a pattern, a `not`, a util, a regex, `has`) is left to ast-grep.
 */

/** The node's parent, asked once per test (a native call that descends from the root). */
interface At {
  node: SgNode;
  kind?: string;
  parent?: At | null;
}

function kindAt(at: At): string {
  return (at.kind ??= String(at.node.kind()));
}

function parentAt(at: At): At | null {
  if (at.parent === undefined) {
    const p = at.node.parent();
    at.parent = p ? { node: p } : null;
  }
  return at.parent;
}

/** Whether `rule` fails at the node for one of its kind tests (false: it may match, ast-grep decides). */
function excluded(rule: unknown, at: At): boolean {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return false;
  const r = rule as Record<string, unknown>;
  // Every key of a rule object must hold: one that fails is enough.
  if (typeof r.kind === 'string' && KIND_NAME.test(r.kind) && r.kind !== kindAt(at)) return true;
  if (Array.isArray(r.all) && r.all.some((x) => excluded(x, at))) return true;
  if (Array.isArray(r.any) && r.any.length > 0 && r.any.every((x) => excluded(x, at))) return true;
  const inside = r.inside as Record<string, unknown> | undefined;
  if (inside && typeof inside === 'object' && !Array.isArray(inside)) {
    // Without `stopBy` (or with `neighbor`) `inside` tests the parent only; a `field` only adds a condition.
    if (inside.stopBy === undefined || inside.stopBy === 'neighbor') {
      const p = parentAt(at);
      if (p === null || excluded(inside, p)) return true;
    }
  }
  return false;
}

/** True when `rule` cannot match `node` by its kind tests (of the node and of its parents through `inside`). */
export function kindExcludes(rule: unknown, node: SgNode): boolean {
  return excluded(rule, { node });
}
