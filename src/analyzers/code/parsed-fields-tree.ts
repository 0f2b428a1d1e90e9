/** The JavaScript tree parsed-fields.ts reads: values followed through `require` and exports, a name's one held call. */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext } from '../../core/analyzer.js';
import { roleFromContent, roleFromPath } from '../../core/file-role.js';
import { sourceForm } from './compiled-calls.js';
import { resolveJs } from './imports.js';
import { isDeclarationFile, languageOf } from './languages.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import { FUNCTIONS, binding } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

export type Ctx = Pick<AnalyzerContext, 'root' | 'paths' | 'readFile'>;

/** Hops through `require`, exports and returned calls. */
export const MAX_HOPS = 8;
const MAX_FILES = 4000;

/** Destructuring patterns: a name or a member directly inside one is written by what holds the pattern. */
export const PATTERNS = [
  'array_pattern',
  'object_pattern',
  'pair_pattern',
  'assignment_pattern',
  'rest_pattern',
];

/** The parsed JavaScript files of one application, read when first asked for. */
export class Tree {
  private readonly roots = new Map<string, SgNode | null>();

  constructor(
    private readonly ctx: Ctx,
    readonly app: string,
  ) {}

  async load(path: string): Promise<SgNode | undefined> {
    if (this.roots.has(path)) return this.roots.get(path) ?? undefined;
    const text =
      path.endsWith('.json') || isDeclarationFile(path) ? undefined : await this.ctx.readFile(path);
    const lang = languageOf(path.slice(path.lastIndexOf('.') + 1).toLowerCase());
    const ok = text !== undefined && lang && lang.family !== 'python' && text.length <= MAX_CODE_BYTES;
    const root = ok ? parse(lang.lang, sourceForm(text)).root() : null;
    this.roots.set(path, root);
    return root ?? undefined;
  }

