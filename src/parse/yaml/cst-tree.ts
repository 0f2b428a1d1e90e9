import type { CST, LineCounter } from 'yaml';
import { yamlLib } from './lib.js';
import { ParseError } from '../../core/errors.js';
import type { YamlLimits } from './bounds.js';
import { ExpansionBudget } from './bounds.js';
import { plainValue } from './scalar-value.js';
import type { YDoc, YMap, YNode, YScalar, YSeq } from './tree.js';

/**
 * Builds the line-aware tree straight from yaml's concrete syntax tree, skipping the Document
 * model (about twice as fast). Returns undefined when the stream has a syntax error, so that the
 * caller can re-parse with the full composer for a precise message.
 */
export function docsFromCst(text: string, limits: YamlLimits, uniqueKeys = false): YDoc[] | undefined {
  const lc = new (yamlLib().LineCounter)();
  const out: YDoc[] = [];
  try {
    for (const tok of new (yamlLib().Parser)(lc.addNewLine).parse(text)) {
      if (tok.type === 'error') return undefined;
      if (tok.type !== 'document') continue;
      checkSeparators(tok.start);
      checkSeparators(tok.end);
      const b = new Builder(lc, new ExpansionBudget(limits), uniqueKeys);
      const root = tok.value ? b.node(tok.value, tok.start, 0) : undefined;
      out.push({ root: root && !isEmpty(root) ? root : undefined, line: lc.linePos(tok.offset).line });
    }
  } catch (err) {
    if (err === SYNTAX) return undefined;
    throw err;
  }
  return out;
}

function isEmpty(n: YNode): boolean {
  return n.kind === 'scalar' && n.value === null && n.line === 0;
}

/** Thrown inside the builder when the fast path is unsure; never escapes `docsFromCst`. */
class NeedsComposer extends Error {}
// One shared instance: throwing it is cheap, and it only signals "use the composer".
const SYNTAX = new NeedsComposer('YAML needs the full composer');
const SEPARATORS = new Set([
  'space',
  'newline',
  'comment',
  'anchor',
  'tag',
  'seq-item-ind',
  'map-value-ind',
  'explicit-key-ind',
  'comma',
  'doc-start',
  'byte-order-mark',
  'flow-map-end',
  'flow-seq-end',
  'directive-line',
  'doc-mode',
]);

/**
 * Anything unusual between nodes (errors, stray scalars, tab indentation) sends the document to
 * the composer, which decides precisely; the fast path only handles what is plainly well formed.
 */
function checkSeparators(tokens: readonly CST.Token[] | undefined): void {
  if (!tokens) return;
  let afterNewline = false;
  for (const t of tokens) {
    if (!SEPARATORS.has(t.type)) throw SYNTAX;
    if (t.type === 'space' && afterNewline && 'source' in t && t.source.includes('\t')) throw SYNTAX;
    afterNewline = t.type === 'newline';
  }
}
/** An empty entry between commas (`[a, , b]`, `[,]`) is an error for the composer to name. */
function checkFlowCommas(items: readonly CST.CollectionItem[]): void {
  items.forEach((it, i) => {
    const commas = it.start.filter((t) => t.type === 'comma').length;
    if (commas > 1 || (i === 0 && commas > 0)) throw SYNTAX;
  });
}

const MAX_DEPTH = 100;

class Builder {
  private readonly anchors = new Map<string, YNode>();
  constructor(
    private readonly lc: LineCounter,
    private readonly budget: ExpansionBudget,
    private readonly uniqueKeys: boolean,
  ) {}

  private line(offset: number): number {
    return this.lc.linePos(offset).line;
  }

  private nil(line: number): YScalar {
    return this.budget.done({ kind: 'scalar', line, endLine: line, value: null, quoted: false }, 1, line);
  }

  private remember(props: readonly CST.Token[] | undefined, n: YNode): YNode {
    if (!props) return n;
    for (const p of props) if (p.type === 'anchor') this.anchors.set(p.source.slice(1), n);
    return n;
  }

  private scalar(tok: CST.FlowScalar | CST.BlockScalar, props: readonly CST.Token[] | undefined): YScalar {
    let bad = false;
    const r = yamlLib().CST.resolveAsScalar(tok, true, () => (bad = true));
    if (bad) throw SYNTAX;
    if (tok.type !== 'block-scalar') checkSeparators(tok.end);
    const line = this.line(tok.offset);
    const raw = r.value;
    const strTag = props?.some((p) => p.type === 'tag' && (p.source === '!!str' || p.source === '!'));
    const plain = tok.type === 'scalar';
    const value = plain && !strTag ? plainValue(raw) : raw;
    let endLine = line;
    if (tok.type === 'block-scalar') {
      let nl = 0;
      for (let i = 0; i < tok.source.length; i++) if (tok.source.charCodeAt(i) === 10) nl++;
      endLine = line + Math.max(1, nl);
    } else {
      endLine = this.line(tok.offset + Math.max(0, tok.source.length - 1));
    }
    return this.budget.done({ kind: 'scalar', line, endLine, value, quoted: !plain }, 1, line);
  }

