import type { Node } from 'yaml';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { ParseError } from '../../../core/errors.js';
import { docsFromCst } from './cst-tree.js';

/**
 * A YAML document as plain nodes that remember their lines. Aliases point at the converted anchor
 * (shared, never expanded, so alias bombs stay small) and merge keys (`<<`) are applied.
 */
export type YNode = YMap | YSeq | YScalar;

export interface YEntry {
  key: string;
  keyLine: number;
  value: YNode;
}
export interface YMap {
  kind: 'map';
  line: number;
  entries: Map<string, YEntry>;
}
export interface YSeq {
  kind: 'seq';
  line: number;
  items: YNode[];
}
export interface YScalar {
  kind: 'scalar';
  line: number;
  value: string | number | boolean | null;
  /** Last line of the scalar (block scalars span several lines). */
  endLine: number;
  /** True when the scalar was quoted or a block scalar (so `on` stays the string "on"). */
  quoted: boolean;
}

export interface YDoc {
  root: YNode | undefined;
  /** 1-based line where the document starts. */
  line: number;
}

const NULL_SCALAR: YScalar = { kind: 'scalar', line: 0, endLine: 0, value: null, quoted: false };

/** Parses every document of a YAML stream; a syntax error becomes a ParseError with its line. */
export function parseYamlDocs(text: string): YDoc[] {
  return docsFromCst(text) ?? parseWithComposer(text);
}

/** The same tree built through yaml's Document model (slower; precise error messages). */
export function parseWithComposer(text: string): YDoc[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: lc,
    prettyErrors: true,
    uniqueKeys: false,
    strict: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const out: YDoc[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) throw new ParseError(err.message.split('\n')[0] ?? 'invalid YAML', err.linePos?.[0].line);
    const conv = new Converter(lc);
    const root = doc.contents ? conv.node(doc.contents, 0) : undefined;
    out.push({ root, line: lc.linePos(doc.range[0]).line });
  }
  return out;
}

const MAX_DEPTH = 100;

class Converter {
  private readonly seen = new Map<Node, YNode>();
  // Anchors in document order: an alias refers to the latest anchor of that name before it.
  // (Alias.resolve() walks the whole document per alias; this is linear.)
  private readonly anchors = new Map<string, YNode>();
  constructor(private readonly lc: LineCounter) {}

  private remember(n: Node, out: YNode): void {
    this.seen.set(n, out);
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, out);
  }

  private lineOf(n: Node | null | undefined): number {
    const r = n?.range;
    return r ? this.lc.linePos(r[0]).line : 0;
  }

  node(n: Node, depth: number): YNode {
    if (depth > MAX_DEPTH) throw new ParseError('YAML nested too deeply', this.lineOf(n));
    const cached = this.seen.get(n);
    if (cached) return cached;
    if (isAlias(n)) {
      return this.anchors.get(n.source) ?? NULL_SCALAR;
    }
    if (isMap(n)) {
      const out: YMap = { kind: 'map', line: this.lineOf(n), entries: new Map() };
      this.remember(n, out);
      const merges: YMap[] = [];
      for (const pair of n.items) {
        const k = pair.key as Node | null;
        const key = isScalar(k) ? String(k.value) : k ? String(k.toJSON()) : '';
        const v = pair.value as Node | null;
        const value = v
          ? this.node(v, depth + 1)
          : { ...NULL_SCALAR, line: this.lineOf(k), endLine: this.lineOf(k) };
        if (key === '<<' && !(isScalar(k) && k.type !== 'PLAIN')) {
          if (value.kind === 'map') merges.push(value);
          else if (value.kind === 'seq') for (const it of value.items) if (it.kind === 'map') merges.push(it);
          continue;
        }
        out.entries.set(key, { key, keyLine: this.lineOf(k), value });
      }
      for (const m of merges) for (const [k, e] of m.entries) if (!out.entries.has(k)) out.entries.set(k, e);
      return out;
    }
    if (isSeq(n)) {
      const out: YSeq = { kind: 'seq', line: this.lineOf(n), items: [] };
      this.remember(n, out);
      for (const it of n.items) out.items.push(it ? this.node(it as Node, depth + 1) : NULL_SCALAR);
      return out;
    }
    if (isScalar(n)) {
      const v = n.value;
      const value =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null
          ? v
          : typeof v === 'bigint'
            ? v.toString()
            : (n.source ?? '');
      const end = n.range ? this.lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line : 0;
      const out: YScalar = {
        kind: 'scalar',
        line: this.lineOf(n),
        endLine: end,
        value,
        quoted: n.type !== 'PLAIN' && n.type !== undefined,
      };
      this.remember(n, out);
      return out;
    }
    return NULL_SCALAR;
  }
}

/** The entry under `key` of a map node. */
export function entry(n: YNode | undefined, key: string): YEntry | undefined {
  return n?.kind === 'map' ? n.entries.get(key) : undefined;
}

/** The value under `key` of a map node. */
export function get(n: YNode | undefined, key: string): YNode | undefined {
  return entry(n, key)?.value;
}

/** Follows a path of keys through maps. */
export function dig(n: YNode | undefined, ...keys: string[]): YNode | undefined {
  let cur = n;
  for (const k of keys) cur = get(cur, k);
  return cur;
}

/** The scalar value as a string, or undefined for maps, sequences and null. */
export function str(n: YNode | undefined): string | undefined {
  if (n?.kind !== 'scalar' || n.value === null) return undefined;
  return String(n.value);
}

/** True when the node is the boolean true (or the string "true"). */
export function isTrue(n: YNode | undefined): boolean {
  return n?.kind === 'scalar' && (n.value === true || n.value === 'true');
}

/** True when the node is the boolean false (or the string "false"). */
export function isFalse(n: YNode | undefined): boolean {
  return n?.kind === 'scalar' && (n.value === false || n.value === 'false');
}

/** The items of a sequence node ([] otherwise). */
export function items(n: YNode | undefined): YNode[] {
  return n?.kind === 'seq' ? n.items : [];
}
