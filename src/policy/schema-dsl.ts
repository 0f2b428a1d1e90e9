/**
 * A small schema language: one definition gives the TypeScript type, a validator with
 * path-precise messages, and the JSON Schema shipped for editors. Only what vanguard.yaml needs.
 */

export type JsonSchema = { [key: string]: unknown };
export type PathSeg = string | number;

export interface Issue {
  path: PathSeg[];
  message: string;
  /** True when the problem is the key itself (an unknown key), so the location is the key's line. */
  atKey?: boolean;
}

interface Ctx {
  issues: Issue[];
}

/** A schema node for values of type T. */
export interface Schema<T> {
  readonly json: (() => JsonSchema) | JsonSchema;
  readonly check: (v: unknown, path: PathSeg[], ctx: Ctx) => T | undefined;
  /** Phantom: carries the inferred type. */
  readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

interface OptionalMark<T> {
  readonly optional: true;
  readonly schema: Schema<T>;
}

type Prop = Schema<unknown> | OptionalMark<unknown>;
type PropType<P> = P extends OptionalMark<infer T> ? T : P extends Schema<infer T> ? T : never;
type RequiredKeys<P> = { [K in keyof P]: P[K] extends OptionalMark<unknown> ? never : K }[keyof P];
type OptionalKeys<P> = { [K in keyof P]: P[K] extends OptionalMark<unknown> ? K : never }[keyof P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectType<P> = Simplify<
  { [K in RequiredKeys<P>]: PropType<P[K]> } & { [K in OptionalKeys<P>]?: PropType<P[K]> }
>;

function jsonOf(s: Schema<unknown>): JsonSchema {
  return typeof s.json === 'function' ? s.json() : s.json;
}

/** The JSON Schema of a node. */
export function toJsonSchema(s: Schema<unknown>): JsonSchema {
  return jsonOf(s);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 60)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  return typeof v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withDesc(j: JsonSchema, description: string | undefined): JsonSchema {
  return description === undefined ? j : { description, ...j };
}

/** Marks an object property as optional. */
export function optional<T>(schema: Schema<T>): OptionalMark<T> {
  return { optional: true, schema };
}

export interface StringOpts {
  description?: string;
  /** A JSON-Schema-compatible pattern (also used for validation). */
  pattern?: string;
  patternHint?: string;
  minLength?: number;
  maxLength?: number;
  format?: 'date';
  /** Extra check after the pattern; returns a message when invalid. */
  refine?: (v: string) => string | undefined;
}

/** A string. */
export function string(opts: StringOpts = {}): Schema<string> {
  const re = opts.pattern === undefined ? undefined : new RegExp(opts.pattern, 'u');
  const json: JsonSchema = withDesc(
    {
      type: 'string',
      ...(opts.minLength !== undefined ? { minLength: opts.minLength } : {}),
      ...(opts.maxLength !== undefined ? { maxLength: opts.maxLength } : {}),
      ...(opts.pattern !== undefined ? { pattern: opts.pattern } : {}),
      ...(opts.format !== undefined ? { format: opts.format } : {}),
    },
    opts.description,
  );
  return {
    json,
    check(v, path, ctx) {
      if (typeof v !== 'string') {
        ctx.issues.push({ path, message: `expected a string, got ${typeName(v)}` });
        return undefined;
      }
      if (opts.minLength !== undefined && v.trim().length < opts.minLength) {
        ctx.issues.push({
          path,
          message:
            opts.minLength === 1 ? 'must not be empty' : `must have at least ${opts.minLength} characters`,
        });
        return undefined;
      }
      if (opts.maxLength !== undefined && v.length > opts.maxLength) {
        ctx.issues.push({ path, message: `must have at most ${opts.maxLength} characters` });
        return undefined;
      }
      if (re && !re.test(v)) {
        ctx.issues.push({
          path,
          message: `expected ${opts.patternHint ?? `a string matching ${opts.pattern}`}, got ${typeName(v)}`,
        });
        return undefined;
      }
      const bad = opts.refine?.(v);
      if (bad !== undefined) {
        ctx.issues.push({ path, message: bad });
        return undefined;
      }
      return v;
    },
  };
}

/** A boolean. */
export function boolean(description?: string): Schema<boolean> {
  return {
    json: withDesc({ type: 'boolean' }, description),
    check(v, path, ctx) {
      if (typeof v === 'boolean') return v;
      ctx.issues.push({ path, message: `expected true or false, got ${typeName(v)}` });
      return undefined;
    },
  };
}

/** One of a fixed list of strings. */
export function oneOf<const V extends readonly string[]>(values: V, description?: string): Schema<V[number]> {
  return {
    json: withDesc({ type: 'string', enum: [...values] }, description),
    check(v, path, ctx) {
      if (typeof v === 'string' && values.includes(v)) return v;
      ctx.issues.push({ path, message: `expected one of ${values.join(', ')}, got ${typeName(v)}` });
      return undefined;
    },
  };
}

/** A whole number, optionally with a lower bound. */
export function integer(opts: { minimum?: number; description?: string } = {}): Schema<number> {
  return {
    json: withDesc(
      { type: 'integer', ...(opts.minimum !== undefined ? { minimum: opts.minimum } : {}) },
      opts.description,
    ),
    check(v, path, ctx) {
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        ctx.issues.push({ path, message: `expected a whole number, got ${typeName(v)}` });
        return undefined;
      }
      if (opts.minimum !== undefined && v < opts.minimum) {
        ctx.issues.push({ path, message: `must be at least ${opts.minimum}, got ${v}` });
        return undefined;
      }
      return v;
    },
  };
}

/** Exactly one number (format versions). */
export function constNumber<const N extends number>(value: N, description?: string): Schema<N> {
  return {
    json: withDesc({ const: value }, description),
    check(v, path, ctx) {
      if (v === value) return value;
      ctx.issues.push({ path, message: `expected ${value}, got ${typeName(v)}` });
      return undefined;
    },
  };
}

/** A list. */
export function array<T>(
  items: Schema<T>,
  opts: { description?: string; maxItems?: number } = {},
): Schema<T[]> {
  return {
    json: () =>
      withDesc(
        {
          type: 'array',
          items: jsonOf(items),
          ...(opts.maxItems !== undefined ? { maxItems: opts.maxItems } : {}),
        },
        opts.description,
      ),
    check(v, path, ctx) {
      if (!Array.isArray(v)) {
        ctx.issues.push({ path, message: `expected a list, got ${typeName(v)}` });
        return undefined;
      }
      if (opts.maxItems !== undefined && v.length > opts.maxItems) {
        ctx.issues.push({ path, message: `expected at most ${opts.maxItems} entries, got ${v.length}` });
        return undefined;
      }
      const out: T[] = [];
      let ok = true;
      v.forEach((item, i) => {
        const r = items.check(item, [...path, i], ctx);
        if (r === undefined) ok = false;
        else out.push(r);
      });
      return ok ? out : undefined;
    },
  };
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest known name, for "did you mean" hints. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function unknownKey(key: string, known: readonly string[]): string {
  const hint = closest(key, known);
  return `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected ${known.length > 0 ? known.join(', ') : 'no keys'}`;
}

export interface ObjectOpts {
  description?: string;
  /** At least one of these keys must be present. */
  atLeastOne?: readonly string[];
}

/** A mapping with known keys; unknown keys are errors (they are usually typos). */
export function object<P extends Record<string, Prop>>(
  props: P,
  opts: ObjectOpts = {},
): Schema<ObjectType<P>> {
  const entries = Object.entries(props).map(([k, p]) => {
    const isOpt = 'optional' in p;
    return { key: k, required: !isOpt, schema: isOpt ? p.schema : p };
  });
  const known = entries.map((e) => e.key);
  return {
    json: () => {
      const properties: Record<string, JsonSchema> = {};
      for (const e of entries) properties[e.key] = jsonOf(e.schema);
      const required = entries.filter((e) => e.required).map((e) => e.key);
      return withDesc(
        {
          type: 'object',
          properties,
          ...(required.length > 0 ? { required } : {}),
          additionalProperties: false,
          ...(opts.atLeastOne ? { anyOf: opts.atLeastOne.map((k) => ({ required: [k] })) } : {}),
        },
        opts.description,
      );
    },
    check(v, path, ctx) {
      if (!isPlainObject(v)) {
        ctx.issues.push({ path, message: `expected a mapping, got ${typeName(v)}` });
        return undefined;
      }
      let ok = true;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (!known.includes(key)) {
          ctx.issues.push({ path: [...path, key], message: unknownKey(key, known), atKey: true });
          ok = false;
        }
      }
      for (const e of entries) {
        if (!Object.hasOwn(v, e.key) || v[e.key] === undefined) {
          if (e.required) {
            ctx.issues.push({ path, message: `missing required key "${e.key}"` });
            ok = false;
          }
          continue;
        }
        const r = e.schema.check(v[e.key], [...path, e.key], ctx);
        if (r === undefined) ok = false;
        else out[e.key] = r;
      }
      if (opts.atLeastOne && !opts.atLeastOne.some((k) => Object.hasOwn(v, k))) {
        ctx.issues.push({ path, message: `expected at least one of ${opts.atLeastOne.join(', ')}` });
        ok = false;
      }
      return ok ? (out as ObjectType<P>) : undefined;
    },
  };
}

/** A mapping from names (optionally a fixed set) to values of one schema. */
export function record<K extends string, T>(
  values: Schema<T>,
  opts: { keys?: readonly K[]; keyPattern?: string; description?: string } = {},
): Schema<Partial<Record<K, T>>> {
  return {
    json: () =>
      withDesc(
        {
          type: 'object',
          ...(opts.keys ? { propertyNames: { enum: [...opts.keys] } } : {}),
          ...(opts.keyPattern ? { propertyNames: { pattern: opts.keyPattern } } : {}),
          additionalProperties: jsonOf(values),
        },
        opts.description,
      ),
    check(v, path, ctx) {
      if (!isPlainObject(v)) {
        ctx.issues.push({ path, message: `expected a mapping, got ${typeName(v)}` });
        return undefined;
      }
      let ok = true;
      const out: Partial<Record<K, T>> = {};
      for (const [key, val] of Object.entries(v)) {
        if (opts.keys && !(opts.keys as readonly string[]).includes(key)) {
          ctx.issues.push({ path: [...path, key], message: unknownKey(key, opts.keys), atKey: true });
          ok = false;
          continue;
        }
        const r = values.check(val, [...path, key], ctx);
        if (r === undefined) ok = false;
        else out[key as K] = r;
      }
      return ok ? out : undefined;
    },
  };
}

/** Any mapping, left for its consumer to validate (per-analyzer options). */
export function anyObject(description?: string): Schema<Record<string, unknown>> {
  return {
    json: withDesc({ type: 'object' }, description),
    check(v, path, ctx) {
      if (isPlainObject(v)) return v;
      ctx.issues.push({ path, message: `expected a mapping, got ${typeName(v)}` });
      return undefined;
    },
  };
}

/** A string shorthand or a mapping: chosen by the value's type, so messages stay precise. */
export function stringOrObject<A, B>(str: Schema<A>, obj: Schema<B>, description?: string): Schema<A | B> {
  return {
    json: () => withDesc({ anyOf: [jsonOf(str), jsonOf(obj)] }, description),
    check(v, path, ctx) {
      if (typeof v === 'string') return str.check(v, path, ctx);
      if (isPlainObject(v)) return obj.check(v, path, ctx);
      ctx.issues.push({ path, message: `expected a string or a mapping, got ${typeName(v)}` });
      return undefined;
    },
  };
}

/** Validates a value; returns the typed value or the issues found. */
export function validate<T>(
  schema: Schema<T>,
  value: unknown,
): { value: T; issues: [] } | { value: undefined; issues: Issue[] } {
  const ctx: Ctx = { issues: [] };
  const r = schema.check(value, [], ctx);
  if (ctx.issues.length === 0 && r !== undefined) return { value: r, issues: [] };
  return {
    value: undefined,
    issues: ctx.issues.length > 0 ? ctx.issues : [{ path: [], message: 'invalid value' }],
  };
}
