/**
 * What a program writes to a name after declaring it, read for fixed-value.ts: the values a `var`/`let` is
 * given later, and whether a list or record is added to or handed on under another name. Anything not
 * understood counts as written, so the value is not taken as fixed.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { FUNCTIONS, MAX_ANCESTORS, WRITES, binding } from './name-binding.js';
import { escapeRegex } from './scope.js';

/** A name written like a constant (`NETWORKS`, `MAX_SIZE`). */
export const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The named children of `n` that are not comments. */
export const named = (n: SgNode | null | undefined): SgNode[] =>
  (n?.children() ?? []).filter((c) => c.isNamed() && kindOf(c) !== 'comment');

/**
 * The function (or the program) a declaration belongs to; undefined beyond MAX_ANCESTORS (the walk up is
 * quadratic in depth), so a declaration that deep is never taken as fixed.
 */
export function enclosingScope(decl: SgNode): SgNode | undefined {
  let scope = decl;
  let up = 0;
  for (let p = decl.parent(); p; p = p.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    scope = p;
    if (FUNCTIONS.has(kindOf(p))) break;
  }
  return scope;
}

/**
 * The values the `var`/`let` name declared by `decl` is given after its declaration, in the function (or
 * program) around it: the right side of each `name = v` and `name += v`. Undefined when it is written any
 * other way (an update, destructuring, a `for … in/of`, another operator, a second declaration), so the
 * values it can hold are not all known. An empty list: never written again
 * (`var source = 'ab+c'; new RegExp(source)`). With `numericUpdates`, an update (`n++`) is no value of its own:
 * it leaves a number, for a caller that only asks whether the name holds markup.
 */
export function laterValues(decl: SgNode, name: string, numericUpdates = false): SgNode[] | undefined {
  const scope = enclosingScope(decl);
  if (!scope) return undefined;
  const own = decl.field('name');
  const exact = `^${escapeRegex(name)}$`;
  const uses = scope.findAll({
    rule: {
      any: [
        { kind: 'identifier', regex: exact },
        { kind: 'shorthand_property_identifier_pattern', regex: exact },
      ],
    },
  });
  const values: SgNode[] = [];
  for (const use of uses) {
    if (use.text() !== name || use.id() === own?.id()) continue;
    const parent = use.parent();
    if (!parent || !WRITES.has(kindOf(parent))) continue;
    const k = kindOf(parent);
    if (numericUpdates && k === 'update_expression') continue;
    // A read on the right of an assignment or inside an initializer is no write.
    if (
      k === 'assignment_expression' ||
      k === 'augmented_assignment_expression' ||
      k === 'for_in_statement'
    ) {
      if (parent.field('left')?.id() !== use.id()) continue;
      const op = parent.field('operator')?.text() ?? '=';
      const right = parent.field('right');
      if (k === 'for_in_statement' || !right || (op !== '=' && op !== '+=')) return undefined;
      values.push(right);
      continue;
    }
    if (k === 'variable_declarator') {
      // Another declaration of the name in the scope (`var div = …` in two branches of one function) is one
      // more value it is given; an inner block's own `let` counts too, which only asks more.
      if (parent.field('name')?.id() === use.id()) {
        const again = parent.field('value');
        if (again) values.push(again);
        else if (kindOf(parent.parent() ?? parent) !== 'variable_declaration') return undefined;
      }
      continue;
    }
    if (k === 'assignment_pattern' && parent.field('right')?.id() === use.id()) continue;
    return undefined;
  }
  return values;
}

/** The function around `at` one of whose parameters is the plain name `name`. */
function takingFunction(at: SgNode, name: string): SgNode | undefined {
  let up = 0;
  for (let fn = at.parent(); fn && up++ < MAX_ANCESTORS; fn = fn.parent()) {
    if (!FUNCTIONS.has(kindOf(fn))) continue;
    const params = fn.field('parameters') ? named(fn.field('parameters')) : [fn.field('parameter')];
    if (params.some((p) => p?.text() === name)) return fn;
  }
  return undefined;
}

