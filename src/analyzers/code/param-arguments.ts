/**
 * The arguments a local function's parameter is given, for fixed-value.ts: every call of a function declared
 * or bound by name, or of a method given to a property, read at the parameter's position. A parameter none
 * of whose calls can be listed (the function passed as a value, a property read otherwise) gives undefined.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { FUNCTIONS, MAX_ANCESTORS } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { laterValues, named } from './fixed-writes.js';
import { contains } from './taint-support.js';

/**
 * The nearest enclosing function of `at` with a plain parameter `name`, and its position; undefined when a
 * closer function takes that name another way (destructured, defaulted, or in its own name), or past
 * MAX_ANCESTORS.
 */
export function paramOwner(at: SgNode, name: string): { fn: SgNode; index: number } | undefined {
  for (let fn = at.parent(), up = 0; fn; fn = fn.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    if (!FUNCTIONS.has(kindOf(fn))) continue;
    const params = named(fn.field('parameters'));
    const index = params.findIndex((p) => kindOf(p) === 'identifier' && p.text() === name);
    if (index >= 0) return { fn, index };
    if (params.some((p) => p.text().includes(name))) return undefined;
  }
  return undefined;
}

/**
 * The parameter `name` of the function around `at`, when that function is a local one that is only ever
 * called by name (never passed as a value): its arguments at that position in every call (`get('git rev-parse
 * HEAD', next)`), and the values its body gives the parameter (`writes`: the right side of each `name = v` and
 * `name += v`; an update `name++` leaves a number); undefined otherwise, and when the body writes the parameter
 * any other way (destructuring, `for (name of …)`, `-=`). A method given to a
 * property (`self.showError = function (text) {…}`, `{ showError: function (text) {…} }`) is read the same
 * way through every call of a property of that name in the file (`self.showError(gettext('No data'))`), as
 * long as no property of that name is read other than to call it. A recursive call that hands the parameter
 * on unchanged at the same position (`poll(url, n + 1, savedHtml)` inside `poll`) adds no value of its own.
 */
export function argumentsOfParam(
  at: SgNode,
  name: string,
): { owner: SgNode; args: SgNode[]; writes: SgNode[] } | undefined {
  const owner = paramOwner(at, name);
  if (!owner) return undefined;
  const { fn, index } = owner;
  // What the body writes to the parameter (`if (total > 100) value = 100 - used`, `text += '…'`) is proven with
  // the arguments; a write of another kind (destructuring, `for (name of list)`) leaves its values unknown.
  const param = named(fn.field('parameters'))[index];
  const writes = param ? laterValues(param, name, true) : undefined;
  if (!writes) return undefined;
  const calls = kindOf(fn) === 'function_declaration' ? declaredCalls(fn, fn) : methodCalls(fn);
  if (!calls) return undefined;
  const out: SgNode[] = [];
  for (const call of calls) {
    const arg = named(call.field('arguments'))[index];
    if (!arg || kindOf(arg) === 'spread_element') return undefined;
    if (kindOf(arg) === 'identifier' && arg.text() === name && contains(fn, arg)) continue;
    out.push(arg);
  }
  return out.length > 0 ? { owner: fn, args: out, writes } : undefined;
}

/** declaredCalls' answers per tree, by the declaring node's id: see there. */
const declaredKept = new WeakMap<object, Map<number, readonly SgNode[] | undefined>>();

/**
 * Every call of the function `fn` declared by `decl` (`function get(cmd) {…}` or `const get = (cmd) => …`) in
 * the block that declares it; undefined when the name is used otherwise (passed as a value). Kept per tree and
 * `decl`: it depends on the tree alone (`decl` is `fn` itself or the declarator holding it, and gives the name
 * and the block), and each ask walks the block, a whole bundle for a top-level function, once for each of a
 * function's parameters and each rule that asks (perf57).
 */
function declaredCalls(fn: SgNode, decl: SgNode): readonly SgNode[] | undefined {
  const tree = decl.getRoot();
  let kept = declaredKept.get(tree);
  if (!kept) declaredKept.set(tree, (kept = new Map<number, readonly SgNode[] | undefined>()));
  const id = decl.id();
  if (kept.has(id)) return kept.get(id);
  const calls = declaredCallsOf(fn, decl);
  kept.set(id, calls);
  return calls;
}

function declaredCallsOf(fn: SgNode, decl: SgNode): SgNode[] | undefined {
  const nameNode = decl.field('name');
  const scope = (decl === fn ? fn : decl.parent())?.parent();
  if (!nameNode || kindOf(nameNode) !== 'identifier' || !scope) return undefined;
  const out: SgNode[] = [];
  // The name's occurrences only, picked out by the walk itself (a text read per identifier of a large
  // scope cost more than the rest of the rule).
  const exact = { kind: 'identifier', regex: `^${escapeRegex(nameNode.text())}$` };
  for (const use of scope.findAll({ rule: exact })) {
    if (use.text() !== nameNode.text() || use.id() === nameNode.id()) continue;
    // Passed as a value (`async.map(list, get)`), its arguments are unknown.
    const call = use.parent();
    if (!call || kindOf(call) !== 'call_expression' || call.field('function')?.id() !== use.id())
      return undefined;
    out.push(call);
  }
  return out;
}

/**
 * The calls of a function held by a variable (`const get = …`) or given to a property (`obj.m = function …`, a
 * pair `m: function …` of an object literal): for a property, every `x.m(…)` in the file, and undefined when
 * a property of that name is read otherwise (`cb = obj.m`, `obj.m.bind(obj)`), computed or written again.
 */
function methodCalls(fn: SgNode): readonly SgNode[] | undefined {
  const holder = fn.parent();
  if (!holder) return undefined;
  if (kindOf(holder) === 'variable_declarator') return declaredCalls(fn, holder);
  let prop: SgNode | null = null;
  if (kindOf(holder) === 'assignment_expression' && holder.field('right')?.id() === fn.id()) {
    const left = holder.field('left');
    if (left && kindOf(left) === 'member_expression') prop = left.field('property');
  } else if (kindOf(holder) === 'pair' && holder.field('value')?.id() === fn.id()) prop = holder.field('key');
  if (!prop || kindOf(prop) !== 'property_identifier') return undefined;
  let root = holder;
  for (let up = 0, p = holder.parent(); p; p = p.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    root = p;
  }
  const word = prop.text();
  // A property read by a computed key (`obj[name](…)`) may be this one.
  const quoted = `^['"\`]${escapeRegex(word)}['"\`]$`;
  if (root.find({ rule: { kind: 'subscript_expression', has: { field: 'index', regex: quoted } } }))
    return undefined;
  const out: SgNode[] = [];
  const exact = { kind: 'property_identifier', regex: `^${escapeRegex(word)}$` };
  for (const use of root.findAll({ rule: exact })) {
    if (use.text() !== word || use.id() === prop.id()) continue;
    const member = use.parent();
    const call = member?.parent();
    if (
      !member ||
      !call ||
      kindOf(member) !== 'member_expression' ||
      kindOf(call) !== 'call_expression' ||
      call.field('function')?.id() !== member.id()
    )
      return undefined;
    out.push(call);
  }
  return out;
}
