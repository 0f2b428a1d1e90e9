/**
 * The value a parameter or a `let`/`var` holds at a read, when one plain assignment decides it: a statement
 * `name = value;` earlier in a block around the read, in the function that binds the name, with no other
 * write that can run between them. For a read inside a callback (which may run later), no write anywhere
 * after the assignment may run either, except in the other branch of an `if` the assignment is in, and the
 * assignment may not sit in a loop. So a parameter set to a constant in one branch (`executablePath =
 * '/usr/bin/chromium'; … exec(executablePath + ' --version')`) reads as that constant there. Anything not
 * understood (another write in between, a name bound elsewhere, a write in a nested function) gives
 * undefined, and the caller resolves the name as before.
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import { FUNCTIONS, WRITES } from './name-binding.js';
import { contains } from './taint-support.js';

const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
// Ancestors walked from the read (a parent lookup costs the node's depth: see fixed-value.ts).
const MAX_UP = 64;

/** The `name = value;` statement nearest before `child` among `block`'s statements, if the name is written so. */
function assignmentBefore(block: SgNode, child: SgNode, name: string): SgNode | undefined {
  const stmts = block.children();
  const at = stmts.findIndex((s) => s.id() === child.id());
  for (let i = at - 1; i >= 0; i--) {
    const s = stmts[i]!;
    // Two cheap reads rule out almost every statement before the tree is walked.
    if (kindOf(s) !== 'expression_statement' || !s.text().startsWith(name)) continue;
    const e = s.child(0);
    if (
      e &&
      kindOf(e) === 'assignment_expression' &&
      e.field('left')?.text() === name &&
      kindOf(e.field('left')!) === 'identifier'
    )
      return e;
  }
  return undefined;
}

/** The function a declaration belongs to. */
function ownerOf(n: SgNode): SgNode | undefined {
  for (let p = n.parent(), up = 0; p && up < MAX_UP; p = p.parent(), up++)
    if (FUNCTIONS.has(kindOf(p))) return p;
  return undefined;
}

/** Whether `a` and `b` lie in the two branches of one `if` (`if (…) { a } else { b }`). */
function exclusive(a: SgNode, b: SgNode, fn: SgNode): boolean {
  for (let p = a.parent(), up = 0; p && up < MAX_UP && p.id() !== fn.id(); p = p.parent(), up++) {
    if (kindOf(p) !== 'if_statement') continue;
    const yes = p.field('consequence');
    const no = p.field('alternative');
    if (!yes || !no) continue;
    if ((contains(yes, a) && contains(no, b)) || (contains(no, a) && contains(yes, b))) return true;
  }
  return false;
}

