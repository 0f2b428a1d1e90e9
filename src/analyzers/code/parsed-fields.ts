/**
 * A request object the program builds itself, whose field its own packet parser made: tftp's server emits
 * `this.emit('request', gs, ps)` with `gs = new GetStream(…)`, whose constructor writes `this.file =
 * message.file` after `message = packets.wrq.deserialize(message)`, a parser (in another file, reached through
 * two `require`s) that returns `{ file: file }` after `file = normalizeFilename(file)`, which runs
 * `path.normalize` and throws when the name starts with `..`. The listener's `this.root + '/' + req.file` is
 * then under the root: the `..` check is made where the request is parsed, outside the flow the taint follows.
 * What a reviewer checks, and what this module proves before a `js-path-traversal` finding is dropped:
 *
 * - the source is `P.F` read whole (not `req.file.originalname`, an uploaded file's name) and joined after a
 *   folder that ends in a separator (`base + '/' + P.F`, `path.join(base, P.F)`): a `..` check leaves an
 *   absolute name, harmless only there (dotdot-guard.ts);
 * - `P` is the first parameter of a method `X.prototype.M = function (P, …)` that the same file registers as
 *   a listener (`this.on('E', … this.M)`), and every `….emit('E', A, …)` of the file gives an `A` bound to
 *   `new C(…)`, `C` a module of the tree: an object the program makes, not one a framework hands over;
 * - every member write of a field named `F` in the application's own files (`x.F = V`) gives `V = m.F` with
 *   `m` assigned once, before the write, from a call of a function of the tree (followed through `require`,
 *   `module.exports` and object literals) whose every return is an object literal whose `F` is a name
 *   assigned once from a call of a function that refuses a `..`: `p = path.normalize(p)` then
 *   `if (p.indexOf('..') === 0) throw …` (or `p.includes('..')` alone), returning `p`;
 * - no file of the application defines `F` another way (a getter, `defineProperty`, `Object.assign`).
 *
 * A parser that normalises but does not refuse `..`, or a field also written from raw input in any file,
 * keeps the finding. Not seen: a write through a computed key (`o[key] = v`).
 */
import type { SgNode } from '@ast-grep/napi';
import type { SourceFile } from '../../core/analyzer.js';
import { appFolderOf } from './app-scope.js';
import { resolveJs } from './imports.js';
import type { CodeMatch } from './matches.js';
import { FUNCTIONS, binding } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import {
  argsOf,
  enclosingFunction,
  heldCall,
  inside,
  leaves,
  MAX_HOPS,
  PATTERNS,
  requiredSpec,
  returnsOf,
  Tree,
  writesOf,
} from './parsed-fields-tree.js';
import type { Ctx } from './parsed-fields-tree.js';

const RULE = 'code/js-path-traversal';
const SOURCE = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/;

const DOTDOT = `(?:'\\.\\.'|"\\.\\.")`;

/**
 * Whether function `fn` refuses a `..` in its first parameter and returns it: `p = path.normalize(p)` then
 * a prefix test that throws, or a test for `..` anywhere that throws, and every return gives `p`.
 */
function refusesDotdot(fn: SgNode): boolean {
  const params =
    fn
      .field('parameters')
      ?.children()
      .filter((c) => c.isNamed()) ?? [];
  const p = params[0];
  const body = fn.field('body');
  if (!p || kindOf(p) !== 'identifier' || !body || kindOf(body) !== 'statement_block') return false;
  const name = escapeRegex(p.text());
  const rets = returnsOf(fn);
  if (rets.length === 0 || !rets.every((r) => r.child(1)?.text() === p.text())) return false;
  const sets = fn.findAll({
    rule: { kind: 'assignment_expression', has: { field: 'left', regex: `^${name}$` } },
  });
  const stmts = body.children().filter((c) => c.isNamed());
  const normalise = new RegExp(
    `^${name}\\s*=\\s*(?:path\\.)?(?:posix\\.)?normalize\\s*\\(\\s*${name}\\s*\\)$`,
  );
  let normalised = false;
  if (sets.length > 1) return false;
  const anywhere = new RegExp(
    `^\\(\\s*(?:${name}\\.includes\\s*\\(\\s*${DOTDOT}\\s*\\)|${name}\\.indexOf\\s*\\(\\s*${DOTDOT}\\s*\\)\\s*(?:!==?\\s*-1|>=\\s*0))\\s*\\)$`,
  );
  const prefix = new RegExp(
    `^\\(\\s*(?:${name}\\.startsWith\\s*\\(\\s*${DOTDOT}\\s*\\)|${name}\\.indexOf\\s*\\(\\s*${DOTDOT}\\s*\\)\\s*===?\\s*0)\\s*\\)$`,
  );
  for (const s of stmts) {
    if (kindOf(s) === 'expression_statement' && sets[0] && inside(s, sets[0])) {
      if (!normalise.test(sets[0].text())) return false;
      normalised = true;
      continue;
    }
    if (kindOf(s) !== 'if_statement' || s.field('alternative')) continue;
    const cond = s.field('condition')?.text() ?? '';
    const refuses = anywhere.test(cond) || (normalised && prefix.test(cond));
    const then = s.field('consequence');
    if (refuses && then && (kindOf(then) === 'throw_statement' || leaves(then))) {
      const last =
        kindOf(then) === 'statement_block'
          ? then
              .children()
              .filter((c) => c.isNamed())
              .at(-1)
          : then;
      // Found before any assignment of the name after it (there is at most the one `normalize`).
      if (
        last &&
        kindOf(last) === 'throw_statement' &&
        (!sets[0] || sets[0].range().start.index < s.range().start.index)
      )
        return true;
    }
  }
  return false;
}

