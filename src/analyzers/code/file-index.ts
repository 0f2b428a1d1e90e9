import type { SgNode } from '@ast-grep/napi';
import { findAllBatch, matcherKey } from './batch-match.js';
import { forFile } from './file-level.js';
import { kindExcludes } from './kind-reject.js';
import { boundHits } from './guard-bindings.js';
import type { FileLanguage } from './languages.js';
import { mayMatch } from './match-words.js';
import type { Matcher } from './rule-schema.js';
import { enclosingFunction, escapeRegex, functionName } from './scope.js';
import type { Definition } from './scope.js';
import type { Syntax } from './syntax.js';
import type { Guard } from './taint-support.js';

/**
 * A rule that names the kinds it can match: a pattern or a kind, or alternatives that each do. findAll finds
 * exactly the nodes such a rule matches; for others (only `inside`, `has`, `regex`) it does not.
 */
export function anchored(r: Record<string, unknown>): boolean {
  if (r.pattern !== undefined || r.kind !== undefined) return true;
  const alts = r.any;
  return (
    Array.isArray(alts) &&
    alts.length > 0 &&
    alts.every((x) => !!x && typeof x === 'object' && anchored(x as Record<string, unknown>))
  );
}

/** A function of the file: its offsets, and the index of the innermost function around it (-1: none). */
interface FunctionSpan {
  node: SgNode;
  id: number;
  start: number;
  end: number;
  parent: number;
}

/** The file's functions in document order, each with the function around it. */
function spansOf(functions: readonly SgNode[]): FunctionSpan[] {
  const out: FunctionSpan[] = [];
  const open: number[] = [];
  for (const node of functions) {
    const r = node.range();
    const span = { node, id: node.id(), start: r.start.index, end: r.end.index, parent: -1 };
    // Document order lists a function after every function around it: close those that end before it.
    while (open.length > 0 && (out[open[open.length - 1] as number] as FunctionSpan).end < span.end)
      open.pop();
    span.parent = open.length > 0 ? (open[open.length - 1] as number) : -1;
    open.push(out.length);
    out.push(span);
  }
  return out;
}

/** An occurrence of a name: the identifier, and its offset once read (startOf). */
export interface NameSite {
  node: SgNode;
  start: number | undefined;
}

/** The offset where an occurrence of a name starts, read once. */
export function startOf(site: NameSite): number {
  return (site.start ??= site.node.range().start.index);
}

/** Where a matcher matched: the node's offsets and the text its `$X` bound. */
export interface Spot {
  start: number;
  end: number;
  x: string | undefined;
}

/** Lookups over one file's tree, shared by every taint rule run on that file. */
export class FileIndex {
  readonly hits = new Map<string, SgNode[]>();
  /** The occurrences among `hits` that define their name, with their offsets (definitions.ts). */
  readonly defining = new Map<string, { node: SgNode; start: number; d: Definition }[]>();
  readonly fns = new Map<string, SgNode[]>();
  /** The `if` statements of each scope (by the scope's id), in document order, with their ids and offsets. */
  readonly ifs = new Map<
    number,
    { node: SgNode; id: number; start: number; end: number; fn?: number | null }[]
  >();
  /**
   * What each `if` guards, per set of guards (taint-guards.ts), with the steps finding it was charged: a
   * kept answer is charged the same again.
   */
  readonly guards = new Map<readonly Matcher[], Map<number, { guard: Guard; cost: number }>>();
  /** The expressions each function returns (its own `return`s, not those of functions inside it), by id. */
  readonly returns = new Map<number, SgNode[]>();
  readonly fnOf = new Map<number, SgNode | undefined>();
  /** What definition an identifier occurrence makes (null: none), by node id. */
  readonly defs = new Map<number, Definition | null>();
  /**
   * The definitions that may reach a use, by the use's node id (the same for every rule and evaluator),
   * with the steps the lookup was charged: a cached answer is charged the same again (taint-budget.ts).
   */
  readonly reach = new Map<number, { defs: Definition[]; cost: number }>();
  private nameIndex: Map<string, NameSite[]> | undefined;
  private readonly matched = new Map<Matcher, Set<number> | Map<number, boolean>>();
  private readonly spots = new Map<Matcher, Spot[]>();
  /** The first matcher of each configuration in `matched` and in `spots` (see twin). */
  private readonly matchedKeys = new Map<string, Matcher>();
  private readonly spotKeys = new Map<string, Matcher>();
  private calls: Map<string, { node: SgNode; callee: string }[]> | undefined;
  private readonly byKinds = new Map<string, SgNode[]>();
  private readonly allCalls = new Map<string, { node: SgNode; callee: string | undefined }[]>();
  private text: string | undefined;
  private functionIndex: Map<string, SgNode[]> | undefined;
  private functionSpans: FunctionSpan[] | undefined;
  /**
   * Whether `node` (of this file's tree) matches `m`, answered for the whole file at once where that is
   * safe: a rule anchored on a pattern or a kind is found with a native walk (see prime), instead of a match
   * test (and a compile of the matcher) at every node every evaluator visits. Other rules (relational ones:
   * ast-grep's findAll returns the wrong nodes for a rule with only `inside`) are tested per node, once.
   */
  matches(root: SgNode, node: SgNode, m: Matcher, id = node.id()): boolean {
    let ids = this.matched.get(m);
    if (!ids) {
      this.prime(root, undefined, [m]);
      ids = this.matched.get(m) ?? new Set<number>();
    }
    if (ids instanceof Set) return ids.has(id);
    let v = ids.get(id);
    if (v === undefined) {
      const f = forFile(m, root, this.textOf(root));
      // A node its kind tests exclude is answered without compiling the matcher (kind-reject.ts).
      ids.set(id, (v = f !== null && !kindExcludes(f.rule, node) && node.matches(f)));
    }
    return v;
  }

