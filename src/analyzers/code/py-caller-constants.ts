/**
 * A rule's `unlessCallersFix` for Python: no finding when every value read in the metavariable's text is a
 * parameter of the enclosing function that every call of that function passes a constant. The calls are the
 * module's own, so the function must be one no other module calls: a private name (`_fill_table`, not a
 * dunder), or a helper of a command-line script (the module parses its arguments at top level, where importing
 * it would run the script). `process_table(conn, "track")` in a migration script then fixes the table name
 * that `"SELECT path FROM {}".format(table)` formats.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

// Calls whose result is fixed when their arguments are (the value's own pure builtins).
const PURE = new Set(['str', 'int', 'float', 'len', 'repr', 'tuple', 'list', 'sorted', 'reversed']);
// A script reads its command line at top level: `parser.parse_args()`, `sys.argv`, `getopt.getopt(…)`.
const SCRIPT = /(?:^|\n)[^\s#][^\n]*?(?:\.parse_args\(|\bsys\.argv\b|\bgetopt\.getopt\()/;
const BINDS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'as_pattern_target',
  'global_statement',
]);

/** The names read in a value, or undefined when it reads anything else (a field, another call's result). */
function namesRead(value: SgNode): Set<string> | undefined {
  const out = new Set<string>();
  for (const id of [value, ...value.findAll({ rule: { kind: 'identifier' } })]) {
    if (kindOf(id) !== 'identifier') continue;
    const parent = id.parent();
    const pk = parent ? kindOf(parent) : '';
    if (pk === 'attribute') {
      // `",".join`, `"…".format`: a method of a literal; a name's field (`row.name`) is not the name.
      if (parent!.field('attribute')?.id() === id.id()) {
        const obj = parent!.field('object');
        if (obj && /^(?:string|concatenated_string)$/.test(kindOf(obj))) continue;
        return undefined;
      }
    }
    if (pk === 'keyword_argument' && parent!.field('name')?.id() === id.id()) continue;
    if (pk === 'call' && parent!.field('function')?.id() === id.id()) {
      if (PURE.has(id.text())) continue;
      return undefined;
    }
    out.add(id.text());
  }
  return out;
}

/** A constant: literals, and tuples, lists, sums and parentheses of them. */
function constant(n: SgNode): boolean {
  const k = kindOf(n);
  if (k === 'string') return !n.children().some((c) => kindOf(c) === 'interpolation');
  if (k === 'concatenated_string') return n.children().every(constant);
  if (/^(?:integer|float|true|false|none)$/.test(k)) return true;
  if (k === 'tuple' || k === 'list' || k === 'parenthesized_expression')
    return n
      .children()
      .filter((c) => c.isNamed() && kindOf(c) !== 'comment')
      .every(constant);
  if (k === 'binary_operator') {
    const l = n.field('left');
    const r = n.field('right');
    return !!l && !!r && constant(l) && constant(r);
  }
  return false;
}

interface Param {
  name: string;
  fallback?: SgNode;
}

/** The function's positional parameters in order (stops at `*args`), or undefined when one is unusual. */
function paramsOf(fn: SgNode): Param[] | undefined {
  const out: Param[] = [];
  for (const p of fn.field('parameters')?.children() ?? []) {
    const k = kindOf(p);
    if (!p.isNamed() || k === 'comment' || k === 'positional_separator') continue;
    if (k === 'identifier') out.push({ name: p.text() });
    else if (k === 'default_parameter' || k === 'typed_default_parameter') {
      const name = p.field('name')?.text();
      const value = p.field('value');
      if (!name || !value) return undefined;
      out.push({ name, fallback: value });
    } else if (k === 'typed_parameter') {
      const name = p
        .children()
        .find((c) => kindOf(c) === 'identifier')
        ?.text();
      if (!name) return undefined;
      out.push({ name });
    } else break;
  }
  return out;
}

