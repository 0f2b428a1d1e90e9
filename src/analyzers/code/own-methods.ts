/**
 * Calls of methods the module defines itself: `client.get(opts)` beside `const client = { get(o) {…} }`
 * or `const client = new Client()` and `class Client { get(o) {…} }`, and `this.request(opts)` inside a class
 * (or a prototype) that defines `request`. Such a call is that method, not a library's `get` or `request`
 * that a sink pattern names: the sink inside the method is found there, with the path through the call, so
 * reporting the call too gave one flow two findings.
 */
import type { SgNode } from '@ast-grep/napi';
import { FUNCTIONS, MAX_ANCESTORS } from './name-binding.js';
import type { LoadedModule } from './project.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

export const FUNCTION_VALUES = new Set([
  'function_expression',
  'function',
  'arrow_function',
  'generator_function',
]);
/** Functions with a `this` of their own (an arrow function has its enclosing one). */
const OWN_THIS = new Set([
  'function_expression',
  'function',
  'function_declaration',
  'generator_function',
  'generator_function_declaration',
]);
const NAME = /^[A-Za-z_$][\w$]{0,100}$/;

/**
 * Whether a method hands its call on where no sink pattern sees it: to its parent's (`super.get(url)`, and the
 * parent may be a library's client: `class Api extends Axios`), or to a function given as a value
 * (`axios.get.apply(axios, arguments)`, `fn.call(this, url)`). The call is then the library's as much as the
 * module's, and no sink inside the method reports it.
 */