  /**
   * Finds the nodes of every anchored matcher of `ms` not yet asked about with one walk of the tree (one
   * each without `lang`); a matcher whose words are not in the file (see mayMatch) is not walked.
   */
  prime(root: SgNode, lang: FileLanguage | undefined, ms: readonly Matcher[]): void {
    const walk: Matcher[] = [];
    const files: Matcher[] = [];
    const same: [Matcher, Matcher][] = [];
    for (const m of ms) {
      if (this.matched.has(m)) continue;
      const twin = this.twin(this.matchedKeys, m);
      if (twin) {
        same.push([m, twin]);
        continue;
      }
      const f = forFile(m, root, (this.text ??= root.text()));
      // A matcher whose words are not in the file matches no node of it, whether walked or tested per node.
      if (!f || !mayMatch(m, this.text)) this.matched.set(m, new Set<number>());
      else if (!anchored(m.rule as Record<string, unknown>)) this.matched.set(m, new Map<number, boolean>());
      else {
        this.matched.set(m, new Set<number>());
        walk.push(m);
        files.push(f);
      }
    }
    const found = findAllBatch(root, lang, files, (this.text ??= root.text()).length);
    found.forEach((hits, i) => this.matched.set(walk[i] as Matcher, new Set(hits.map((h) => h.node.id()))));
    for (const [m, twin] of same) this.matched.set(m, this.matched.get(twin) ?? new Set<number>());
  }

  /**
   * The matcher of the same configuration (matcherKey) asked about before in this file, if any; else `m` is
   * remembered as the one of its configuration. Its answers are shared, so that it is walked once.
   */
  private twin(seen: Map<string, Matcher>, m: Matcher): Matcher | undefined {
    const key = matcherKey(m);
    const t = seen.get(key);
    if (t === undefined) seen.set(key, m);
    return t;
  }

  /**
   * Where each of `ms` (guards) matches in the file, with the text its `$X` binds: found once per file and
   * matcher, so that each `if` asks which of them lie in its condition instead of walking it once per
   * guard (and compiling the guard each time).
   */
  spotsOf(root: SgNode, lang: FileLanguage | undefined, ms: readonly Matcher[]): Map<Matcher, Spot[]> {
    const todo: Matcher[] = [];
    const files: Matcher[] = [];
    const same: [Matcher, Matcher][] = [];
    const text = (this.text ??= root.text());
    for (const m of ms) {
      if (this.spots.has(m)) continue;
      const twin = this.twin(this.spotKeys, m);
      if (twin) {
        same.push([m, twin]);
        continue;
      }
      const f = forFile(m, root, text);
      if (!f || !mayMatch(m, text)) this.spots.set(m, []);
      else {
        todo.push(m);
        files.push(f);
      }
    }
    findAllBatch(root, lang, files, text.length).forEach((hits, i) =>
      this.spots.set(
        todo[i] as Matcher,
        boundHits(root, todo[i] as Matcher, hits).map((h) => {
          const r = h.node.range();
          return { start: r.start.index, end: r.end.index, x: h.get('X')?.text() };
        }),
      ),
    );
    for (const [m, twin] of same) this.spots.set(m, this.spots.get(twin) ?? []);
    return this.spots;
  }

  /**
   * The innermost function around `node` (undefined at module level), as `enclosingFunction` finds it by
   * climbing parents, but from the file's functions listed once with their offsets: a climb is a native call
   * per level, which cost more than the lookup itself in large files.
   */
  /** The file's text, read from the tree once. */
  textOf(root: SgNode): string {
    return (this.text ??= root.text());
  }

