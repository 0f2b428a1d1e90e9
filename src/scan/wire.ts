import type { Finding } from '../core/finding.js';
import type { FileOutcome, FileTask } from './file-task.js';

/**
 * A task as it crosses to a worker. Messages are JSON: for thousands of small outcomes it costs
 * about half of V8's structured serialization on both sides (measured with 277 batches of 64), so a
 * file name that is not valid UTF-8 travels as its bytes in a plain array.
 */
export type WireTask = Omit<FileTask, 'file'> & {
  file: Omit<FileTask['file'], 'absBytes'> & { absBytes?: number[] };
};

export function toWire(task: FileTask): WireTask {
  const { absBytes, ...file } = task.file;
  return absBytes ? { ...task, file: { ...file, absBytes: [...absBytes] } } : (task as WireTask);
}

export function fromWire(task: WireTask): FileTask {
  const { absBytes, ...file } = task.file;
  return absBytes ? { ...task, file: { ...file, absBytes: Uint8Array.from(absBytes) } } : (task as FileTask);
}

/** Fields every finding of a rule usually shares: sent once per rule and batch, not with each finding. */
const SHARED = [
  'analyzer',
  'severity',
  'confidence',
  'title',
  'remediation',
  'cwe',
  'owasp',
  'principles',
  'phase',
] as const;
type Shared = Pick<Finding, (typeof SHARED)[number]>;
const IS_SHARED = new Set<string>(SHARED);

/** String fields that often repeat within a batch (a rule's message, a line's snippet): sent once each. */
const INTERNED = new Set(['ruleId', 'title', 'message', 'remediation', 'snippet', 'path']);
/** Shorter strings cost less in place than as a reference. */
const MIN_INTERNED = 8;

/**
 * A packed object: the index of its key list in `shapes`, then its values in that order. In a finding,
 * 0 stands for the field its rule's findings share (`shared`) and, for the location's path, the file's
 * path; a number in a string field is 1 + the index of the string in `strings`.
 */
export type PackedObject = [number, ...unknown[]];

/** Outcomes as a worker sends them (see `packOutcomes`). */
export interface PackedOutcomes {
  shared: Record<string, Shared>;
  shapes: string[][];
  strings: string[];
  outcomes: (Omit<FileOutcome, 'findings'> & { findings: PackedObject[] })[];
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** Assigns each distinct key list an index, in the order first seen. */
class Shapes {
  readonly list: string[][] = [];
  private readonly index = new Map<string, number>();
  of(keys: string[]): number {
    const id = keys.join('\0');
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(keys);
      this.index.set(id, i);
    }
    return i;
  }
}

/** Keys whose values JSON would write (an undefined value leaves its key out). */
const keysOf = (o: object): string[] =>
  Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);

/**
 * Packs a batch's outcomes for the trip to the main process, where JSON parsing and the garbage it
 * leaves cost as much again: a third of a pipeline finding's JSON is its rule's title, remediation and
 * labels, the same in every finding, and another third its field names; messages and snippets repeat
 * within a file (25,000 findings of 10,000 workflows made 21 MB to send and parse, 12 MB packed).
 * Nothing is lost: `unpackOutcomes` gives back equal outcomes, field order included.
 */
