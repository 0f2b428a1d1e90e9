import type { LineCounter, Node, YAMLMap } from 'yaml';
import { yamlLib } from './lib.js';
import { ParseError } from '../../core/errors.js';
import type { YamlLimits } from './bounds.js';
import { ExpansionBudget } from './bounds.js';
import type { YDoc, YMap, YNode, YScalar, YSeq } from './tree.js';

/**
 * The same tree as `docsFromCst`, built through yaml's Document model: slower, but with yaml's
 * precise messages, so it is the path for anything the fast builder is unsure of.
 */
export function parseWithComposer(text: string, limits: YamlLimits, uniqueKeys = false): YDoc[] {
  const lc = new (yamlLib().LineCounter)();
  const docs = yamlLib().parseAllDocuments(text, {
    lineCounter: lc,
    prettyErrors: true,
    uniqueKeys,
    strict: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const out: YDoc[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) throw new ParseError(err.message.split('\n')[0] ?? 'invalid YAML', err.linePos?.[0].line);
    const conv = new Converter(lc, new ExpansionBudget(limits));
    const root = doc.contents ? conv.node(doc.contents, 0) : undefined;
    out.push({ root, line: lc.linePos(doc.range[0]).line });
  }
  return out;
}

const MAX_DEPTH = 100;

/** A key written as a collection (`? [a, b]`) stands for its source text, never its expansion. */
function keyText(k: Node | null): string {
  if (!k) return '';
  if (yamlLib().isScalar(k)) return String(k.value);
  if (yamlLib().isAlias(k)) return `*${k.source}`;
  return k.srcToken && 'source' in k.srcToken ? k.srcToken.source : yamlLib().isMap(k) ? '{}' : '[]';
}

class Converter {
  // Anchors in document order: an alias refers to the latest anchor of that name before it.
  // (Alias.resolve() walks the whole document per alias; this is linear.)
  private readonly anchors = new Map<string, YNode>();
  constructor(
    private readonly lc: LineCounter,
    private readonly budget: ExpansionBudget,
  ) {}

  private remember(n: Node, out: YNode): void {
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, out);
  }

  private lineOf(n: Node | null | undefined): number {
    const r = n?.range;
    return r ? this.lc.linePos(r[0]).line : 0;
  }

  private nil(line: number): YScalar {
    return this.budget.done({ kind: 'scalar', line, endLine: line, value: null, quoted: false }, 1, line);
  }

  node(n: Node, depth: number): YNode {
    if (depth > MAX_DEPTH) throw new ParseError('YAML nested too deeply', this.lineOf(n));
    if (yamlLib().isAlias(n)) {
      const target = this.anchors.get(n.source);
      if (!target) return this.nil(0);
      this.budget.alias(target, this.lineOf(n));
      return target;
    }
    if (yamlLib().isMap(n)) return this.map(n, depth);
    if (yamlLib().isSeq(n)) {
      const out: YSeq = { kind: 'seq', line: this.lineOf(n), items: [] };
      this.remember(n, out);
      let size = 1;
      for (const it of n.items) {
        const item = it ? this.node(it as Node, depth + 1) : this.nil(0);
        size += this.budget.sizeOf(item, out.line);
        out.items.push(item);
      }
      return this.budget.done(out, size, out.line);
    }
    if (yamlLib().isScalar(n)) {
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
      return this.budget.done(out, 1, out.line);
    }
    return this.nil(0);
  }

  private map(n: YAMLMap, depth: number): YMap {
    const out: YMap = { kind: 'map', line: this.lineOf(n), entries: new Map() };
    this.remember(n, out);
    const merges: YMap[] = [];
    let size = 1;
    for (const pair of n.items) {
      const k = pair.key as Node | null;
      const key = keyText(k);
      const v = pair.value as Node | null;
      const value = v ? this.node(v, depth + 1) : this.nil(this.lineOf(k));
      if (key === '<<' && !(yamlLib().isScalar(k) && k.type !== 'PLAIN')) {
        if (value.kind === 'map') merges.push(value);
        else if (value.kind === 'seq') for (const it of value.items) if (it.kind === 'map') merges.push(it);
        continue;
      }
      size += 1 + this.budget.sizeOf(value, out.line);
      out.entries.set(key, { key, keyLine: this.lineOf(k), value });
    }
    for (const m of merges) {
      this.budget.merge(m.entries.size, out.line);
      for (const [k, e] of m.entries) {
        if (out.entries.has(k)) continue;
        out.entries.set(k, e);
        size += 1 + this.budget.sizeOf(e.value, out.line);
      }
    }
    return this.budget.done(out, size, out.line);
  }
}
