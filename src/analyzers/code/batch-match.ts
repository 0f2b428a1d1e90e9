import type { SgNode } from '@ast-grep/napi';
import { cheapFirst } from './cheap-first.js';
import { inlined, renamed } from './constraint-inline.js';
import type { Rule } from './constraint-inline.js';
import { forFile } from './file-level.js';
import { GUARD_BINDINGS } from './guard-bindings.js';
import type { FileLanguage } from './languages.js';
import { mayMatch } from './match-words.js';
import type { LoadedModule } from './project.js';
import { allowsKind, groupedByKind, kindsOf } from './rule-kinds.js';
import type { Matcher } from './rule-schema.js';
import { hoistRepeated } from './shared-rules.js';
import { reachedUtils } from './used-utils.js';

/**
 * Many matchers with one walk of a tree.
 *
 * Every `findAll` walks the whole tree (about half a microsecond per line even when nothing matches), so a
 * file with fifty sink patterns was walked fifty times. Here the matchers become alternatives of one rule:
 *
 *   all: [ any: [m0, m1, ...],  any: [ all: [m0, $$VGT0], TRUE ],  any: [ all: [m1, $$VGT1], TRUE ], ... ]
 *
 * The first item finds every node some matcher matches; the others bind the tag `$VGTi` on such a node
 * for each matcher i that matches it, so a node several matchers match is reported for each. Two things
 * keep the alternatives independent: each one's metavariables (and utils) get their own suffix, and
 * `constraints` (which ast-grep checks once, after the whole rule matched, on whatever is bound: one failing
 * would reject the node for every alternative) are written into the alternative as conditions on the child
 * the metavariable stands at (`$DB.$M($$$)` with a constraint on M: the call's `function` field's `property`
 * field). A matcher whose constraints cannot be placed so is walked on its own, as written. The first item's
 * alternatives are grouped behind the kinds each can match (rule-kinds.ts), so that a node is tried only
 * against the alternatives that allow its kind, in their order: on vite's bundle a quarter of the walk was
 * seventy-five alternatives tried in turn at every call and identifier.
 */

/** One match of one matcher: the node, and its metavariables under the names the matcher uses. */
export interface BatchHit {
  node: SgNode;
  /** The node bound to metavariable `name` of the matcher. */
  get: (name: string) => SgNode | null;
  /** The nodes bound to multi-metavariable `name` of the matcher. */
  getAll: (name: string) => SgNode[];
}

/** A rule that every node matches (the fallback of an optional tag): the empty regex matches at once. */
const TRUE: Rule = { regex: '' };

const plainHit = (node: SgNode): BatchHit => ({
  node,
  get: (name) => node.getMatch(name),
  getAll: (name) => node.getMultipleMatches(name),
});

interface Alternative {
  rule: Rule;
  utils: Rule;
  /**
   * A metavariable every match of the alternative binds (one of its top-level pattern's), which then tells
   * that it matched; undefined when a tag must be bound for that.
   */
  bound: string | undefined;
  /** The kinds of node it can match (rule-kinds.ts), null when its shape does not tell. */
  kinds: Set<string> | null;
}

const alternatives = new WeakMap<Matcher, Map<string, Alternative | null>>();
const alone = new WeakMap<Matcher, Map<string, Matcher>>();

/**
 * The matcher as walked on its own: with its constraints written into its rule where that means the same
 * (constraint-inline.ts), so that they are checked before its costly parts rather than after the whole rule,
 * and its cheap tests before a pattern that matches every node of its kind (cheap-first.ts).
 */
function walkedAlone(m: Matcher, lang: FileLanguage | undefined): Matcher {
  if (!lang) return m;
  let byLang = alone.get(m);
  if (!byLang) alone.set(m, (byLang = new Map<string, Matcher>()));
  const key = String(lang.lang);
  let w = byLang.get(key);
  if (w === undefined) {
    const r = m.constraints === undefined ? null : inlined(m, lang);
    if (r === null) {
      // Constraints left as written are checked after the whole rule, so moving its tests is still the same.
      const rule = cheapFirst(m.rule as Rule, lang);
      w = rule === m.rule ? m : { ...m, rule };
    } else {
      const { constraints: _constraints, ...rest } = m;
      w = { ...rest, rule: cheapFirst(r.rule, lang), utils: { ...m.utils, ...r.utils } } as Matcher;
    }
    // Only the utils it names are compiled (used-utils.ts).
    const utils = reachedUtils(w.utils as Rule | undefined, w.rule, w.constraints);
    if (utils !== w.utils) w = { ...w, utils } as Matcher;
    byLang.set(key, w);
  }
  return w;
}