/** Proves values against the tree, remembering what was proven. */
class Prover {
  constructor(private readonly tree: Tree) {}

  /** Every return of the function a call reaches is an object literal whose `field` passes refusesDotdot. */
  async callGives(call: SgNode, path: string, field: string, hops = 0): Promise<boolean> {
    if (hops > MAX_HOPS) return false;
    const fn = await this.tree.value(call.field('function'), path);
    if (!fn || !FUNCTIONS.has(kindOf(fn.node))) return false;
    const rets = returnsOf(fn.node);
    if (rets.length === 0) return false;
    for (const r of rets) {
      const v = r.child(1);
      if (!v) return false;
      if (kindOf(v) === 'call_expression') {
        if (!(await this.callGives(v, fn.path, field, hops + 1))) return false;
        continue;
      }
      if (kindOf(v) !== 'object') return false;
      const parts = v.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
      if (parts.some((c) => kindOf(c) === 'spread_element' || kindOf(c) === 'computed_property_name'))
        return false;
      const mine = parts.filter(
        (c) => (kindOf(c) === 'pair' && c.field('key')?.text() === field) || c.text() === field,
      );
      if (mine.length !== 1) return false;
      const value = kindOf(mine[0]!) === 'pair' ? mine[0]!.field('value') : mine[0]!;
      if (!value || kindOf(value) !== 'identifier') return false;
      const held = heldCall(fn.node, value.text(), r);
      const guard = held ? await this.tree.value(held.field('function'), fn.path) : undefined;
      const args = held ? argsOf(held) : [];
      if (!guard || !FUNCTIONS.has(kindOf(guard.node)) || args[0]?.text() !== value.text()) return false;
      if (!refusesDotdot(guard.node)) return false;
    }
    return true;
  }

  /** A write `x.F = m.F` where `m` holds a call whose returns pass callGives. */
  async write(assign: SgNode, path: string, field: string): Promise<boolean> {
    const v = assign.field('right');
    if (!v || kindOf(v) !== 'member_expression' || v.field('property')?.text() !== field) return false;
    const m = v.field('object');
    const fn = enclosingFunction(assign);
    if (!m || kindOf(m) !== 'identifier' || !fn) return false;
    const held = heldCall(fn, m.text(), assign);
    return held !== undefined && (await this.callGives(held, path, field));
  }
}

/** A method `X.prototype.M = function (P, …)` whose first parameter is `p`: M. */
function listenerMethod(src: SgNode, p: string): { method: string; fn: SgNode } | undefined {
  const fn = enclosingFunction(src);
  const params =
    fn
      ?.field('parameters')
      ?.children()
      .filter((c) => c.isNamed()) ?? [];
  if (!fn || params[0]?.text() !== p || kindOf(params[0]) !== 'identifier') return undefined;
  const set = fn.parent();
  const left = set && kindOf(set) === 'assignment_expression' ? set.field('left')?.text() : undefined;
  const m = left ? /^[A-Za-z_$][\w$]*\.prototype\.([A-Za-z_$][\w$]*)$/.exec(left) : null;
  if (!m) return undefined;
  const again = fn.findAll({
    rule: { kind: 'assignment_expression', has: { field: 'left', regex: `^${escapeRegex(p)}$` } },
  });
  return again.length === 0 ? { method: m[1]!, fn } : undefined;
}

