/**
 * Argument lists of programs started without a shell (sink class `argv`, CWE-88). What matters there is not
 * which characters a value holds but where it stands and how it starts: a value that starts with '-' is read
 * as an option, unless a literal '--' came before it in the list. So, for that class only, the evaluator reads
 * lists element by element up to a '--', joins lists in order (`concat`, `+` of lists, `push` after a '--'),
 * and asks of a built string only whether request data can choose its first character.
 */
import type { SgNode } from '@ast-grep/napi';
import type { FileIndex } from './file-index.js';
import type { ModuleMembers } from './module-members.js';
import { enclosingFunction, escapeRegex, functionName } from './scope.js';
import type { Definition } from './scope.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import { plusOperands } from './taint-shapes.js';
import { argFor, contains, MAX_CALLERS } from './taint-support.js';
import type { Value } from './taint-support.js';

const LISTS = new Set(['array', 'list', 'tuple']);
const SPREADS = new Set(['spread_element', 'list_splat']);
const APPENDS = /^(push|append|extend)$/;
const ADDERS = /^(push|append|unshift)$/;
// Calls that cut a string into arguments: every part of the string can then start an argument.
const SPLITS = /^(split|shlex\.split)$/;
// String methods whose result need not start as their receiver does.
const CUTS = /^(?:slice|substring|substr|replace|replaceAll|trim|trimStart|trimLeft|trimEnd|trimRight)$/;
// Python calls that take the program's arguments as their own (not as one list).
const VARARGS =
  /^(?:(?:asyncio\.)?create_subprocess_exec|os\.(?:execl|execle|execlp|execlpe|spawnl|spawnle|spawnlp|spawnlpe))$/;
const MAX_NEST = 6;

