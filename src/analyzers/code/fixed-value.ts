/**
 * Whether a JavaScript/TypeScript expression's value is fixed by the program text: literals, and what is
 * built from them (templates, concatenation, either branch of a conditional, arrays joined with a
 * literal, objects of them), `const` names bound to such a value, local functions that only return one,
 * and calls a rule declares to give fixed text (translation lookups, template renders, whose callbacks'
 * first parameter is that text too). Numbers and booleans the operators make (`a - b`, `s.length`,
 * `parseInt(x)`, `a < b`) count as fixed as well: whatever their operands, no markup, quote or shell
 * word can come out of them. Audit rules use it so that `const html = `${OPEN}${CLOSE}`; el.innerHTML =
 * html` is not "HTML built at run time" — the constant propagation Semgrep users expect. Anything not
 * understood is not fixed, so the finding stays.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { FUNCTIONS, MAX_ANCESTORS, binding } from './name-binding.js';
import { argumentsOfParam } from './param-arguments.js';
import {
  CONSTANT_NAME,
  addedTo,
  elementsWritten,
  enclosingScope,
  tableOfField,
  laterValues,
  named,
} from './fixed-writes.js';
import { branchAssignments, reachingAssignment } from './reaching-assignment.js';
import { memberFunctions, memberValues } from './fixed-members.js';
import {
  NUMERIC_FIELD,
  NUMERIC_OPERATORS,
  REQUEST_PART,
  jqueryEachIndex,
  numericCall,
} from './fixed-numbers.js';

const MAX_DEPTH = 6;
// Terms of one `+` (or `||`, `??`) chain read at most.
const MAX_CHAIN = 100;
// The first parameter of an error-first callback.
const ERROR_PARAM = /^(?:err|error|er|e|_err|_error|_)$/;
const LITERALS = new Set(['string', 'number', 'true', 'false', 'null', 'undefined', 'regex']);

interface Ctx {
  /** Calls whose result counts as fixed text (a rule's `unlessFixed.calls`). */
  fixedCall: (call: SgNode) => boolean;
  /** Calls whose result is fixed when every argument is (a rule's `unlessFixed.through`). */
  throughCall: (call: SgNode) => boolean;
  depth: number;
  /** Names being resolved, so a cycle ends as "not fixed". */
  seen: Set<string>;
  /** A parameter taken as fixed while its own reassignment is checked (`t = unescape(t)`). */
  assumed?: string;
  /**
   * Declarations (node ids) whose first value is fixed and whose later writes are being checked: a read of
   * the same variable there is taken as fixed (values swapped through a third name: `tmp = b; b = a; a =
   * tmp`). Keyed by the declaring function and the name (declKey), so a parameter of another function spelled
   * the same is not taken for it.
   */
  assumedAt: Set<string>;
  /** A `var`/`let` never written after its declaration counts as a `const` (the audit profile's rules). */
  singleAssignment?: boolean;
  /** The rule's own matches: a helper named like its sink is reviewed where its argument is built. */
  reviewed?: (call: SgNode) => boolean;
  /** A member or name the caller decides (own-fields.ts: a field of what the page's own method returns). */
  assume?: (node: SgNode) => boolean;
}

/**
 * The values a local function returns (its expression body, or every `return` outside nested functions,
 * methods and classes); undefined when a bare `return;` or no return leaves the value unread.
 */