const hoisted = new WeakMap<Matcher, Matcher>();

/**
 * The matcher with its repeated sub-rules written once as utils (shared-rules.ts), for a small file's walk,
 * where compiling the matcher costs more than walking it. Not for a larger file: ast-grep looks a util up
 * by name at every node it tests, and the prefix guards (which climb to the program and search all of it
 * from each candidate) took about twice the time with their repeated sub-rules as utils.
 */
function compiledOnce(m: Matcher): Matcher {
  let h = hoisted.get(m);
  if (h === undefined) {
    const r = hoistRepeated(m.rule as Rule, m.utils, 'vgs');
    h = r.rule === m.rule ? m : ({ ...m, rule: r.rule, utils: r.utils } as Matcher);
    hoisted.set(m, h);
  }
  return h;
}

/** The matcher as an alternative of a combined rule, with names made its own by `suffix`. */
function alternativeOf(m: Matcher, lang: FileLanguage, suffix: string): Alternative | null {
  let byLang = alternatives.get(m);
  if (!byLang) alternatives.set(m, (byLang = new Map<string, Alternative | null>()));
  const key = `${String(lang.lang)}\0${suffix}`;
  let a = byLang.get(key);
  if (a === undefined) {
    const r = inlined(m, lang);
    const utils: Rule = {};
    for (const [k, u] of Object.entries({ ...m.utils, ...r?.utils }))
      utils[`${k}${suffix}`] = renamed(u, suffix);
    const p = (m.rule as Rule).pattern;
    const single = typeof p === 'string' ? /(?:^|[^$])\$([A-Z][A-Z0-9_]*)/.exec(p)?.[1] : undefined;
    const rule = r === null ? null : (renamed(cheapFirst(r.rule, lang), suffix) as Rule);
    // Only the utils it names are compiled (used-utils.ts).
    const used = reachedUtils(utils, rule);
    a =
      rule === null
        ? null
        : { rule, utils: used, bound: single && `${single}${suffix}`, kinds: kindsOf(rule, used, lang.lang) };
    byLang.set(key, a);
  }
  return a;
}

/**
 * Below this many characters of text a matcher's walk costs less than compiling it (ast-grep compiles a
 * matcher at every call, and a combined rule costs more to compile than its parts): each matcher is then
 * walked on its own. 8 KB since constraints are checked before relational parts (constraint-inline.ts):
 * node_modules' JavaScript took 3% less CPU than at 32 KB (2 KB: 3% less too), with the same matches.
 */
export const COMBINE_FROM_CHARS = 8 * 1024;

/**
 * The matches of each matcher in the tree under `root`, in document order, as `root.findAll(m)` gives them:
 * those that can be combined with one walk when the text has `chars` characters or more (see
 * COMBINE_FROM_CHARS), the others with a walk each.
 */