// Where a read of a list's name gives the list another name (`const copy = list`, `x = list`, a field:
// `{ items: list }`, `{ list }`), through which it may be added to. A list passed to a function is not
// followed: most read it (an assertion, a logger, a header set from it), and taking every such call as a
// write reported constant lists.
const HANDED_ON = new Set(['variable_declarator', 'assignment_expression', 'pair']);

/** Whether the scope declaring the list or record `obj` names adds or replaces elements (`list.push(x)`,
 * `list[i] = x`, `Object.assign(list, …)`), read from its text, or gives it another name (HANDED_ON); a name
 * bound nowhere here counts as written. */
export function elementsWritten(obj: SgNode): boolean {
  if (kindOf(obj) !== 'identifier') return false;
  const name = obj.text();
  const b = binding(obj, name);
  // A parameter fixed by what it is given (`unit` of `UNITS.some((unit) => …)`): the function that takes it.
  // One only named like a constant (`function g(L, i)`) was never resolved: its list is unknown.
  const scope = b ? enclosingScope(b.node) : CONSTANT_NAME.test(name) ? undefined : takingFunction(obj, name);
  if (!scope) return true;
  const n = escapeRegex(name);
  // An index holds no bracket (`list[i] = x`): `[^\]]*` would scan from every `list[` of hostile text
  // (`list[ list[ list[ …`) to its end, quadratic in the scope; a nested index (`list[a[i]] = x`) was never
  // read as a write either way.
  if (
    new RegExp(
      `(?:^|[^\\w$.])${n}\\s*(?:\\.\\s*(?:push|unshift|splice|fill|copyWithin|set)\\s*\\(|\\[[^\\[\\]]*\\]\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|\\?\\?|&&|\\|\\|)?=(?!=))|Object\\.assign\\(\\s*${n}\\b`,
    ).test(scope.text())
  )
    return true;
  const own = b && kindOf(b.node) === 'variable_declarator' ? b.node.field('name')?.id() : undefined;
  const uses = scope.findAll({
    rule: { any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier' }], regex: `^${n}$` },
  });
  return uses.some((use) => {
    if (use.id() === obj.id() || use.id() === own || use.text() !== name) return false;
    if (kindOf(use) === 'shorthand_property_identifier') return !returnedRecord(use.parent());
    const p = use.parent();
    if (!p || !HANDED_ON.has(kindOf(p))) return false;
    if (kindOf(p) === 'pair' && returnedRecord(p.parent())) return false;
    return p.field(kindOf(p) === 'assignment_expression' ? 'right' : 'value')?.id() === use.id();
  });
}

/**
 * Whether `node` is a record the function returns as it is written (`return { ok: true, command: cmd }`): a
 * report to the caller of what it ran, which the caller reads. Not one that also holds a function (`{ parts,
 * run() { exec(parts.join(' ')) } }`, a builder): the caller may add to the list and then run it. What it gives
 * up: a caller that adds to the list before a callback of this function reads it.
 */
function returnedRecord(node: SgNode | null): boolean {
  return (
    !!node &&
    kindOf(node) === 'object' &&
    kindOf(node.parent() ?? node) === 'return_statement' &&
    !node
      .children()
      .some((c) => FUNCTION_MEMBER.has(kindOf(c)) || FUNCTION_MEMBER.has(kindOf(c.field('value') ?? c)))
  );
}

// A record member that is a function: a method, or a pair whose value is a function or an arrow.
const FUNCTION_MEMBER = new Set(['method_definition', 'function_expression', 'function', 'arrow_function']);

/** Whether `node` names a list of fixed words the code adds to (`args.push(url)`: `args.join(' ')` reads it). */
export function addedTo(node: SgNode, b: ReturnType<typeof binding>): boolean {
  const value = b && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  return !!value && kindOf(value) === 'array' && elementsWritten(node);
}

/**
 * Whether the scope declaring `obj` writes into a field of it at any depth (`row.label = x`, `T.a.b += x`,
 * `T[k].label = x`, `[row.label] = list`, `T.a.items.push(x)`), hands it to a call (`fill(row)`,
 * `Object.assign(row, x)`), or gives it or one of its parts another name through which it may be written
 * (`const e = T.a; e.label = x`, `const { a } = T`, `x = T.a`, `{ row }`); anything but a name bound here
 * counts as written. A field copied into a record or a list (`{ text: row.label }`) is taken as read.
 */
function fieldsWritten(obj: SgNode, depth = 0): boolean {
  if (kindOf(obj) !== 'identifier' || depth > MAX_ALIASES) return true;
  const name = obj.text();
  const b = binding(obj, name);
  const scope = b ? enclosingScope(b.node) : undefined;
  if (!b || !scope) return true;
  const n = escapeRegex(name);
  if (
    new RegExp(
      `(?:^|[^\\w$.])${n}\\s*(?:\\.\\s*[\\w$]+\\s*|\\[[^\\[\\]]*\\]\\s*)+(?:[-+*/%&|^]|\\*\\*|<<|>>>?|\\?\\?|&&|\\|\\|)?=(?!=)|[(,]\\s*${n}\\s*[,)]`,
    ).test(scope.text())
  )
    return true;
  const own = b.node.field('name')?.id();
  const uses = scope.findAll({
    rule: { any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier' }], regex: `^${n}$` },
  });
  return uses.some((use) => {
    if (use.id() === own || use.text() !== name) return false;
    if (kindOf(use) === 'shorthand_property_identifier') return true;
    return partWritten(use, depth);
  });
}

/** How many names deep fieldsWritten follows a record handed on (`const e = T.a`, `const f = e`). */
const MAX_ALIASES = 3;
/** Methods that change the list or collection they are called on. */
const MUTATORS = /^(?:push|unshift|splice|fill|copyWithin|set|add|sort|reverse)$/;
/** Where an expression is written by destructuring or a loop's variable. */
const PATTERNS =
  /^(?:array_pattern|object_pattern|pair_pattern|rest_pattern|assignment_pattern|for_in_statement)$/;

/** Whether the read `use` of a record's name, with the fields read off it (`T.a.b`), is written or handed on. */
function partWritten(use: SgNode, depth: number): boolean {
  let top = use;
  for (let p = top.parent(); p; p = top.parent()) {
    const k = kindOf(p);
    if ((k !== 'member_expression' && k !== 'subscript_expression') || p.field('object')?.id() !== top.id())
      break;
    top = p;
  }
  const p = top.parent();
  if (!p) return false;
  const k = kindOf(p);
  if (/assignment/.test(k)) {
    // Written (`T.a = x`), or handed to another name (`x = T.a`); copied into a record (`el.title = T.a`) is read.
    if (p.field('left')?.id() === top.id()) return true;
    return k === 'assignment_expression' && kindOf(p.field('left') ?? p) !== 'member_expression';
  }
  // Destructured into (`[T.a] = list`), or a loop's variable: written, or each element given a loop's name.
  if (PATTERNS.test(k)) return p.field('right')?.id() !== top.id() || k === 'for_in_statement';
  if (k === 'variable_declarator' && p.field('value')?.id() === top.id()) {
    // `const e = T.a`: what is written through e is written into T.
    const alias = p.field('name');
    return !alias || fieldsWritten(alias, depth + 1);
  }
  if (k === 'call_expression' && p.field('function')?.id() === top.id() && top.id() !== use.id())
    return MUTATORS.test(top.field('property')?.text() ?? '');
  return false;
}

/**
 * For a field of a `const` bound to an element of a table (`const badge = BADGES[entity.type]` …
 * `badge.label`), when the code writes into neither and hands neither to a call: the element, whose fixed
 * value makes the field one of the table's own values. Undefined for any other read (a record's own
 * properties are fixed-members.ts's).
 */
export function tableOfField(node: SgNode): SgNode | undefined {
  const obj = node.field('object');
  if (!obj || kindOf(obj) !== 'identifier') return undefined;
  const b = binding(obj, obj.text());
  const value = b?.isConst && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  const table = value && kindOf(value) === 'subscript_expression' ? value.field('object') : null;
  if (!value || !table || fieldsWritten(table)) return undefined;
  return elementsWritten(obj) || fieldsWritten(obj) ? undefined : value;
}