/** True when the name is bound again inside the function (assigned, a loop target, `as`, `global`). */
function rebound(fn: SgNode, name: string): boolean {
  for (const id of fn.field('body')?.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }) ?? []) {
    let n: SgNode | null = id;
    for (let p = n.parent(); p; n = p, p = p.parent()) {
      const k = kindOf(p);
      if (BINDS.has(k)) return true;
      if (/^(?:assignment|augmented_assignment|for_statement|for_in_clause|named_expression)$/.test(k)) {
        const left = p.field(k === 'named_expression' ? 'name' : 'left');
        if (
          left &&
          left.range().start.index <= n.range().start.index &&
          n.range().end.index <= left.range().end.index
        )
          return true;
        break;
      }
      if (!/^(?:pattern_list|tuple_pattern|list_pattern|parenthesized_expression)$/.test(k)) break;
    }
  }
  return false;
}

/** The argument a call passes for parameter `i` (keyword or position), its default, or undefined. */
function argumentFor(call: SgNode, params: readonly Param[], i: number): SgNode | undefined {
  const args =
    call
      .field('arguments')
      ?.children()
      .filter((c) => c.isNamed() && kindOf(c) !== 'comment') ?? [];
  if (args.some((a) => /^(?:list_splat|dictionary_splat)$/.test(kindOf(a)))) return undefined;
  const p = params[i] as Param;
  const kw = args.find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === p.name);
  if (kw) return kw.field('value') ?? undefined;
  const positional = args.filter((a) => kindOf(a) !== 'keyword_argument');
  return positional[i] ?? p.fallback;
}

/**
 * What the check asks of a whole module, read once per module (a rule asks at each of its matches: reading the
 * text and walking the tree at each made a module with many matches quadratic).
 */
export class ModuleCallers {
  /** Whether the module is a command-line script (SCRIPT). */
  readonly script: boolean;
  private ids: Map<string, SgNode[]> | undefined;

  constructor(
    private readonly root: SgNode,
    text: string,
  ) {
    this.script = SCRIPT.test(text);
  }

  /** Every identifier of the module spelled `name`, found with one walk for all names. */
  mentions(name: string): SgNode[] {
    if (!this.ids) {
      this.ids = new Map();
      for (const id of this.root.findAll({ rule: { kind: 'identifier' } })) {
        const t = id.text();
        const list = this.ids.get(t);
        if (list) list.push(id);
        else this.ids.set(t, [id]);
      }
    }
    return this.ids.get(name) ?? [];
  }
}

/**
 * True when every name `value` reads is a parameter of the function around it that every call of the function
 * in this module fills with a constant (see the file comment for which functions qualify). `module` is the
 * module's own (ModuleCallers over the tree `value` belongs to).
 */
export function fixedByCallers(value: SgNode, module: ModuleCallers): boolean {
  const names = namesRead(value);
  if (!names || names.size === 0) return false;
  let fn: SgNode | null = value.parent();
  while (fn && kindOf(fn) !== 'function_definition') fn = fn.parent();
  const fname = fn?.field('name')?.text();
  if (!fn || !fname) return false;
  const holder = fn.parent();
  if (!holder || kindOf(holder) === 'decorated_definition') return false;
  const method = kindOf(holder) === 'block' && kindOf(holder.parent() ?? holder) === 'class_definition';
  if (!method && kindOf(holder) !== 'module') return false;
  const priv = /^_(?!_)/.test(fname) || (fname.startsWith('__') && !fname.endsWith('__'));
  if (!priv && !module.script) return false;
  const all = paramsOf(fn);
  if (!all) return false;
  const params = method ? all.slice(1) : all;
  const wanted: number[] = [];
  for (const n of names) {
    const i = params.findIndex((p) => p.name === n);
    if (i < 0 || rebound(fn, n)) return false;
    wanted.push(i);
  }
  // Every mention of the name must be a call of it (a callback or an alias could be called with anything).
  const mentions = module.mentions(fname);
  let calls = 0;
  for (const id of mentions) {
    if (id.id() === fn.field('name')?.id()) continue;
    const parent = id.parent();
    let callee: SgNode | null = id;
    if (method) {
      const obj = parent && kindOf(parent) === 'attribute' ? parent.field('object')?.text() : undefined;
      if (obj !== 'self' && obj !== 'cls') return false;
      callee = parent;
    }
    const call = callee?.parent();
    if (!call || kindOf(call) !== 'call' || call.field('function')?.id() !== callee!.id()) return false;
    for (const i of wanted) {
      const arg = argumentFor(call, params, i);
      if (!arg || !constant(arg)) return false;
    }
    calls++;
  }
  return calls > 0;
}