/** The text of a string literal without interpolation, or undefined when `n` is none. */
function literalText(n: SgNode): string | undefined {
  const k = kindOf(n);
  if (k !== 'string') return undefined;
  // A Python f-string with a placeholder (JavaScript's templates are another kind).
  if (n.children().some((c) => kindOf(c) === 'interpolation')) return undefined;
  const m = /^[rbuRBU]{0,2}(['"]{1,3})([^]*)\1$/.exec(n.text());
  return m ? (m[2] ?? '') : undefined;
}

/**
 * Whether constant text at the start of an argument settles that request data after it cannot make the
 * argument an option: text not starting with '-', an option with its value attached (`--author=`), or a
 * short option taking the rest as its value (`-m`). `-`, `--`, `--no-` or `--upload` let the data finish an
 * option's name. Text of spaces alone settles nothing (a `trim` may remove it).
 */
export function constantLeads(text: string): boolean {
  if (text.trim() === '') return false;
  return !text.startsWith('-') || text.includes('=') || /^-[^-\s]$/.test(text);
}

/** The evaluator's operations the argument-list reading needs. */
export interface ArgvHost {
  syn: Syntax;
  python: boolean;
  /** The taint of a node (with this reading active unless inside `whole`). */
  evaluate(n: SgNode, depth: number): Value;
  /** The plain values a name is assigned, or [] when any definition is not one. */
  valuesOf(n: SgNode): SgNode[];
  /** Which module function a JavaScript callee is (made on first use: few files ask). */
  members(): ModuleMembers;
}

// `path.resolve` (also `path.posix`'s and `path.win32`'s) answers an absolute path: it starts with '/' (or a
// drive), never with '-'. (`fs.realpathSync` is no modelled propagator, and Python's `os.path.abspath`/
// `realpath` pass nothing on to this class: path-normalisers.ts.)
const ABSOLUTE: readonly (readonly string[])[] = [
  ['path', 'resolve'],
  ['path', 'posix', 'resolve'],
  ['path', 'win32', 'resolve'],
];

/** The argument-list reading of one evaluator (see the file comment). */
export class ArgvShapes {
  /** Above 0 while a string that will be split into arguments is evaluated: every part then counts. */
  whole = 0;
  /**
   * Above 0 while a string that a method cuts is evaluated (`path.resolve(root, x).slice(root.length + 1)`): its
   * start is not the result's, so an absolute path does not make the result safe.
   */
  cut = 0;
  private readonly cutting = new Set<number>();

  constructor(private readonly h: ArgvHost) {}

  private isDashDash(n: SgNode): boolean {
    return literalText(n) === '--';
  }

  /**
   * The value of `node` read as (part of) an argument list or argument, or undefined when the node has no
   * shape this reading changes (the evaluator's usual rules apply).
   */
  shape(node: SgNode, depth: number): Value | undefined {
    if (this.whole > 0) return undefined;
    const { syn } = this.h;
    const k = kindOf(node);
    if (LISTS.has(k)) return this.elements(node.namedChildren(), depth);
    if (k === 'arguments' || k === 'argument_list') {
      const method = this.method(node.parent());
      if (method !== undefined && ADDERS.test(method)) return this.elements(node.namedChildren(), depth);
      // A program whose arguments are the call's own (`create_subprocess_exec('git', 'clone', url)`).
      const callee = node.parent()?.field(syn.callFunction)?.text();
      if (callee !== undefined && VARARGS.test(callee)) return this.elements(node.namedChildren(), depth);
      return undefined;
    }
    if (k === 'template_string') return this.leading(node.children(), depth, node);
    if (k === 'string' && this.h.python && literalText(node) === undefined)
      return this.leading(node.children(), depth, node);
    // Python's `'HEAD~%s' % x`: the format's text before its first placeholder starts the value.
    if (syn.binary.has(k) && this.h.python && node.field('operator')?.text() === '%')
      return this.formatted(node.field('left'), '%', node, depth);
    if (syn.binary.has(k) && node.field('operator')?.text() === '+') {
      const parts = plusOperands(node);
      if (!parts) return undefined;
      const first = parts[0];
      if (first && LISTS.has(kindOf(first))) return this.sequence(parts, depth);
      return this.leading(parts, depth, node);
    }
    if (syn.call.has(k)) return this.call(node, depth);
    return undefined;
  }

  private call(node: SgNode, depth: number): Value | undefined {
    const { syn } = this.h;
    const callee = node.field(syn.callFunction);
    if (!callee) return undefined;
    const method = this.method(node);
    if (SPLITS.test(callee.text()) || method === 'split') return this.asWhole(node, depth);
    if (method !== undefined && CUTS.test(method) && !this.h.python && !this.cutting.has(node.id()))
      return this.cutRead(node, depth);
    if (this.cut === 0 && this.absolute(callee)) return null;
    if (method === 'format' && this.h.python)
      return this.formatted(callee.field(syn.memberObject), '{', node, depth);
    if (method !== 'concat' || !syn.member.has(kindOf(callee))) return undefined;
    const recv = callee.field(syn.memberObject);
    const args = node.field(syn.callArguments)?.namedChildren() ?? [];
    if (!recv) return undefined;
    // `'refs/heads/'.concat(name)` builds a string; anything else is read as lists joined in order.
    if (literalText(recv) !== undefined || kindOf(recv) === 'template_string')
      return this.leading([recv, ...args], depth, node);
    return this.sequence([recv, ...args], depth);
  }

  /**
   * A value made from a constant format (`'HEAD~%s' % x`, `'HEAD~{}'.format(x)`): constant text before the first
   * placeholder (`mark`) that settles the start makes it safe; otherwise the usual rules apply.
   */
  private formatted(format: SgNode | null, mark: string, node: SgNode, depth: number): Value | undefined {
    const text = format ? literalText(format) : undefined;
    if (text === undefined) return undefined;
    const lead = text.slice(0, text.indexOf(mark) < 0 ? text.length : text.indexOf(mark));
    return constantLeads(lead) ? null : this.asWhole(node, depth);
  }

  /**
   * True for a callee whose result is an absolute path (`path.resolve(base, name)`, a destructured `resolve`):
   * whatever request data went in, the argument starts with '/' or a drive and cannot be read as an option.
   * A relative `path.join`/`path.normalize` result can start with '-' and is read as usual.
   */
  private absolute(callee: SgNode): boolean {
    if (this.h.python || (callee.field(this.h.syn.memberProperty) ?? callee).text() !== 'resolve')
      return false;
    const path = this.h.members().pathOf(callee);
    return !!path && ABSOLUTE.some((p) => p.length === path.length && p.every((s, i) => s === path[i]));
  }

  /** The method name of a call `x.m(…)` (or undefined). */
  private method(call: SgNode | null): string | undefined {
    if (!call || !this.h.syn.call.has(kindOf(call))) return undefined;
    const callee = call.field(this.h.syn.callFunction);
    if (!callee || !this.h.syn.member.has(kindOf(callee))) return undefined;
    return callee.field(this.h.syn.memberProperty)?.text();
  }

  /** Evaluates a call whose result is split into arguments: any request data in it counts. */
  /** `node`, a call that cuts a string, read with the absolute-path shape off (see `cut`). */
  private cutRead(node: SgNode, depth: number): Value {
    this.cut++;
    this.cutting.add(node.id());
    try {
      return this.h.evaluate(node, depth + 1);
    } finally {
      this.cutting.delete(node.id());
      this.cut--;
    }
  }

  private asWhole(node: SgNode, depth: number): Value {
    this.whole++;
    try {
      return this.h.evaluate(node, depth + 1);
    } finally {
      this.whole--;
    }
  }

  /** List elements in order: the first tainted one before a literal '--' (a spread list may hold the '--'). */
  private elements(items: readonly SgNode[], depth: number): Value {
    for (const el of items) {
      const k = kindOf(el);
      if (k === 'comment' || k === 'keyword_argument') continue;
      if (this.isDashDash(el)) return null;
      const v = this.h.evaluate(el, depth + 1);
      if (v && typeof v === 'object') return v;
      const inner = SPREADS.has(k) ? el.namedChildren()[0] : undefined;
      if (inner && this.holdsDashDash(inner, 0)) return null;
    }
    return null;
  }

  /** Lists joined in order (`a.concat(b)`, `a + b`): the first tainted part before a part holding '--'. */
  private sequence(parts: readonly SgNode[], depth: number): Value {
    for (const p of parts) {
      const v = this.h.evaluate(p, depth + 1);
      if (v && typeof v === 'object') return v;
      if (this.holdsDashDash(p, 0)) return null;
    }
    return null;
  }

  /**
   * A string built from parts left to right: request data matters only where it can supply the first
   * character (or finish an option's name). Constant text that settles the start ends the question; an
   * expression that carries no request data starts the value with its own text.
   */
  private leading(parts: readonly SgNode[], depth: number, whole: SgNode): Value {
    for (const raw of parts) {
      const p = kindOf(raw) === 'template_substitution' ? (raw.namedChildren()[0] ?? raw) : raw;
      const k = kindOf(p);
      if (k === '`' || k === 'string_start' || k === 'string_end') continue;
      if (k === 'string_fragment' || k === 'string_content' || literalText(p) !== undefined) {
        const text = literalText(p) ?? p.text();
        if (text === '') continue;
        if (constantLeads(text)) return null;
        // `'--' + name`: the data finishes an option; any of it in the rest counts.
        return this.asWhole(whole, depth);
      }
      if (k === 'escape_sequence') return null;
      if (k === 'interpolation') {
        const e = p.namedChildren()[0];
        return e ? this.h.evaluate(e, depth + 1) : null;
      }
      return this.h.evaluate(p, depth + 1);
    }
    return null;
  }

  /** True when the list `n` (a literal, a name always bound to one, a spread or a join of lists) holds '--'. */
  holdsDashDash(n: SgNode, nest: number): boolean {
    if (nest > MAX_NEST) return false;
    const { syn } = this.h;
    const k = kindOf(n);
    if (LISTS.has(k))
      return n
        .namedChildren()
        .some((c) => this.isDashDash(c) || (SPREADS.has(kindOf(c)) && this.spreadHolds(c, nest)));
    if (syn.identifiers.has(k)) {
      const values = this.h.valuesOf(n);
      return values.length > 0 && values.every((v) => this.holdsDashDash(v, nest + 1));
    }
    if (syn.sameValue.has(k)) {
      const c = n.namedChildren()[0];
      return !!c && this.holdsDashDash(c, nest + 1);
    }
    if (syn.binary.has(k) && n.field('operator')?.text() === '+')
      return (plusOperands(n) ?? []).some((p) => this.holdsDashDash(p, nest + 1));
    if (syn.call.has(k) && this.method(n) === 'concat') {
      const recv = n.field(syn.callFunction)?.field(syn.memberObject);
      const args = n.field(syn.callArguments)?.namedChildren() ?? [];
      return [recv, ...args].some((p) => !!p && this.holdsDashDash(p, nest + 1));
    }
    return false;
  }

  private spreadHolds(spread: SgNode, nest: number): boolean {
    const inner = spread.namedChildren()[0];
    return !!inner && this.holdsDashDash(inner, nest + 1);
  }

  /**
   * A test of a name's definitions: true for one that appends to a list (`args.push(x)`, `cmd.append(x)`,
   * `cmd.extend([...])`) after another, earlier in the text, put a '--' in it (what it appends comes after the
   * '--'). Where the earliest '--' is put is found once, so a name appended to thousands of times costs a pass.
   */
  appendedAfterDashDash(defs: readonly Definition[]): (d: Definition) => boolean {
    let from: number | undefined;
    const earliest = (): number => {
      from = Infinity;
      for (const e of defs) if (this.putsDashDash(e)) from = Math.min(from, e.node.range().start.index);
      return from;
    };
    return (d) => {
      if (d.kind !== 'add') return false;
      const method = this.method(d.value.parent());
      if (method === undefined || !APPENDS.test(method)) return false;
      return d.node.range().start.index > (from ?? earliest());
    };
  }

  /** True when a definition puts a '--' into the list it defines or adds to. */
  private putsDashDash(e: Definition): boolean {
    if (e.kind === 'param') return false;
    if (e.kind === 'value') return e.keys.length === 0 && this.holdsDashDash(e.value, 0);
    const m = this.method(e.value.parent());
    if (m !== undefined && APPENDS.test(m))
      return e.value.namedChildren().some((c) => this.isDashDash(c) || this.holdsDashDash(c, 0));
    // `cmd += ['--', x]`
    return this.holdsDashDash(e.value, 0);
  }
}

/** A call of a local wrapper, with the argument it gives for the wrapper's argument-list parameter. */
export interface WrapperCall {
  call: SgNode;
  arg: SgNode;
  /** The wrapper's name. */
  name: string;
}

/**
 * When the argument list `arg` that `call` hands on is a parameter of the named local function around the
 * call, passed on untouched (no assignment to it or to an element of it, no `push`/`append` on it): that
 * function's calls in the file, each with the list it gives. Undefined when the list is not such a parameter
 * or the function has no local calls.
 */
export function wrapperCallsOf(
  syn: Syntax,
  python: boolean,
  entry: { root: SgNode; index: FileIndex },
  call: SgNode,
  arg: SgNode,
): WrapperCall[] | undefined {
  if (!syn.identifiers.has(kindOf(arg))) return undefined;
  const fn = enclosingFunction(call, syn);
  const name = fn && functionName(fn);
  if (!fn || !name) return undefined;
  // The answer depends on the function and the list's name only: worked out once for all the function's
  // sinks (a function of thousands of spawn calls had its whole body read once per call).
  let memo = wrappers.get(entry.index);
  if (!memo) wrappers.set(entry.index, (memo = new Map<string, WrapperCall[] | undefined>()));
  const list = arg.text();
  const key = `${fn.id()}\0${list}`;
  if (memo.has(key)) return memo.get(key);
  const out = wrapperCalls(syn, python, entry, fn, name, list);
  memo.set(key, out);
  return out;
}

const wrappers = new WeakMap<FileIndex, Map<string, WrapperCall[] | undefined>>();

function wrapperCalls(
  syn: Syntax,
  python: boolean,
  entry: { root: SgNode; index: FileIndex },
  fn: SgNode,
  name: string,
  list: string,
): WrapperCall[] | undefined {
  const single = fn.field('parameter');
  const params = single
    ? [single]
    : (fn.field('parameters')?.namedChildren() ?? []).filter(
        (c) => c.kind() !== 'comment' && c.kind() !== 'decorator',
      );
  const index = params.findIndex((p) => p.text() === list);
  if (index < 0) return undefined;
  const id = escapeRegex(list);
  const changed = new RegExp(
    `(?:^|[^\\w$.])${id}\\s*(?:\\[[^\\n;]*?\\]\\s*)?(?:[-+*/]?=(?!=)|\\.(?:push|unshift|splice|append|extend|insert|fill|copyWithin)\\s*\\()`,
  );
  if (changed.test(fn.field('body')?.text() ?? '')) return undefined;
  const calls = entry.index
    .callsTo(entry.root, python ? 'call' : 'call_expression', name)
    .filter((c) => !contains(fn, c))
    .slice(0, MAX_CALLERS);
  const out = calls.flatMap((c) => {
    const a = argFor(syn, python, c, { fn, index, name: list });
    return a ? [{ call: c, arg: a, name }] : [];
  });
  return out.length > 0 ? out : undefined;
}