export function findAllBatch(
  root: SgNode,
  lang: FileLanguage | undefined,
  matchers: readonly Matcher[],
  chars = COMBINE_FROM_CHARS,
): BatchHit[][] {
  if (!lang || chars < COMBINE_FROM_CHARS)
    return matchers.map((m) => root.findAll(compiledOnce(walkedAlone(m, lang))).map(plainHit));
  const out: BatchHit[][] = matchers.map(() => []);
  const combined: { index: number; tag: string; suffix: string }[] = [];
  const any: Rule[] = [];
  const kinds: (Set<string> | null)[] = [];
  const tags: Rule[] = [];
  let utils: Rule = {};
  matchers.forEach((m, index) => {
    const suffix = `_VG${index}`;
    const a = matchers.length > 1 ? alternativeOf(m, lang, suffix) : null;
    if (!a) {
      out[index] = root.findAll(walkedAlone(m, lang)).map(plainHit);
      return;
    }
    // Each alternative is a util, compiled once and used twice.
    const name = `vg${index}`;
    const tag = a.bound ?? `VGT${index}`;
    combined.push({ index, tag, suffix });
    any.push({ matches: name });
    kinds.push(a.kinds);
    const own = a.bound ? { matches: name } : { all: [{ matches: name }, { pattern: `$$${tag}` }] };
    tags.push({ any: [own, { matches: 'vg_true' }] });
    utils = { ...utils, ...a.utils, [name]: a.rule };
  });
  if (combined.length === 0) return out;
  // At each node only the alternatives that can match its kind are tried, and only their tags (rule-kinds.ts).
  const grouped = groupedByKind(any, kinds, tags);
  const rule = grouped ?? { all: [{ any }, ...tags] };
  const config = { rule, utils: { ...utils, vg_true: TRUE } } as Matcher;
  // Nor are the others' tags read back: an alternative cannot match a node of a kind it does not allow.
  const taggedAt = new Map<string, typeof combined>();
  for (const node of root.findAll(config)) {
    const kind = String(node.kind());
    let tagged = taggedAt.get(kind);
    if (!tagged) taggedAt.set(kind, (tagged = combined.filter((_, i) => allowsKind(kinds[i]!, kind))));
    for (const { index, tag, suffix } of tagged) {
      if (!node.getMatch(tag)) continue;
      out[index]?.push({
        node,
        get: (name) => node.getMatch(`${name}${suffix}`),
        getAll: (name) => node.getMultipleMatches(`${name}${suffix}`),
      });
    }
  }
  return out;
}

const keys = new WeakMap<Matcher, string>();

/**
 * A matcher's configuration as text, read once per matcher: two matchers with the same text find the same
 * nodes in a tree (rules share sinks, sanitizers and sources, each its own object), so a file's caches walk
 * for one of them only.
 */
export function matcherKey(m: Matcher): string {
  let k = keys.get(m);
  // A guard's `boundInFile:` rule is kept beside the matcher (guard-bindings.ts), and changes what it matches.
  if (k === undefined)
    keys.set(m, (k = JSON.stringify(m) + JSON.stringify(GUARD_BINDINGS.get(m)?.rule ?? '')));
  return k;
}

/** The matches of each matcher in a module, found once per module (several with one walk). */
const hitsByModule = new WeakMap<LoadedModule, Map<Matcher, BatchHit[]>>();
/** The matcher of each configuration looked for in a module (see matcherKey). */
const keyedByModule = new WeakMap<LoadedModule, Map<string, Matcher>>();

/**
 * The matches of `matchers` in module `m` (rules' own matchers or sinks, as written: whole-file clauses are
 * decided here), from the module's cache; those not yet looked for are found together with `also`
 * (matchers that will be asked for next) in one walk. A matcher whose words are not in the module's text
 * (see mayMatch) is not walked at all.
 */
export function moduleHits(
  m: LoadedModule,
  matchers: readonly Matcher[],
  also: readonly Matcher[] = [],
): Map<Matcher, BatchHit[]> {
  let cache = hitsByModule.get(m);
  if (!cache) hitsByModule.set(m, (cache = new Map<Matcher, BatchHit[]>()));
  const known = cache;
  if (matchers.every((x) => known.has(x))) return known;
  let byKey = keyedByModule.get(m);
  if (!byKey) keyedByModule.set(m, (byKey = new Map<string, Matcher>()));
  const walk: Matcher[] = [];
  const files: Matcher[] = [];
  const same: [Matcher, Matcher][] = [];
  for (const x of new Set([...matchers, ...also])) {
    if (known.has(x)) continue;
    const key = matcherKey(x);
    const twin = byKey.get(key);
    if (twin) {
      same.push([x, twin]);
      continue;
    }
    byKey.set(key, x);
    const f = mayMatch(x, m.text) ? forFile(x, m.root, m.text) : null;
    if (f) {
      walk.push(x);
      files.push(f);
    } else known.set(x, []);
  }
  findAllBatch(m.root, m.lang, files, m.text.length).forEach((hits, i) =>
    known.set(walk[i] as Matcher, hits),
  );
  for (const [x, twin] of same) known.set(x, known.get(twin) ?? []);
  return known;
}