  private keyText(key: CST.Token | null | undefined): string {
    if (!key) return '';
    if (CST_isScalar(key)) {
      let bad = false;
      const v = yamlLib().CST.resolveAsScalar(key, true, () => (bad = true)).value;
      if (bad) throw SYNTAX;
      return v;
    }
    return 'source' in key ? key.source : '';
  }

  node(tok: CST.Token, props: readonly CST.Token[] | undefined, depth: number): YNode {
    if (depth > MAX_DEPTH) throw new ParseError('YAML nested too deeply', this.line(tok.offset));
    switch (tok.type) {
      case 'alias': {
        checkSeparators(tok.end);
        const target = this.anchors.get(tok.source.slice(1).trimEnd());
        if (!target) return this.nil(this.line(tok.offset));
        this.budget.alias(target, this.line(tok.offset));
        return target;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.remember(props, this.scalar(tok, props));
      case 'block-map':
        return this.map(tok.offset, tok.items, props, depth);
      case 'block-seq':
        return this.seq(tok.offset, tok.items, props, depth);
      case 'flow-collection':
        checkSeparators(tok.end);
        if (!tok.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) throw SYNTAX;
        checkFlowCommas(tok.items);
        return tok.start.source === '{'
          ? this.map(tok.offset, tok.items, props, depth, true)
          : this.seq(tok.offset, tok.items, props, depth);
      case 'error':
        throw SYNTAX;
      default:
        return this.nil(this.line(tok.offset));
    }
  }

  private map(
    offset: number,
    items: readonly CST.CollectionItem[],
    props: readonly CST.Token[] | undefined,
    depth: number,
    flow = false,
  ): YMap {
    const out: YMap = { kind: 'map', line: this.line(offset), entries: new Map() };
    this.remember(props, out);
    const merges: YMap[] = [];
    let size = 1;
    for (const it of items) {
      checkSeparators(it.start);
      checkSeparators(it.sep);
      if (!flow && it.key !== undefined) {
        // Explicit keys (`? key`) are rare in configuration; the composer handles them.
        if ((it as { explicitKey?: true }).explicitKey) throw SYNTAX;
        if (!it.sep?.some((t) => t.type === 'map-value-ind')) throw SYNTAX;
        if (
          it.key &&
          (it.key.type === 'block-map' || it.key.type === 'block-seq' || it.key.type === 'block-scalar')
        )
          throw SYNTAX;
        // Implicit keys must fit on one line.
        if (it.key && 'source' in it.key && it.key.source.includes('\n')) throw SYNTAX;
        const compact = it.value?.type === 'block-map' && !it.sep?.some((t) => t.type === 'newline');
        if (compact) throw SYNTAX;
      }
      // In flow maps `{ a }` the lone entry is a key with a null value.
      const keyTok = it.key !== undefined ? it.key : it.sep ? null : it.value;
      const valTok = it.key !== undefined || it.sep ? it.value : undefined;
      if (keyTok === undefined) continue;
      const key = this.keyText(keyTok);
      const keyLine = keyTok ? this.line(keyTok.offset) : this.line(it.start[0]?.offset ?? offset);
      const value = valTok ? this.node(valTok, it.sep, depth + 1) : this.nil(keyLine);
      if (key === '<<' && keyTok?.type === 'scalar') {
        if (value.kind === 'map') merges.push(value);
        else if (value.kind === 'seq') for (const m of value.items) if (m.kind === 'map') merges.push(m);
        continue;
      }
      // Duplicate keys are left to the composer, which names them, when the caller refuses them.
      if (this.uniqueKeys && out.entries.has(key)) throw SYNTAX;
      size += 1 + this.budget.sizeOf(value, keyLine);
      out.entries.set(key, { key, keyLine, value });
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

  private seq(
    offset: number,
    items: readonly CST.CollectionItem[],
    props: readonly CST.Token[] | undefined,
    depth: number,
  ): YSeq {
    const out: YSeq = { kind: 'seq', line: this.line(offset), items: [] };
    this.remember(props, out);
    let size = 1;
    for (const it of items) {
      checkSeparators(it.start);
      // yaml's CST keeps a comment after the last item (at the sequence's indentation), the inside of
      // `[ ]` and a trailing comma as an item with nothing in it: none is an item of the sequence.
      if (!it.value && it.key === undefined && !it.sep && !it.start.some((t) => t.type === 'seq-item-ind'))
        continue;
      // `[a: b]` is a sequence of single-pair maps.
      const item =
        it.key !== undefined || it.sep
          ? this.map(it.key?.offset ?? offset, [it], undefined, depth + 1, true)
          : it.value
            ? this.node(it.value, it.start, depth + 1)
            : // An empty item's null is on its dash's line: the item's first token can be the
              // spaces of a blank line or a comment line before the dash.
              this.nil(
                this.line((it.start.find((t) => t.type === 'seq-item-ind') ?? it.start[0])?.offset ?? offset),
              );
      size += this.budget.sizeOf(item, out.line);
      out.items.push(item);
    }
    return this.budget.done(out, size, out.line);
  }
}

function CST_isScalar(t: CST.Token): t is CST.FlowScalar | CST.BlockScalar {
  return (
    t.type === 'scalar' ||
    t.type === 'single-quoted-scalar' ||
    t.type === 'double-quoted-scalar' ||
    t.type === 'block-scalar'
  );
}