/** Joined after a folder ending in a separator: `base + '/' + src`, `path.join(base, src)`. */
function afterFolder(src: SgNode): boolean {
  const up = src.parent();
  if (!up) return false;
  if (kindOf(up) === 'binary_expression' && up.field('right')?.id() === src.id()) {
    const left = up.field('left')?.text() ?? '';
    return /\+\s*(?:'[^'\n]*\/'|"[^"\n]*\/"|(?:[\w$]+\.)*sep)$/.test(left) && up.child(1)?.text() === '+';
  }
  if (kindOf(up) !== 'arguments') return false;
  const call = up.parent();
  return (
    !!call &&
    /^(?:path\.)?(?:posix\.)?join$/.test(call.field('function')?.text() ?? '') &&
    argsOf(call)[0]?.id() !== src.id()
  );
}

/** The function whose body declares `name` with `var`, `let` or `const`, climbing from `at` (not a parameter). */
function declaringFunction(at: SgNode, name: string): SgNode | undefined {
  const word = new RegExp(`(?:^|[^\\w$])${escapeRegex(name)}(?:[^\\w$]|$)`);
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    if (word.test(fn.field('parameters')?.text() ?? '')) return undefined;
    const decls = fn.findAll({
      rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${escapeRegex(name)}$` } },
    });
    if (decls.some((d) => enclosingFunction(d)?.id() === fn.id())) return fn;
  }
  return undefined;
}

/** The modules whose instances the file emits for event listener `method`: undefined when any is not one. */
function emittedModules(
  root: SgNode,
  method: string,
  path: string,
  exists: (p: string) => boolean,
): string[] | undefined {
  const ons = root.findAll({
    rule: { kind: 'call_expression', has: { field: 'function', regex: '\\.(on|addListener)$' } },
  });
  const events = new Set<string>();
  const named = new RegExp(`(?:^|\\|\\|\\s*)this\\.${escapeRegex(method)}$`);
  for (const on of ons) {
    const a = argsOf(on);
    if (a.length === 2 && kindOf(a[0]!) === 'string' && named.test(a[1]!.text()))
      events.add(a[0]!.text().slice(1, -1));
  }
  if (events.size !== 1) return undefined;
  // Every other mention of the method (`me.M(raw)`, `this.once('raw', this.M)`, `.on(name, this.M)`) hands it
  // something else: only its definition and the registrations counted above may name it.
  const mentions = root.findAll({
    rule: { kind: 'member_expression', has: { field: 'property', regex: `^${escapeRegex(method)}$` } },
  });
  const counted = ons.filter((on) => {
    const a = argsOf(on);
    return a.length === 2 && kindOf(a[0]!) === 'string' && named.test(a[1]!.text());
  });
  const defined = (n: SgNode): boolean =>
    /\.prototype\.[\w$]+$/.test(n.text()) &&
    kindOf(n.parent()!) === 'assignment_expression' &&
    n.parent()!.field('left')?.id() === n.id();
  if (!mentions.every((n) => defined(n) || counted.some((on) => inside(argsOf(on)[1]!, n)))) return undefined;
  const [event] = [...events];
  const emits = root
    .findAll({ rule: { kind: 'call_expression', has: { field: 'function', regex: '\\.emit$' } } })
    .filter((c) => {
      const first = argsOf(c)[0];
      return first && kindOf(first) === 'string' && first.text().slice(1, -1) === event;
    });
  if (emits.length === 0) return undefined;
  const out = new Set<string>();
  for (const e of emits) {
    const a = argsOf(e)[1];
    if (!a || kindOf(a) !== 'identifier') return undefined;
    const fn = declaringFunction(e, a.text());
    const made = fn ? writesOf(fn, a.text()) : undefined;
    if (!made || made.length === 0) return undefined;
    for (const w of made) {
      const v = w.field('right') ?? w.field('value');
      const ctor = v && kindOf(v) === 'new_expression' ? v.field('constructor') : null;
      if (!ctor || kindOf(ctor) !== 'identifier') return undefined;
      const cb = binding(ctor, ctor.text());
      const req =
        cb?.plain === true && kindOf(cb.node) === 'variable_declarator' ? cb.node.field('value') : null;
      const spec = req && kindOf(req) === 'call_expression' ? requiredSpec(req) : undefined;
      const target = spec === undefined ? undefined : resolveJs(path, spec, exists);
      if (!target) return undefined;
      out.add(target);
    }
  }
  return [...out];
}

/** Whether the js-path-traversal match's source is a field the program's own parser made (module comment). */
async function parsedField(
  m: CodeMatch,
  file: SourceFile,
  ctx: Ctx,
  tree: Tree,
  prover: Prover,
): Promise<boolean> {
  const t = m.trace;
  const parts = t && (t.sourcePath ?? file.path) === file.path ? SOURCE.exec(t.source) : null;
  if (!t || !parts) return false;
  const [, p, field] = parts as unknown as [string, string, string];
  const root = await tree.load(file.path);
  if (!root) return false;
  const srcs = root
    .findAll({ rule: { kind: 'member_expression', regex: `^${escapeRegex(t.source)}$` } })
    .filter((n) => n.text() === t.source && n.range().start.line + 1 === t.sourceLine);
  if (srcs.length !== 1 || !afterFolder(srcs[0]!)) return false;
  const l = listenerMethod(srcs[0]!, p);
  if (!l) return false;
  const mods = emittedModules(root, l.method, file.path, (q) => ctx.paths.has(q));
  if (!mods || mods.length === 0) return false;
  const files = await tree.own();
  // The emitted objects' modules are swept as the application's own files are (not a vendored copy).
  if (!files || !mods.every((q) => files.some((f) => f.path === q))) return false;
  const word = escapeRegex(field);
  // A getter or a defined property anywhere; copied or computed fields in the emitted objects' modules.
  const defined = new RegExp(
    `\\b(?:get|set)\\s+${word}\\s*\\(|defineProperty\\s*\\([^)]*['"\`]${word}['"\`]`,
  );
  const copied = /Object\.assign\s*\(\s*this\b|\bthis\s*\[/;
  // A write by a computed key of the field's own name (`gs['file'] = raw`).
  const keyed = new RegExp(`\\[\\s*['"\`]${word}['"\`]\\s*\\]\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)`);
  const writes = new RegExp(`\\.${word}\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)`);
  let seen = 0;
  for (const f of files) {
    if (!new RegExp(`\\b${word}\\b`).test(f.text)) continue;
    if (defined.test(f.text) || keyed.test(f.text) || (mods.includes(f.path) && copied.test(f.text)))
      return false;
    const r = await tree.load(f.path);
    if (!r) return false;
    // A member of that name as a destructuring target (`({ file: gs.file } = raw)`, `[gs.file] = […]`).
    const targets = r.findAll({
      rule: { kind: 'member_expression', has: { field: 'property', regex: `^${word}$` } },
    });
    // A class field of that name (`file = raw;` in a class body, a subclass's own value).
    if (r.find({ rule: { kind: 'field_definition', has: { field: 'property', regex: `^${word}$` } } }))
      return false;
    if (
      targets.some(
        (n) =>
          PATTERNS.includes(kindOf(n.parent()!)) ||
          (kindOf(n.parent()!) === 'for_in_statement' && n.parent()!.field('left')?.id() === n.id()),
      )
    )
      return false;
    if (!writes.test(f.text)) continue;
    const sets = r.findAll({
      rule: {
        any: [
          { kind: 'assignment_expression' },
          { kind: 'augmented_assignment_expression' },
          { kind: 'update_expression' },
        ],
        has: { kind: 'member_expression', regex: `\\.${word}$` },
      },
    });
    for (const s of sets) {
      const left = s.field('left') ?? s.field('argument');
      if (!left || kindOf(left) !== 'member_expression' || left.field('property')?.text() !== field) continue;
      if (kindOf(s) !== 'assignment_expression' || !(await prover.write(s, f.path, field))) return false;
      seen++;
    }
  }
  return seen > 0;
}

/** Drops js-path-traversal matches whose source the program's own parser refused `..` in (module comment). */
export async function dropParsedFields(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Ctx,
): Promise<CodeMatch[]> {
  const pending = matches.filter(
    (m) => m.rule.id === RULE && m.path === undefined && m.trace && SOURCE.test(m.trace.source),
  );
  if (pending.length === 0 || !/\.emit\s*\(/.test(file.text)) return matches;
  const tree = new Tree(ctx, appFolderOf(file.path, ctx.paths));
  const prover = new Prover(tree);
  const drop = new Set<CodeMatch>();
  for (const m of pending) if (await parsedField(m, file, ctx, tree, prover)) drop.add(m);
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