  functionAround(root: SgNode, syn: Syntax, node: SgNode): SgNode | undefined {
    // `function` (an old grammar's name) is no kind of the JavaScript and TSX grammars in use: asking for it fails.
    const fns = (this.functionSpans ??= spansOf(this.functions(root, syn)));
    const r = node.range();
    const s = r.start.index;
    const e = r.end.index;
    const id = node.id();
    let lo = 0;
    let hi = fns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((fns[mid]?.start ?? 0) <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0;) {
      const f = fns[i] as FunctionSpan;
      if (f.start <= s && e <= f.end && f.id !== id) {
        // Same offsets: the function may be the node's child (`x => x` as a whole statement); ask the tree.
        if (f.start === s && f.end === e) return enclosingFunction(node, syn);
        return f.node;
      }
      i = f.parent;
    }
    return undefined;
  }

  /**
   * The file's functions (of every kind in `syn.functions` the grammar has) in document order, from the walk
   * functionAround and functionsNamed share (in Python functionsNamed lists definitions only: not this list).
   */
  functions(root: SgNode, syn: Syntax): SgNode[] {
    return this.nodesOf(
      root,
      [...syn.functions].filter((k) => k !== 'function'),
    );
  }

  /**
   * The nodes of any of `kinds` in document order, found with one walk per list of kinds: the function
   * spans and the functions by name ask for the same kinds in JavaScript and TypeScript.
   */
  private nodesOf(root: SgNode, kinds: readonly string[]): SgNode[] {
    const key = kinds.join(' ');
    let nodes = this.byKinds.get(key);
    if (!nodes) {
      nodes = root.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } });
      this.byKinds.set(key, nodes);
    }
    return nodes;
  }

  /**
   * Identifier occurrences by name, built with one walk of the tree. An occurrence's offset is read when
   * first asked for (see startOf): most names are never looked up, and a `range()` is a native call.
   */
  names(root: SgNode, syn: Syntax, python: boolean): Map<string, NameSite[]> {
    let m = this.nameIndex;
    if (!m) {
      m = new Map();
      const kinds = python ? [{ kind: 'identifier' }] : [...syn.identifiers].map((kind) => ({ kind }));
      for (const node of root.findAll({ rule: { any: kinds } })) {
        const t = node.text();
        let list = m.get(t);
        if (!list) m.set(t, (list = []));
        list.push({ node, start: undefined });
      }
      this.nameIndex = m;
    }
    return m;
  }

  /**
   * Calls whose callee is `name` or `x.name`, found once per name: for a plain name, among every call of
   * the file listed by its callee's last part with one walk (a walk per name cost more on big files).
   */
  callsTo(root: SgNode, callKind: string, name: string): SgNode[] {
    const key = `call:${name}`;
    let c = this.fns.get(key);
    if (!c) {
      const regex = `^(?:[0-9A-Za-z_$]+\\.)?${escapeRegex(name)}$`;
      if (/^[0-9A-Za-z_$]+$/.test(name)) {
        const re = new RegExp(regex);
        c = (this.callsByName(root, callKind).get(name) ?? [])
          .filter((x) => re.test(x.callee))
          .map((x) => x.node);
      } else c = root.findAll({ rule: { kind: callKind, has: { field: 'function', regex } } });
      this.fns.set(key, c);
    }
    return c;
  }

  /**
   * Every call of the file (nodes of `callKind`) in document order, with its callee's text (undefined when
   * it has no `function` field): listed with one walk, for the taint engine's callers and the engine's calls
   * into imported names alike.
   */
  callList(root: SgNode, callKind: string): readonly { node: SgNode; callee: string | undefined }[] {
    let list = this.allCalls.get(callKind);
    if (!list) {
      list = root.findAll({ rule: { kind: callKind } }).map((node) => ({
        node,
        callee: node.field('function')?.text(),
      }));
      this.allCalls.set(callKind, list);
    }
    return list;
  }

  /** Every call of the file by the last part of its callee's text (after the last `.`). */
  private callsByName(root: SgNode, callKind: string): Map<string, { node: SgNode; callee: string }[]> {
    let m = this.calls;
    if (!m) {
      m = new Map();
      for (const { node, callee } of this.callList(root, callKind)) {
        if (callee === undefined) continue;
        const last = callee.slice(callee.lastIndexOf('.') + 1);
        let list = m.get(last);
        if (!list) m.set(last, (list = []));
        list.push({ node, callee });
      }
      this.calls = m;
    }
    return m;
  }

  /** Functions by the name they are called by, built with one walk of the tree. */
  functionsNamed(root: SgNode, syn: Syntax, python: boolean, name: string): SgNode[] {
    let m = this.functionIndex;
    if (!m) {
      m = new Map();
      const kinds = [...syn.functions].filter((k) => !k.startsWith('generator_function') || !python);
      for (const fn of this.nodesOf(
        root,
        python ? ['function_definition'] : kinds.filter((k) => k !== 'function'),
      )) {
        const n = functionName(fn);
        if (n === undefined) continue;
        let list = m.get(n);
        if (!list) m.set(n, (list = []));
        list.push(fn);
      }
      this.functionIndex = m;
    }
    return m.get(name) ?? [];
  }
}