  /** The application's own script files (not vendored, generated or minified). */
  async own(): Promise<{ path: string; text: string }[] | undefined> {
    const out: { path: string; text: string }[] = [];
    for (const path of this.ctx.paths) {
      if (this.app !== '' && !path.startsWith(`${this.app}/`)) continue;
      const name = path.slice(path.lastIndexOf('/') + 1);
      const lang = languageOf(name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');
      if (!lang || lang.family === 'python' || isDeclarationFile(path)) continue;
      const text = await this.ctx.readFile(path);
      if (text === undefined || text.length > MAX_CODE_BYTES || isMinified(name, text)) continue;
      const role = roleFromPath(path);
      if (role === 'generated' || role === 'vendored' || roleFromContent(text, path) !== undefined) continue;
      if (out.length >= MAX_FILES) return undefined;
      out.push({ path, text });
    }
    return out;
  }

  /** A node's value followed to a function or object literal of the tree: names, `require`, members. */
  async value(
    node: SgNode | null,
    path: string,
    hops = 0,
  ): Promise<{ node: SgNode; path: string } | undefined> {
    if (!node || hops > MAX_HOPS) return undefined;
    const k = kindOf(node);
    if (FUNCTIONS.has(k) || k === 'object') return { node, path };
    if (k === 'parenthesized_expression') return this.value(node.child(1), path, hops + 1);
    if (k === 'assignment_expression') return this.value(node.field('right'), path, hops + 1);
    if (k === 'identifier') {
      const b = binding(node, node.text());
      if (!b || b.isImport) return undefined;
      if (kindOf(b.node) === 'function_declaration') return { node: b.node, path };
      if (kindOf(b.node) !== 'variable_declarator' || b.plain !== true) return undefined;
      // A `var` assigned again elsewhere is not one value.
      const root = rootOf(node);
      const again = root.findAll({
        rule: {
          kind: 'assignment_expression',
          has: { field: 'left', regex: `^${escapeRegex(node.text())}$` },
        },
      });
      if (again.some((a) => a.field('left')?.text() === node.text() && !inside(b.node, a))) return undefined;
      return this.value(b.node.field('value'), path, hops + 1);
    }
    if (k === 'call_expression') {
      const spec = requiredSpec(node);
      if (spec === undefined) return undefined;
      const target = resolveJs(path, spec, (p) => this.ctx.paths.has(p));
      return target ? this.exportsOf(target, hops + 1) : undefined;
    }
    if (k === 'member_expression') {
      const prop = node.field('property');
      if (!prop || kindOf(prop) !== 'property_identifier') return undefined;
      const obj = await this.value(node.field('object'), path, hops + 1);
      if (!obj || kindOf(obj.node) !== 'object') return undefined;
      const pairs = obj.node
        .children()
        .filter((c) => kindOf(c) === 'pair' && c.field('key')?.text() === prop.text());
      return pairs.length === 1 ? this.value(pairs[0]!.field('value'), obj.path, hops + 1) : undefined;
    }
    return undefined;
  }

  /** What `module.exports = V` gives, when it is the module's one way of exporting. */
  private async exportsOf(path: string, hops: number): Promise<{ node: SgNode; path: string } | undefined> {
    const root = await this.load(path);
    if (!root || /\bexports\s*\.|\bexport\s/.test(root.text())) return undefined;
    const sets = root.findAll({
      rule: { kind: 'assignment_expression', has: { field: 'left', regex: '^module\\.exports$' } },
    });
    return sets.length === 1 ? this.value(sets[0]!.field('right'), path, hops) : undefined;
  }
}

export const rootOf = (n: SgNode): SgNode => {
  let r = n;
  for (let p = n.parent(); p; p = p.parent()) r = p;
  return r;
};
export const inside = (outer: SgNode, n: SgNode): boolean => {
  const a = outer.range();
  const b = n.range();
  return b.start.index >= a.start.index && b.end.index <= a.end.index;
};

export function requiredSpec(call: SgNode): string | undefined {
  if (call.field('function')?.text() !== 'require') return undefined;
  const args =
    call
      .field('arguments')
      ?.children()
      .filter((c) => c.isNamed()) ?? [];
  if (args.length !== 1 || kindOf(args[0]!) !== 'string') return undefined;
  return args[0]!.text().slice(1, -1);
}

export const argsOf = (call: SgNode): SgNode[] =>
  call
    .field('arguments')
    ?.children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment') ?? [];

export function enclosingFunction(n: SgNode): SgNode | undefined {
  for (let p = n.parent(); p; p = p.parent()) if (FUNCTIONS.has(kindOf(p))) return p;
  return undefined;
}

/** Returns of a function, not of the functions inside it. */
export function returnsOf(fn: SgNode): SgNode[] {
  return fn
    .findAll({ rule: { kind: 'return_statement' } })
    .filter((r) => enclosingFunction(r)?.id() === fn.id());
}

/** The statement `n` is part of, directly in `block`, or undefined. */
export function topStatement(n: SgNode, block: SgNode): SgNode | undefined {
  for (let s: SgNode | null = n; s; s = s.parent()) if (s.parent()?.id() === block.id()) return s;
  return undefined;
}

export const leaves = (block: SgNode | null): boolean => {
  if (!block) return false;
  const body = kindOf(block) === 'statement_block' ? block.children().filter((c) => c.isNamed()) : [block];
  const last = body.at(-1);
  return !!last && (kindOf(last) === 'throw_statement' || kindOf(last) === 'return_statement');
};

export const SIMPLE = new Set(['expression_statement', 'variable_declaration', 'lexical_declaration']);

/** Writes of a plain name in `fn` (assignments, declarators with a value), or undefined when one is not simple. */
export function writesOf(fn: SgNode, name: string): SgNode[] | undefined {
  const exact = `^${escapeRegex(name)}$`;
  const all = fn.findAll({
    rule: {
      any: [
        { kind: 'assignment_expression', has: { field: 'left', regex: exact } },
        { kind: 'augmented_assignment_expression', has: { field: 'left', regex: exact } },
        { kind: 'variable_declarator', has: { field: 'name', regex: exact } },
        { kind: 'update_expression', has: { kind: 'identifier', regex: exact } },
      ],
    },
  });
  const mine = all.filter(
    (w) => (w.field('left') ?? w.field('name') ?? w.field('argument'))?.text() === name,
  );
  // A destructuring target (`[name] = …`, `({ name } = …)`, `for (name of …)`) binds it to a value not followed.
  const bound = fn.findAll({
    rule: {
      any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier_pattern' }],
      regex: exact,
      inside: { any: PATTERNS.map((kind) => ({ kind })) },
    },
  });
  if (bound.some((b) => PATTERNS.includes(kindOf(b.parent()!)))) return undefined;
  const looped = fn.findAll({ rule: { kind: 'for_in_statement', has: { field: 'left', regex: exact } } });
  if (looped.length > 0) return undefined;
  // A write in a nested function may run at any time; `+=` and `++` are not one value.
  if (
    mine.some(
      (w) =>
        enclosingFunction(w)?.id() !== fn.id() ||
        !['assignment_expression', 'variable_declarator'].includes(kindOf(w)),
    )
  )
    return undefined;
  return mine.filter((w) => kindOf(w) === 'assignment_expression' || w.field('value'));
}

/**
 * The call a name holds where `use` reads it, in function `fn`: the name's last write in `fn` is that call,
 * made by a statement of the body before `use`'s, or by a statement of a `try` of the body whose `catch`
 * ends in `throw` or `return`; no write of it is in a nested function.
 */
export function heldCall(fn: SgNode, name: string, use: SgNode): SgNode | undefined {
  const body = fn.field('body');
  if (!body || kindOf(body) !== 'statement_block') return undefined;
  const writes = writesOf(fn, name)?.sort((a, b) => a.range().start.index - b.range().start.index);
  const w = writes?.at(-1);
  const value = w ? (w.field('right') ?? w.field('value')) : null;
  if (!w || !value || kindOf(value) !== 'call_expression') return undefined;
  const useAt = topStatement(use, body);
  const at = topStatement(w, body);
  if (!useAt || !at || useAt.range().start.index <= at.range().start.index) return undefined;
  if (kindOf(at) === 'try_statement') {
    const block = at.field('body');
    const handler = at.field('handler');
    if (!block || !handler || at.field('finalizer') || !leaves(handler.field('body'))) return undefined;
    const inner = topStatement(w, block);
    return inner && SIMPLE.has(kindOf(inner)) ? value : undefined;
  }
  return SIMPLE.has(kindOf(at)) ? value : undefined;
}
