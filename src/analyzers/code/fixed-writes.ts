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
 * (`var source = 'ab+c'; new RegExp(source)`).
 */
export function laterValues(decl: SgNode, name: string): SgNode[] | undefined {
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
 * report to the caller of what it ran, which the caller reads. What it gives up: a caller that adds to the list
 * before a callback of this function reads it.
 */
function returnedRecord(node: SgNode | null): boolean {
  return !!node && kindOf(node) === 'object' && kindOf(node.parent() ?? node) === 'return_statement';
}

/** Whether `node` names a list of fixed words the code adds to (`args.push(url)`: `args.join(' ')` reads it). */
export function addedTo(node: SgNode, b: ReturnType<typeof binding>): boolean {
  const value = b && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  return !!value && kindOf(value) === 'array' && elementsWritten(node);
}
