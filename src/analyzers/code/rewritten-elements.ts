/**
 * An array whose every element a program rewrites in place before it uses the array again:
 * `parts.forEach((p, i) => { parts[i] = slugify(p); })` (a file name cleaned part by part, then joined). What the
 * array held before the loop is gone; only the rewritten elements reach the use.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { contains } from './taint-support.js';
import type { Definition } from './scope.js';
import type { FileIndex } from './file-index.js';
import { holdsForEachOf } from './text-scans.js';

const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);
const BLOCKS = new Set(['statement_block', 'program']);

/**
 * The values written back into the array `name` by an element-wise rewrite that runs after `def` and before
 * `use` in the same block (`name.forEach((e, i) => { name[i] = value; })`), or undefined when there is none. The
 * loop must be a statement of the block that holds both (not inside a branch that may not run), its callback
 * must write `name[i]` with the index it is given, and that write must be its only statement: a callback that
 * writes some elements under a condition leaves the others as they were.
 */
export function elementRewrite(def: SgNode, use: SgNode, name: string): SgNode | undefined {
  const defAt = def.range().end.index;
  const useAt = use.range().start.index;
  for (let block = use.parent(); block; block = block.parent()) {
    if (FUNCTIONS.has(kindOf(block)) || FUNCTION_DECLARATIONS.has(kindOf(block))) return undefined;
    if (!BLOCKS.has(kindOf(block)) || !contains(block, def)) continue;
    for (const stmt of block.children()) {
      const at = stmt.range();
      if (at.start.index <= defAt || at.end.index > useAt) continue;
      const written = rewriteIn(stmt, name);
      if (written) return written;
    }
    return undefined;
  }
  return undefined;
}

/** `name.forEach(function (e, i) { name[i] = value; })` as a statement: the value written, else undefined. */
function rewriteIn(stmt: SgNode, name: string): SgNode | undefined {
  if (kindOf(stmt) !== 'expression_statement') return undefined;
  const call = stmt.child(0);
  if (!call || kindOf(call) !== 'call_expression') return undefined;
  const callee = call.field('function');
  if (callee?.text() !== `${name}.forEach`) return undefined;
  const fn = call.field('arguments')?.namedChildren()[0];
  if (!fn || !FUNCTIONS.has(kindOf(fn))) return undefined;
  const params = fn.field('parameters')?.namedChildren() ?? [];
  const index = params[1];
  if (!index || kindOf(index) !== 'identifier') return undefined;
  const body = fn.field('body');
  if (!body) return undefined;
  // An arrow's expression body (`(e, i) => (name[i] = f(e))`) or a block of that one statement.
  let expr: SgNode | null | undefined = body;
  if (kindOf(body) === 'statement_block') {
    const stmts = body.namedChildren().filter((c) => kindOf(c) !== 'comment');
    if (stmts.length !== 1 || kindOf(stmts[0]!) !== 'expression_statement') return undefined;
    expr = stmts[0]!.child(0);
  }
  while (expr && kindOf(expr) === 'parenthesized_expression') expr = expr.namedChildren()[0];
  if (!expr || kindOf(expr) !== 'assignment_expression') return undefined;
  const left = expr.field('left');
  if (left?.text().replace(/\s+/g, '') !== `${name}[${index.text()}]`) return undefined;
  const right = expr.field('right');
  // `parts[i] = await slug(p)` in an async callback: forEach does not wait, so the write comes after the use.
  if (!right || right.find({ rule: { kind: 'await_expression' } }) || kindOf(right) === 'await_expression')
    return undefined;
  return right;
}

/**
 * Answers, per evaluator, whether a name's definition is overwritten element by element with clean values
 * before a use (`clean` says whether a value carries nothing of a source). Blocks without a `.forEach(` are
 * passed over without reading their statements.
 */
export class ElementRewrites {
  private readonly hasLoop = new Map<number, boolean>();
  /** Whether the module's text holds `name.forEach`, by name (undefined: the text holds no `.forEach(`). */
  private named: Map<string, boolean> | undefined | null = null;

  /** `file` is the module every `use` asked about is in. */
  constructor(
    private readonly file: { index: FileIndex; root: SgNode },
    private readonly clean: (value: SgNode, depth: number) => boolean,
  ) {}

  private text(): string {
    return this.file.index.textOf(this.file.root);
  }

  /** True when every element `def` gave the name is rewritten, with clean values, before `use`. */
  cleans(def: Definition, use: SgNode, depth: number): boolean {
    if (def.kind !== 'value' || kindOf(use) !== 'identifier') return false;
    // A rewrite is a call whose callee's text is `name.forEach`, within the function around the use: a module
    // whose text has no such call is answered without walking up the tree (taint asks at every name's use).
    if (this.named === null) this.named = this.text().includes('.forEach(') ? new Map() : undefined;
    if (this.named === undefined) return false;
    const name = use.text();
    let here = this.named.get(name);
    if (here === undefined) this.named.set(name, (here = holdsForEachOf(this.file.index, this.text(), name)));
    if (!here) return false;
    const fn = enclosing(use);
    if (!fn) return false;
    let loop = this.hasLoop.get(fn.id());
    if (loop === undefined) this.hasLoop.set(fn.id(), (loop = fn.text().includes('.forEach(')));
    if (!loop) return false;
    const written = elementRewrite(def.node, use, name);
    return written !== undefined && this.clean(written, depth + 1);
  }
}

/** The function (or the program) whose body holds `node`. */
function enclosing(node: SgNode): SgNode | null {
  let p = node.parent();
  while (p && !FUNCTIONS.has(kindOf(p)) && !FUNCTION_DECLARATIONS.has(kindOf(p)) && kindOf(p) !== 'program')
    p = p.parent();
  return p;
}

const FUNCTION_DECLARATIONS = new Set([
  'function_declaration',
  'method_definition',
  'generator_function_declaration',
]);