export const delegates = (method: SgNode): boolean =>
  /\bsuper\s*(?:\.|\[)|\barguments\b|\.(?:call|apply)\s*\(/.test(method.text());

/** Method names of an object literal (`{ get(o) {…} }`, `{ get: function (o) {…} }`, `{ get: (o) => … }`). */
function objectMethods(obj: SgNode): Set<string> {
  const names = new Set<string>();
  for (const c of obj.namedChildren()) {
    const k = kindOf(c);
    const key = c.field(k === 'pair' ? 'key' : 'name')?.text();
    if (key === undefined) continue;
    const value = k === 'pair' ? c.field('value') : null;
    if ((k === 'method_definition' || (value && FUNCTION_VALUES.has(kindOf(value)))) && !delegates(c))
      names.add(key);
  }
  return names;
}

/** Method names of a class's body. */
function classMethods(body: SgNode | null): Set<string> {
  const names = new Set<string>();
  for (const c of body?.namedChildren() ?? []) {
    const key = c.field('name')?.text();
    if (key !== undefined && kindOf(c) === 'method_definition' && !delegates(c)) names.add(key);
  }
  return names;
}

type Range = { start: number; end: number };

/** An object the module binds a name to: its methods, the block its declaration is in, and where it is not seen. */
interface OwnObject {
  methods: Set<string>;
  scope: Range;
  /** The parts of the scope where another binding of the name hides it (a parameter, a loop variable, …). */
  hidden: Range[];
}

const PATTERNS = new Set([
  'object_pattern',
  'array_pattern',
  'pair_pattern',
  'rest_pattern',
  'assignment_pattern',
]);
const DECLARATIONS = new Set(['function_declaration', 'generator_function_declaration', 'class_declaration']);

const rangeOf = (n: SgNode): Range => {
  const r = n.range();
  return { start: r.start.index, end: r.end.index };
};

/** The function (or the program) around `n`: where a `var` declared anywhere in it is seen. */
function functionOf(n: SgNode): SgNode {
  let p = n;
  for (let up = 0; p.parent() && !FUNCTIONS.has(kindOf(p)) && up < MAX_ANCESTORS; up++) p = p.parent()!;
  return p;
}

/** What a declarator's or a loop's binding is seen in: its block, or its function for a `var`. */
function declaredIn(p: SgNode, block: SgNode): Range {
  const isVar =
    kindOf(p) === 'for_in_statement'
      ? p.field('kind')?.text() === 'var'
      : kindOf(p.parent() ?? p) === 'variable_declaration';
  return rangeOf(isVar ? functionOf(p) : block);
}

/**
 * Where another binding of `name` inside `scope` hides the declarator `own`: a parameter (its function), a
 * declaration (its block), a `for … of` or `catch` variable (the loop, the clause), a destructured name (what
 * its pattern belongs to). A pattern that assigns the name (`({ name } = other)`) hides it everywhere. Read once
 * per module and name, so each call is then a range test (a walk up per call, as name-binding's, is quadratic
 * in a long block of calls).
 */
function hiddenRanges(scope: SgNode, name: string, own: SgNode): Range[] {
  const exact = `^${escapeRegex(name)}$`;
  const out: Range[] = [];
  for (const u of scope.findAll({
    rule: {
      any: [
        { kind: 'identifier', regex: exact },
        { kind: 'shorthand_property_identifier_pattern', regex: exact },
      ],
    },
  })) {
    let p = u.parent();
    if (!p || u.id() === own.id()) continue;
    let k = kindOf(p);
    if (k === 'variable_declarator' && p.field('name')?.id() === u.id())
      out.push(declaredIn(p, p.parent()?.parent() ?? p));
    else if (DECLARATIONS.has(k) && p.field('name')?.id() === u.id()) out.push(rangeOf(p.parent() ?? p));
    else if (k === 'formal_parameters' || (k === 'arrow_function' && p.field('parameter')?.id() === u.id()))
      out.push(rangeOf(k === 'formal_parameters' ? (p.parent() ?? p) : p));
    else if (
      (k === 'for_in_statement' || k === 'catch_clause') &&
      p.field(k === 'catch_clause' ? 'parameter' : 'left')?.id() === u.id()
    )
      out.push(declaredIn(p, p));
    else if (PATTERNS.has(k) || kindOf(u) === 'shorthand_property_identifier_pattern') {
      // The construct the pattern belongs to: a declaration, parameters, a loop, a catch, or an assignment.
      for (let up = 0; p && PATTERNS.has((k = kindOf(p))) && up < MAX_ANCESTORS; up++) p = p.parent();
      if (!p) continue;
      if (k === 'variable_declarator') out.push(declaredIn(p, p.parent()?.parent() ?? p));
      else if (k === 'formal_parameters') out.push(rangeOf(p.parent() ?? p));
      else if (k === 'for_in_statement' || k === 'catch_clause') out.push(declaredIn(p, p));
      else out.push(rangeOf(scope));
    }
  }
  return out;
}

const byReceiver = new WeakMap<LoadedModule, Map<string, OwnObject | null>>();

/**
 * The object a name is bound to, when the module binds it once, with no other assignment, to an object
 * literal or to `new C(…)` of a class the module declares once; null otherwise.
 */
function receiverObject(m: LoadedModule, name: string): OwnObject | null {
  let known = byReceiver.get(m);
  if (!known) byReceiver.set(m, (known = new Map<string, OwnObject | null>()));
  if (known.has(name)) return known.get(name)!;
  let out: OwnObject | null = null;
  const n = escapeRegex(name);
  // A text test first: most receivers (fs, axios, res) are bound to a require() or a parameter.
  if (new RegExp(`(?:const|let|var)\\s+${n}\\s*=\\s*(?:\\{|new\\s)`).test(m.text)) {
    const decls = m.root.findAll({
      rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${n}$` } },
    });
    const assigned = new RegExp(`(?:^|[^\\w$.])${n}\\s*=[^=]`, 'g');
    const value = decls.length === 1 ? decls[0]!.field('value') : null;
    // The declaration's own `name =` is the one assignment the text may hold.
    const statement = decls[0]?.parent();
    const block =
      statement?.parent()?.kind() === 'export_statement' ? statement.parent()?.parent() : statement?.parent();
    if (value && block && (m.text.match(assigned) ?? []).length === 1) {
      let methods: Set<string> | undefined;
      if (kindOf(value) === 'object') methods = objectMethods(value);
      else if (kindOf(value) === 'new_expression') {
        const cls = value.field('constructor')?.text() ?? '';
        const classes = NAME.test(cls)
          ? m.root.findAll({
              rule: { kind: 'class_declaration', has: { field: 'name', regex: `^${escapeRegex(cls)}$` } },
            })
          : [];
        if (classes.length === 1) methods = classMethods(classes[0]!.field('body'));
      }
      // Methods replaced later (`api.get = axios.get`, `api['get'] = …`), or all of them (`Object.assign(api, …)`).
      const replaced = new RegExp(
        `(?:^|[^\\w$.])${n}\\s*(?:\\.\\s*([\\w$]+)|\\[\\s*['"\`]([\\w$]+)['"\`]\\s*\\])\\s*=(?!=)|Object\\.(?:assign|setPrototypeOf)\\(\\s*${n}\\b`,
        'g',
      );
      for (const r of m.text.matchAll(replaced)) {
        if (r[1] === undefined && r[2] === undefined) methods = undefined;
        else methods?.delete(r[1] ?? r[2]!);
      }
      const own = decls[0]!.field('name')!;
      if (methods) out = { methods, scope: rangeOf(block), hidden: hiddenRanges(block, name, own) };
    }
  }
  known.set(name, out);
  return out;
}

/** Whether a read of the name at `call` is the binding of `own`: inside its block, hidden by no other binding. */
function reaches(call: SgNode, own: OwnObject): boolean {
  const at = rangeOf(call);
  const inside = (r: Range): boolean => at.start >= r.start && at.end <= r.end;
  return inside(own.scope) && !own.hidden.some(inside);
}

const prototypes = new WeakMap<LoadedModule, Map<string, boolean>>();
/** Method names of each class body, by the body's node id (asked once per class, not once per call). */
const classBodies = new WeakMap<LoadedModule, Map<number, Set<string>>>();

/** Whether the module assigns a function to `X.prototype.name` (asked once per module and name). */
function prototypeMethod(m: LoadedModule, name: string): boolean {
  let known = prototypes.get(m);
  if (!known) prototypes.set(m, (known = new Map<string, boolean>()));
  let found = known.get(name);
  if (found === undefined) {
    found = new RegExp(`\\.prototype\\.${escapeRegex(name)}\\s*=\\s*(?:async\\s+)?function\\b`).test(m.text);
    known.set(name, found);
  }
  return found;
}

/** Whether `this.name(…)` at `call` is a method of the class around it, or of a prototype the module fills. */
function thisMethod(m: LoadedModule, call: SgNode, name: string): boolean {
  // As far up as hand-written code nests (fixed-value.ts's MAX_ANCESTORS): each parent lookup costs the depth.
  let up = 0;
  for (let p = call.parent(); p && up++ < MAX_ANCESTORS; p = p.parent()) {
    const k = kindOf(p);
    if (k === 'class_body') {
      let bodies = classBodies.get(m);
      if (!bodies) classBodies.set(m, (bodies = new Map<number, Set<string>>()));
      let names = bodies.get(p.id());
      if (!names) bodies.set(p.id(), (names = classMethods(p)));
      return names.has(name);
    }
    if (OWN_THIS.has(k)) return prototypeMethod(m, name);
  }
  return false;
}

/** Whether a sink match is a call of a method the module defines itself (JavaScript). */
export function callsOwnMethod(m: LoadedModule, node: SgNode): boolean {
  if (m.lang.family === 'python' || node.kind() !== 'call_expression') return false;
  const callee = node.field('function');
  if (!callee || callee.kind() !== 'member_expression') return false;
  const name = callee.field('property')?.text() ?? '';
  const recv = callee.field('object');
  if (!recv || !NAME.test(name)) return false;
  if (recv.kind() === 'this') return thisMethod(m, node, name);
  if (recv.kind() !== 'identifier') return false;
  const own = receiverObject(m, recv.text());
  return !!own && own.methods.has(name) && reaches(node, own);
}