export function packOutcomes(outcomes: readonly FileOutcome[]): PackedOutcomes {
  const shared = new Map<string, Shared>();
  // Strings seen twice are sent once: count first, then number those that repeat.
  const seen = new Map<string, number>();
  const count = (v: unknown): void => {
    if (typeof v === 'string' && v.length >= MIN_INTERNED) seen.set(v, (seen.get(v) ?? 0) + 1);
  };
  for (const o of outcomes)
    for (const f of o.findings) {
      count(f.ruleId);
      count(f.message);
      count(f.location.snippet);
      if (f.location.path !== o.path) count(f.location.path);
      let base = shared.get(f.ruleId);
      if (!base) {
        base = Object.fromEntries(SHARED.map((k) => [k, f[k]])) as unknown as Shared;
        shared.set(f.ruleId, base);
      }
      if (f.title !== base.title) count(f.title);
      if (f.remediation !== base.remediation) count(f.remediation);
    }
  const strings: string[] = [];
  const ref = new Map<string, number>();
  for (const [v, n] of seen)
    if (n > 1) {
      strings.push(v);
      ref.set(v, strings.length);
    }
  const str = (v: unknown): unknown => (typeof v === 'string' ? (ref.get(v) ?? v) : v);
  const shapes = new Shapes();
  const packed = outcomes.map((o) => ({
    ...withoutEmptyLists(o),
    findings: o.findings.map((f): PackedObject => {
      const base = shared.get(f.ruleId)!;
      const keys = keysOf(f);
      const out: PackedObject = [shapes.of(keys)];
      for (const k of keys) {
        const v = f[k as keyof Finding];
        if (IS_SHARED.has(k) && same(v, base[k as keyof Shared])) out.push(0);
        else if (k === 'location') out.push(packLocation(f.location, o.path, shapes, str));
        else out.push(INTERNED.has(k) ? str(v) : v);
      }
      return out;
    }),
  }));
  return { shared: Object.fromEntries(shared), shapes: shapes.list, strings, outcomes: packed };
}

/** The outcome without its empty optional lists (absent and empty mean the same to the scan). */
function withoutEmptyLists(o: FileOutcome): FileOutcome {
  const { warnings, inventories, deployments, ...rest } = o;
  return {
    ...rest,
    ...(warnings?.length ? { warnings } : {}),
    ...(inventories?.length ? { inventories } : {}),
    ...(deployments?.length ? { deployments } : {}),
  };
}

function packLocation(
  loc: Finding['location'],
  path: string,
  shapes: Shapes,
  str: (v: unknown) => unknown,
): PackedObject {
  const keys = keysOf(loc);
  const out: PackedObject = [shapes.of(keys)];
  for (const k of keys) {
    const v = loc[k as keyof Finding['location']];
    out.push(k === 'path' && v === path ? 0 : INTERNED.has(k) ? str(v) : v);
  }
  return out;
}

/** The outcomes a batch packed, whole again. */
export function unpackOutcomes(p: PackedOutcomes): FileOutcome[] {
  const text = (v: unknown): unknown => (typeof v === 'number' ? p.strings[v - 1] : v);
  const keysOf = (packed: PackedObject): string[] => {
    const keys = p.shapes[packed[0]];
    if (!keys || keys.length !== packed.length - 1) throw new Error('malformed worker message');
    return keys;
  };
  return p.outcomes.map((o) => ({
    ...o,
    findings: o.findings.map((packed) => {
      const keys = keysOf(packed);
      const ruleId = text(packed[keys.indexOf('ruleId') + 1]);
      const base =
        typeof ruleId === 'string' && Object.hasOwn(p.shared, ruleId) ? p.shared[ruleId] : undefined;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = packed[i + 1];
        if (v === 0 && base && IS_SHARED.has(k)) {
          // The rule's value (arrays copied: findings must not share them).
          const b = base[k as keyof Shared];
          out[k] = Array.isArray(b) ? [...b] : b;
        } else if (k === 'location') out[k] = unpackLocation(v as PackedObject, o.path, keysOf, text);
        else out[k] = INTERNED.has(k) ? text(v) : v;
      }
      return out as unknown as Finding;
    }),
  }));
}

function unpackLocation(
  packed: PackedObject,
  path: string,
  keysOf: (p: PackedObject) => string[],
  text: (v: unknown) => unknown,
): Finding['location'] {
  const keys = keysOf(packed);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = packed[i + 1];
    out[k] = k === 'path' && v === 0 ? path : INTERNED.has(k) ? text(v) : v;
  }
  return out as unknown as Finding['location'];
}