export function returnedValues(fn: SgNode): SgNode[] | undefined {
  const body = fn.field('body');
  if (!body) return undefined;
  if (kindOf(body) !== 'statement_block') return [body];
  const out: SgNode[] = [];
  // An explicit stack, in source order: a body nested deeper than the JavaScript stack is still read.
  const stack = body.children().reverse();
  for (let c = stack.pop(); c; c = stack.pop()) {
    const k = kindOf(c);
    if (FUNCTIONS.has(k) || k === 'method_definition' || k === 'class_declaration' || k === 'class_body')
      continue;
    if (k === 'return_statement') {
      const v = c.children().find((x) => x.isNamed() && kindOf(x) !== 'comment');
      if (!v) return undefined;
      out.push(v);
    } else {
      const kids = c.children();
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The call whose output the function `fn` receives as its first parameter: the call it is an argument of
 * (`templates.parse(tpl, data, (html) => …)`, with those arguments), the call whose options give it as the
 * `success` callback (`$.ajax({ url, success: (html) => … })`), or the call a `.done(fn)`/`.then(fn)` is
 * chained on (`$.ajax({ url }).done((html) => …)`, `Benchpress.render(tpl, data).then((html) => …)`).
 */
function receivingCall(fn: SgNode): { call: SgNode; args?: SgNode } | undefined {
  const parent = fn.parent();
  if (!parent) return undefined;
  if (kindOf(parent) === 'pair') {
    const options = parent.parent();
    const args = options?.parent();
    const call = args?.parent();
    const key = parent
      .field('key')
      ?.text()
      .replace(/^(['"])(.*)\1$/, '$2');
    if (key !== 'success' || !options || !args || !call) return undefined;
    const shaped = kindOf(options) === 'object' && kindOf(args) === 'arguments';
    return shaped && kindOf(call) === 'call_expression' ? { call } : undefined;
  }
  const call = parent.parent();
  if (kindOf(parent) !== 'arguments' || !call || kindOf(call) !== 'call_expression') return undefined;
  const callee = call.field('function');
  const chained = callee && kindOf(callee) === 'member_expression' ? callee.field('object') : null;
  if (
    chained &&
    kindOf(chained) === 'call_expression' &&
    /^(?:done|then)$/.test(callee?.field('property')?.text() ?? '') &&
    named(parent)[0]?.id() === fn.id()
  )
    return { call: chained };
  return { call, args: parent };
}

/**
 * Whether `call` runs its callback on each element of a fixed list (`[[60, 'sec'], [3600, 'min']].some((unit)
 * => …)`, `NAMES.forEach((name) => …)`): the callback's first parameter is one of its values.
 */
function iteratesFixedList(call: SgNode, ctx: Ctx): boolean {
  const callee = call.field('function');
  if (!callee || kindOf(callee) !== 'member_expression') return false;
  const list = callee.field('object');
  const method = callee.field('property')?.text() ?? '';
  return (
    /^(?:forEach|map|flatMap|some|every|filter|find|findLast)$/.test(method) &&
    !!list &&
    fixed(list, ctx) &&
    !elementsWritten(list)
  );
}

/**
 * Whether the parameter `name` of the function around `at` receives fixed text because that function is
 * the callback of a call that hands it fixed text: a template render (`templates.parse(tpl, data, (html)
 * => …)`, one of `ctx.fixedCall`) or a call of `ctx.throughCall` all of whose other arguments are fixed
 * (`translator.translate(html, (translated) => …)`); or the second parameter of an error-first callback
 * of a declared call (`fs.readFile(file, (err, data) => …)`). Each reassignment of the parameter must keep it
 * fixed (`t = translator.unescape(t)`). Undefined when the function is no such callback.
 */
function callbackParamFixed(at: SgNode, name: string, ctx: Ctx): boolean | undefined {
  let fn: SgNode | null = at.parent();
  for (let up = 0; fn; fn = fn.parent()) {
    if (++up > MAX_ANCESTORS) return undefined;
    if (!FUNCTIONS.has(kindOf(fn))) continue;
    const params = fn.field('parameters') ? named(fn.field('parameters')) : [fn.field('parameter')];
    if (params.some((p) => p?.text() === name)) break;
    if (params.some((p) => p?.text().includes(name))) return undefined;
  }
  if (!fn) return undefined;
  const params = fn.field('parameters') ? named(fn.field('parameters')) : [fn.field('parameter')];
  if (params[0]?.text() === name && jqueryEachIndex(fn)) return reassignedFixed(fn, name, ctx);
  // The output is the first parameter, or the second of an error-first callback (`fs.readFile(file, (err,
  // data) => …)`, `res.render(view, (err, html) => …)`), which only a declared call is taken to give.
  const errorFirst = params[1]?.text() === name && ERROR_PARAM.test(params[0]?.text() ?? '');
  if (params[0]?.text() !== name && !errorFirst) return undefined;
  const { call, args } = receivingCall(fn) ?? {};
  if (!call) return undefined;
  if (errorFirst) return args && ctx.fixedCall(call) ? reassignedFixed(fn, name, ctx) : undefined;
  const others = named(args).filter((a) => a.id() !== fn.id());
  const gives =
    ctx.fixedCall(call) ||
    (!!args && ctx.throughCall(call) && others.every((a) => FUNCTIONS.has(kindOf(a)) || fixed(a, ctx))) ||
    (!!args && iteratesFixedList(call, ctx));
  return gives && reassignedFixed(fn, name, ctx);
}

/** Whether every assignment to the parameter `name` in the body of `fn` keeps it fixed (`t = unescape(t)`). */
function reassignedFixed(fn: SgNode, name: string, ctx: Ctx): boolean {
  ctx.seen.add(name);
  try {
    const assigns = fn.field('body')?.findAll({ rule: { kind: 'assignment_expression' } }) ?? [];
    return assigns
      .filter((a) => a.field('left')?.text() === name)
      .every((a) => {
        const v = a.field('right');
        return !!v && fixed(v, { ...ctx, assumed: name });
      });
  } finally {
    ctx.seen.delete(name);
  }
}

/** `check()` with `name` marked as being resolved (a cycle through it ends as "not fixed"). */
function resolving(name: string, ctx: Ctx, check: () => boolean): boolean {
  ctx.seen.add(name);
  try {
    return check();
  } finally {
    ctx.seen.delete(name);
  }
}

/** A variable by its function and name: a `var` declared twice in one function is one variable. */
const declKey = (decl: SgNode, name: string): string => `${enclosingScope(decl)?.id() ?? -1}:${name}`;

function fixedName(node: SgNode, ctx: Ctx): boolean {
  const name = node.text();
  if (/^(?:undefined|NaN|Infinity)$/.test(name)) return true;
  // A constant by its name, unless it is a list the code adds to (`ARGS.push(url)`: see addedTo).
  if (CONSTANT_NAME.test(name)) return !addedTo(node, binding(node, name));
  if (ctx.assumed === name) return true;
  if (ctx.seen.has(name)) {
    // A cycle through a variable whose later writes are being read: fixed if the rest of them are.
    const at = ctx.assumedAt.size > 0 ? binding(node, name) : undefined;
    return !!at && ctx.assumedAt.has(declKey(at.node, name));
  }
  const b = binding(node, name);
  // A parameter or `let` set by one assignment just before the read (in its branch): that value.
  const reaching = b?.isConst ? undefined : reachingAssignment(node, name);
  if (reaching && resolving(name, ctx, () => fixed(reaching, ctx))) return true;
  // Set in each branch of the `if … else` just before the read (also a global the script never declares).
  const branches = reaching || b?.isConst ? undefined : branchAssignments(node, name);
  if (branches && resolving(name, ctx, () => branches.every((v) => fixed(v, ctx)))) return true;
  if (!b) {
    // The callback parameter of a template render or a translation of fixed text.
    const given = callbackParamFixed(node, name, ctx);
    if (given !== undefined) return given;
    // A parameter of a local helper every call of which passes fixed text, or is the asking rule's own match.
    const passed = argumentsOfParam(node, name);
    // Keyed by the function and the parameter: a caller's own variable spelled the same (`const html =
    // $(btn).html(); restore(id, html)`) is another variable, while a cycle through the same parameter (two
    // functions handing it to each other) ends as not fixed.
    const key = `param:${passed?.owner.id() ?? -1}:${name}`;
    if (!passed || ctx.seen.has(key)) return false;
    // Each value the body gives the parameter keeps it fixed, read with the parameter's own value taken as
    // fixed (`text = text + '…'`), as a callback's parameter is (reassignedFixed).
    return resolving(
      key,
      ctx,
      () =>
        passed.args.every((a) => ctx.reviewed?.(a.parent()!.parent()!) === true || fixed(a, ctx)) &&
        passed.writes.every((w) => fixed(w, { ...ctx, assumed: name })),
    );
  }
  const value = kindOf(b.node) === 'function_declaration' ? undefined : b.node.field('value');
  // A `var unit;` of a function holds undefined until it is written: its later values decide.
  const bare = !value && kindOf(b.node) === 'variable_declarator' && b.plain === true && !b.isConst;
  if (!value && !bare) return false;
  if (addedTo(node, b)) return false;
  // A `var`/`let` declared in a function counts when every value it is given is fixed: markup accumulated
  // from fixed parts (`var html = ''; … html += template(entry)`; `html = html + x` reads the name as fixed
  // already). One at the top of a script is a global other scripts may write: only the audit profile's
  // rules take it, and only when it is never written again.
  let later: SgNode[] | undefined = [];
  if (!b.isConst) {
    later = b.plain === true ? laterValues(b.node, name) : undefined;
    const scope = enclosingScope(b.node);
    const local = !!b.node.parent() && !!scope && scope.kind() !== 'program';
    if (!later || !(local || (!bare && ctx.singleAssignment === true && later.length === 0))) return false;
  }
  ctx.seen.add(name);
  const assumed = ctx.assumed;
  const id = declKey(b.node, name);
  const added = !ctx.assumedAt.has(id);
  try {
    if (value && !fixed(value, ctx)) return false;
    // The variable itself is assumed by its declaration (a parameter's assumption, by name, ends here).
    ctx.assumed = undefined;
    if (added) ctx.assumedAt.add(id);
    return later.every((v) => fixed(v, ctx));
  } finally {
    ctx.assumed = assumed;
    if (added) ctx.assumedAt.delete(id);
    ctx.seen.delete(name);
  }
}

function fixedCall(node: SgNode, ctx: Ctx): boolean {
  if (ctx.fixedCall(node) || numericCall(node)) return true;
  const callee = node.field('function');
  const args = node.field('arguments');
  if (!callee || !args) return false;
  const argValues = args.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
  // `translator.unescape(html)`, `$(markup)`: a call that passes fixed text through stays fixed.
  if (ctx.throughCall(node) && argValues.every((a) => FUNCTIONS.has(kindOf(a)) || fixed(a, ctx))) return true;
  // `['a', 'b'].join(' && ')`, `'x'.toUpperCase()`: a string method of a fixed value with fixed arguments;
  // also a padding helper a project adds to the prototypes (`(d.getMonth() + 1).padLeft()`), by its name, and
  // a fixed value's text (`Math.random().toString(36)`, a generated id; a read file's `data.toString()`;
  // `row.startDate.toLocaleString()` of a value a rule fixes).
  if (kindOf(callee) === 'member_expression') {
    const obj = callee.field('object');
    const prop = callee.field('property')?.text() ?? '';
    // `list.sort((a, b) => …)`, `list.reverse()`: the same fixed elements in another order. `text.split(sep)`
    // gives pieces of the fixed text (`page.split(start)[1]`, an element of them, is read by the subscript case).
    const order = /^(?:sort|reverse)$/.test(prop);
    if (
      order ||
      /^(?:join|concat|trim(?:Start|End)?|to(?:Upp|Low)erCase|repeat|pad(?:Start|End|Left|Right)|[lr]pad|to(?:Locale)?(?:Date|Time)?String|to(?:UTC|ISO)String|replace(?:All)?|slice|substr(?:ing)?|split)$/.test(
        prop,
      )
    )
      return (
        !!obj &&
        fixed(obj, ctx) &&
        argValues.every((a) => (order && FUNCTIONS.has(kindOf(a))) || fixed(a, ctx))
      );
    // A method of the module's own record (`manager.getNetworkType()`) whose every definition only returns
    // fixed values.
    const key = `${obj?.text() ?? ''}.${prop}`;
    if (!obj || kindOf(obj) !== 'identifier' || ctx.seen.has(key)) return false;
    const fns = memberFunctions(obj, prop);
    return (
      !!fns &&
      resolving(key, ctx, () =>
        fns.every((fn) => {
          const values = returnedValues(fn);
          return !!values && values.every((v) => fixed(v, ctx));
        }),
      )
    );
  }
  // A local function that only returns fixed values (`dateLabel()`), also from its parameters when every
  // call of it passes fixed values there (`charsLeft(el, data.maxLength)`: see argumentsOfParam).
  if (kindOf(callee) !== 'identifier' || ctx.seen.has(callee.text())) return false;
  const b = binding(node, callee.text());
  if (!b) return false;
  const fn = kindOf(b.node) === 'function_declaration' ? b.node : b.node.field('value');
  if (!fn || !FUNCTIONS.has(kindOf(fn))) return false;
  const values = returnedValues(fn);
  if (!values) return false;
  // `var list = function (…) {…}` is the function as a declaration is, unless the name is written again (read
  // last: a walk of the declaring scope).
  if (!b.isConst && (b.plain !== true || laterValues(b.node, callee.text())?.length !== 0)) return false;
  return resolving(callee.text(), ctx, () => values.every((v) => fixed(v, ctx)));
}

/**
 * A property of the module's own record (`manager.networkType`) that every write gives a fixed value
 * (`manager.networkType = type` with `type` an element of a constant list): see fixed-members.ts.
 */
function fixedMember(node: SgNode, ctx: Ctx): boolean {
  const obj = node.field('object');
  const prop = node.field('property');
  if (!obj || !prop || kindOf(obj) !== 'identifier' || kindOf(prop) !== 'property_identifier') return false;
  const key = `${obj.text()}.${prop.text()}`;
  if (ctx.seen.has(key)) return false;
  const values = memberValues(obj, prop.text());
  if (!values || values.length === 0) return false;
  return resolving(key, ctx, () => values.every((v) => fixed(v, ctx)));
}

/**
 * A field of a call the rule declares to give fixed values (`config.get('queue.yaml').dir`), or of a `const`
 * bound to one (`const cfg = config.get('smtp.ini')` … `cfg.user`) when the code neither writes into it nor hands it on (elementsWritten).
 */
function fieldOfDeclaredCall(node: SgNode, ctx: Ctx): boolean {
  const obj = node.field('object');
  if (obj && kindOf(obj) === 'call_expression') return ctx.fixedCall(obj);
  if (!obj || kindOf(obj) !== 'identifier') return false;
  const b = binding(obj, obj.text());
  const value = b?.isConst && kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  return !!value && kindOf(value) === 'call_expression' && ctx.fixedCall(value) && !elementsWritten(obj);
}

/** A field of a record or a table's element the code never writes into (tableOfField), whose value is fixed. */
function tableRead(node: SgNode, ctx: Ctx): boolean {
  const table = tableOfField(node);
  return !!table && fixed(table, ctx);
}

function fixed(node: SgNode, ctx: Ctx): boolean {
  if (ctx.depth >= MAX_DEPTH * 4) return false;
  ctx.depth++;
  try {
    const k = kindOf(node);
    if (LITERALS.has(k)) return true;
    switch (k) {
      case 'template_string':
        return node
          .children()
          .filter((c) => kindOf(c) === 'template_substitution')
          .every((s) => s.children().every((c) => !c.isNamed() || fixed(c, ctx)));
      case 'binary_expression': {
        const op = node.field('operator')?.text() ?? '';
        if (NUMERIC_OPERATORS.test(op)) return true;
        // A long `'<div>' + a + '</div>' + …` chain is read along its left spine, not one level per term.
        const terms: SgNode[] = [];
        let left: SgNode | null = node;
        while (left && kindOf(left) === 'binary_expression' && left.field('operator')?.text() === op) {
          const r = left.field('right');
          if (!r || terms.length >= MAX_CHAIN) return false;
          terms.push(r);
          left = left.field('left');
        }
        return !!left && terms.length > 0 && fixed(left, ctx) && terms.every((t) => fixed(t, ctx));
      }
      case 'unary_expression':
      case 'update_expression':
        // `-x`, `+x`, `~x`, `!x`, `typeof x`, `i++`: a number, a boolean or a type's name.
        return !/^(?:void|delete)\b/.test(node.text());
      case 'member_expression':
        if (
          ctx.fixedCall(node) ||
          fixedMember(node, ctx) ||
          fieldOfDeclaredCall(node, ctx) ||
          tableRead(node, ctx)
        )
          return true;
        // The length of a string or an array is a number, and so is a field named as a count or a size
        // (`data.doc_count`, `stats.socketCount`, `res.need_sync_num`): a reviewer reads a JSON count as
        // digits. The request's own fields (`req.query.length`, `?count=<b>`) are whatever the sender wrote.
        return (
          (NUMERIC_FIELD.test(node.field('property')?.text() ?? '') &&
            !REQUEST_PART.test(node.field('object')?.text() ?? '')) ||
          ctx.assume?.(node) === true
        );
      case 'object':
        // Printed as `[object Object]` unless its members are fixed: either way no markup of its own.
        return node
          .children()
          .filter((c) => c.isNamed() && kindOf(c) !== 'comment')
          .every((c) => kindOf(c) === 'pair' && !!c.field('value') && fixed(c.field('value')!, ctx));
      case 'ternary_expression': {
        const a = node.field('consequence');
        const b = node.field('alternative');
        return !!a && !!b && fixed(a, ctx) && fixed(b, ctx);
      }
      case 'parenthesized_expression':
        return node.children().every((c) => !c.isNamed() || fixed(c, ctx));
      case 'as_expression': // TypeScript assertions (`cmd as string`, `cmd!`, `<string>cmd`): the value asserted
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'type_assertion':
        return node.namedChildren().some((c, i) => i === (k === 'type_assertion' ? 1 : 0) && fixed(c, ctx));
      case 'array':
        return node.children().every((c) => !c.isNamed() || kindOf(c) === 'comment' || fixed(c, ctx));
      case 'subscript_expression': {
        // An element of a fixed list (`NETWORKS[i]`, `names[k]`), whatever the index: one of its values, or
        // undefined. A computed read of anything else (`req.query[k]`) is not fixed.
        const obj = node.field('object');
        return !!obj && kindOf(obj) !== 'member_expression' && fixed(obj, ctx) && !elementsWritten(obj);
      }
      case 'identifier':
        // A rule's fixed values may name some (`__dirname`).
        return ctx.fixedCall(node) || fixedName(node, ctx) || ctx.assume?.(node) === true;
      case 'call_expression':
        return fixedCall(node, ctx);
      case 'new_expression':
        // `new URL('.', import.meta.url)`: a constructor a rule lists in `through`, given only fixed values.
        return ctx.throughCall(node) && named(node.field('arguments')).every((a) => fixed(a, ctx));
      case 'function_expression':
      case 'function':
      case 'arrow_function':
        // A function the program text writes: its text (`'(' + fn + ')()'`) is that source. Fixed only for a
        // rule that lists the kind among its fixed values (js-code-injection-audit: code it runs is its own).
        return ctx.fixedCall(node);
      default:
        return false;
    }
  } finally {
    ctx.depth--;
  }
}

/**
 * True when `node`'s value is fixed by the program text (see the module comment). With `singleAssignment`, a
 * `var` or `let` never written after its declaration counts like a `const`.
 */
export function isFixedValue(
  node: SgNode,
  fixedCall: (call: SgNode) => boolean = () => false,
  throughCall: (call: SgNode) => boolean = () => false,
  singleAssignment = false,
  reviewed?: (call: SgNode) => boolean,
  assume?: (node: SgNode) => boolean,
): boolean {
  return fixed(node, {
    assume,
    fixedCall,
    throughCall,
    depth: 0,
    seen: new Set(),
    assumedAt: new Set(),
    singleAssignment,
    reviewed,
  });
}
