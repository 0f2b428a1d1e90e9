import type { HclAttribute, HclBlock, HclBody, HclExpr, HclFile } from '../hcl/ast.js';
import type { HclValue, ModuleScope } from '../hcl/eval.js';
import { evaluate, resolveExpr } from '../hcl/eval.js';

/** A `resource`/`data` block with its address. */
export interface TfResource {
  kind: 'resource' | 'data';
  type: string;
  name: string;
  /** e.g. `aws_s3_bucket.logs` */
  address: string;
  block: HclBlock;
}

/** What a rule knows about the module (folder) a file belongs to. */
export interface TfModule {
  scope: ModuleScope;
  /** All expression text inside resources of each type, for "is X referenced by a Y" questions. */
  textByType: ReadonlyMap<string, string>;
}

/** Resources and data sources of a file. */
export function resourcesOf(file: HclFile): TfResource[] {
  const out: TfResource[] = [];
  for (const b of file.body.blocks) {
    if ((b.type === 'resource' || b.type === 'data') && b.labels.length >= 2) {
      const [type, name] = b.labels as [string, string];
      out.push({
        kind: b.type,
        type,
        name,
        address: `${b.type === 'data' ? 'data.' : ''}${type}.${name}`,
        block: b,
      });
    }
  }
  return out;
}

/** An attribute with its statically known value (undefined when unknown). */
export interface Attr {
  attr: HclAttribute;
  line: number;
  value: HclValue | undefined;
}

/** Reads an attribute of a body and evaluates it in the module scope. */
export function attr(body: HclBody | undefined, name: string, scope: ModuleScope): Attr | undefined {
  const a = body?.attributes.get(name);
  if (!a) return undefined;
  return { attr: a, line: a.line, value: evaluate(a.expr, scope) };
}

/** Nested blocks of a type, including the `content` of `dynamic "<type>"` blocks. */
export function nested(body: HclBody | undefined, type: string): HclBlock[] {
  if (!body) return [];
  const out: HclBlock[] = [];
  for (const b of body.blocks) {
    if (b.type === type) out.push(b);
    else if (b.type === 'dynamic' && b.labels[0] === type) {
      for (const c of b.body.blocks) if (c.type === 'content') out.push({ ...c, line: b.line });
    }
  }
  return out;
}

/**
 * Nested blocks of a type, also when written as an attribute list of objects
 * (`ingress = [{ … }]`, Terraform's attributes-as-blocks form).
 */
export function nestedOrList(body: HclBody | undefined, type: string, scope: ModuleScope): HclBlock[] {
  const out = nested(body, type);
  const a = body?.attributes.get(type);
  const list = a ? (resolveExpr(a.expr, scope) ?? a.expr) : undefined;
  for (const item of list?.kind === 'list' ? (list.items ?? []) : []) {
    if (item.kind !== 'object') continue;
    const attributes = new Map<string, HclAttribute>();
    for (const en of item.entries ?? [])
      attributes.set(en.key, { name: en.key, line: en.keyLine, expr: en.value });
    out.push({ type, labels: [], line: item.line, endLine: item.endLine, body: { attributes, blocks: [] } });
  }
  return out;
}

/** The first nested block of a type. */
export function child(body: HclBody | undefined, ...path: string[]): HclBlock | undefined {
  let cur: HclBlock | undefined;
  let b = body;
  for (const p of path) {
    cur = nested(b, p)[0];
    if (!cur) return undefined;
    b = cur.body;
  }
  return cur;
}

/** Strings of a literal value (a string or a list of strings). */
export function strings(v: HclValue | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** True for the boolean true (or the string "true"). */
export function isOn(v: HclValue | undefined): boolean {
  return v === true || v === 'true';
}
/** True for the boolean false (or the string "false"). */
export function isOff(v: HclValue | undefined): boolean {
  return v === false || v === 'false';
}

/** Collects the text of every expression in a body (for reference lookups). */
export function bodyText(body: HclBody, out: string[] = []): string[] {
  for (const a of body.attributes.values()) out.push(a.expr.text);
  for (const b of body.blocks) bodyText(b.body, out);
  return out;
}

/** True when the expression is an unresolved reference (so its value is unknown, not absent). */
export function isUnknown(e: HclExpr | undefined, scope: ModuleScope): boolean {
  return e !== undefined && evaluate(e, scope) === undefined;
}

/** A scalar value as text ('' for lists, objects, null and unknown values). */
export function text(v: HclValue | undefined): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