/** The right side of the one assignment that decides `read`'s value (see the module comment), or undefined. */
export function reachingAssignment(read: SgNode, name: string): SgNode | undefined {
  let assign: SgNode | undefined;
  // The statement of the assignment's block that holds the read: a write in it (a loop's next round) can reach the read.
  let holder: SgNode | undefined;
  let closure = false;
  let child = read;
  let fn: SgNode | undefined;
  for (let p = read.parent(), up = 0; p && up < MAX_UP; child = p, p = p.parent(), up++) {
    const k = kindOf(p);
    if (FUNCTIONS.has(k)) {
      if (assign) {
        fn = p;
        break;
      }
      // A function between the read and the assignment: its own parameter of that name is another variable.
      const params = p.field('parameters') ?? p.field('parameter');
      if (params && new RegExp(`(?:^|[^\\w$])${escapeRegex(name)}(?:[^\\w$]|$)`).test(params.text()))
        return undefined;
      closure = true;
      continue;
    }
    if (!assign && k === 'statement_block') {
      assign = assignmentBefore(p, child, name);
      holder = child;
    }
  }
  if (!assign || !fn || !holder) return undefined;
  // The name is this function's own: one of its parameters or a `let`/`var` it declares (never a `const`).
  const params = fn.field('parameters') ?? fn.field('parameter');
  const own =
    (params?.children() ?? [params]).some((c) => !!c && kindOf(c) === 'identifier' && c.text() === name) ||
    fn
      .findAll({
        rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${escapeRegex(name)}$` } },
      })
      .some((d) => ownerOf(d)?.id() === fn.id() && !/^const\b/.test(d.parent()?.text() ?? ''));
  if (!own) return undefined;
  const from = assign.range().end.index;
  const to = read.range().start.index;
  if (closure) {
    for (let p = assign.parent(), up = 0; p && up < MAX_UP && p.id() !== fn.id(); p = p.parent(), up++) {
      if (LOOPS.has(kindOf(p))) return undefined;
    }
  }
  const left = assign.field('left');
  const exact = { kind: 'identifier', regex: `^${escapeRegex(name)}$` };
  for (const use of fn.findAll({
    rule: { any: [exact, { ...exact, kind: 'shorthand_property_identifier_pattern' }] },
  })) {
    if (use.id() === left?.id() || use.text() !== name) continue;
    const parent = use.parent();
    if (!parent || !WRITES.has(kindOf(parent))) continue;
    const pk = kindOf(parent);
    if (
      (pk === 'assignment_expression' ||
        pk === 'augmented_assignment_expression' ||
        pk === 'for_in_statement') &&
      parent.field('left')?.id() !== use.id()
    )
      continue;
    if (pk === 'variable_declarator' && parent.field('name')?.id() !== use.id()) continue;
    if (pk === 'assignment_pattern' && parent.field('right')?.id() === use.id()) continue;
    // In a function inside this one (a callback registered earlier may run while the read's function waits).
    if (ownerOf(use)?.id() !== fn.id()) return undefined;
    const at = use.range().start.index;
    // Between the assignment and the read; or, for a callback, anywhere after the assignment outside its `if`'s other branch.
    if ((at > from && at < to) || contains(holder, use)) return undefined;
    if (closure && at > from && !exclusive(assign, use, fn)) return undefined;
  }
  return assign.field('right') ?? undefined;
}

/** The value of `name = value;` when it is the last statement of a branch (a block or a lone statement). */
function lastAssignment(branch: SgNode, name: string): SgNode | undefined {
  const body =
    kindOf(branch) === 'else_clause' ? branch.namedChildren().find((c) => kindOf(c) !== 'comment') : branch;
  if (!body) return undefined;
  const stmts =
    kindOf(body) === 'statement_block' ? body.namedChildren().filter((c) => kindOf(c) !== 'comment') : [body];
  const last = stmts[stmts.length - 1];
  const e = last && kindOf(last) === 'expression_statement' ? last.child(0) : null;
  const left = e && kindOf(e) === 'assignment_expression' ? e.field('left') : null;
  return left && kindOf(left) === 'identifier' && left.text() === name
    ? (e!.field('right') ?? undefined)
    : undefined;
}

/**
 * The values a name holds at a read when the statement just before the read's (in its block, in the same
 * function) is an `if … else` each branch of which ends by assigning it (`if (open) html = a; else html = b;
 * $(this).html(html)`): one of those, whether the name is the function's own or a global the script assigns
 * without declaring it. Nothing runs between the assignment and the read but the read's own statement. An
 * `else if` chain without a final `else`, or a branch that does not end with the assignment, gives undefined.
 */
export function branchAssignments(read: SgNode, name: string): SgNode[] | undefined {
  let child = read;
  for (let p = read.parent(), up = 0; p && up < MAX_UP; child = p, p = p.parent(), up++) {
    const k = kindOf(p);
    if (FUNCTIONS.has(k)) return undefined;
    if (k !== 'statement_block' && k !== 'program') continue;
    let prev = child.prev();
    while (prev && kindOf(prev) === 'comment') prev = prev.prev();
    if (!prev || kindOf(prev) !== 'if_statement') return undefined;
    const out: SgNode[] = [];
    for (let branch: SgNode | null = prev; branch;) {
      const yes: SgNode | null = branch.field('consequence');
      const no: SgNode | null = branch.field('alternative');
      const v = yes && lastAssignment(yes, name);
      if (!v || !no) return undefined;
      out.push(v);
      const inner: SgNode | undefined = no.namedChildren().find((c: SgNode) => kindOf(c) !== 'comment');
      if (inner && kindOf(inner) === 'if_statement') {
        branch = inner;
        continue;
      }
      const w = lastAssignment(no, name);
      if (!w) return undefined;
      out.push(w);
      branch = null;
    }
    return out;
  }
  return undefined;
}

const LITERALS = new Set(['string', 'number', 'true', 'false', 'null']);
// Earlier statements looked at in each block: a handler that reads a request member thousands of times must
// not look back over all of them at every read.
const MAX_BACK = 8;

/**
 * Whether a request member read (`req.url`) follows, in its own block or one around it in the same function,
 * a statement that set that member to a literal (`req.url = '/'; res.setHeader('Location', req.url + '#' +
 * route)`): it reads the literal. The nearest earlier statement that mentions the member decides (among the
 * few before the read in each block); any other use of it there (a read, a call, a compound write) keeps the
 * request's value, as does a statement between that writes or hands on the object itself (`req['url'] = v`,
 * `Object.assign(req, …)`).
 */
export function memberSetToLiteral(read: SgNode): boolean {
  const text = read.text();
  if (kindOf(read) !== 'member_expression') return false;
  let obj = read.field('object');
  while (obj && (kindOf(obj) === 'member_expression' || kindOf(obj) === 'subscript_expression'))
    obj = obj.field('object');
  if (!obj) return false;
  // The object itself written or handed on (`req['url'] = v`, `Object.assign(req, { url: v })`, `rewrite(req)`,
  // `const r = req`): not a member read, it may write the member.
  const whole = new RegExp(`(?<![\\w$.])${escapeRegex(obj.text())}(?![\\w$]|\\s*\\.\\s*[\\w$])`);
  let child = read;
  for (let p = read.parent(), up = 0; p && up < MAX_UP; child = p, p = p.parent(), up++) {
    const k = kindOf(p);
    if (FUNCTIONS.has(k)) return false;
    if (k !== 'statement_block') continue;
    let s = child.prev();
    for (let n = 0; s && n < MAX_BACK; s = s.prev(), n++) {
      if (!s.text().includes(text)) {
        if (whole.test(s.text())) return false;
        continue;
      }
      const e = kindOf(s) === 'expression_statement' ? s.child(0) : null;
      const right =
        e && kindOf(e) === 'assignment_expression' && e.field('left')?.text() === text && e.field('right');
      return !!right && LITERALS.has(kindOf(right));
    }
  }
  return false;
}
