import { ParseError } from '../../../core/errors.js';
import type { HclBlock, HclBody, HclExpr, HclFile, HclObjectEntry } from './ast.js';
import type { Token } from './lexer.js';
import { tokenize } from './lexer.js';

const BINARY = new Set(['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '?']);
const MAX_DEPTH = 200;

/** Parses HCL native syntax (Terraform, Packer, …) into blocks and attributes with line numbers. */
export function parseHcl(src: string): HclFile {
  return new Parser(src).file();
}

class Parser {
  private readonly toks: Token[];
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {
    this.toks = tokenize(src);
  }

  file(): HclFile {
    const body = this.body(false);
    const t = this.peek();
    if (t.kind !== 'eof') throw new ParseError(`unexpected ${describe(t)}`, t.line);
    return { body };
  }

  private peek(off = 0): Token {
    return this.toks[Math.min(this.pos + off, this.toks.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (this.pos < this.toks.length - 1) this.pos++;
    return t;
  }
  private isPunct(v: string, off = 0): boolean {
    const t = this.peek(off);
    return t.kind === 'punct' && t.value === v;
  }
  private expectPunct(v: string): Token {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== v)
      throw new ParseError(`expected "${v}" but found ${describe(t)}`, t.line);
    return t;
  }
  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.pos++;
  }
  private enter(line: number): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError('nesting too deep', line);
  }

  private body(inBlock: boolean): HclBody {
    const body: HclBody = { attributes: new Map(), blocks: [] };
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof' || (inBlock && this.isPunct('}'))) return body;
      if (t.kind !== 'ident')
        throw new ParseError(`expected an attribute or block name, found ${describe(t)}`, t.line);
      this.next();
      if (this.isPunct('=')) {
        this.next();
        const expr = this.expr(true);
        if (body.attributes.has(t.value)) throw new ParseError(`attribute "${t.value}" is set twice`, t.line);
        body.attributes.set(t.value, { name: t.value, line: t.line, expr });
      } else {
        body.blocks.push(this.block(t));
      }
      const end = this.peek();
      if (end.kind === 'newline' || end.kind === 'eof' || (inBlock && this.isPunct('}'))) continue;
      throw new ParseError(`expected a new line after "${t.value}", found ${describe(end)}`, end.line);
    }
  }

  private block(typeTok: Token): HclBlock {
    const labels: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'string' && !t.interp) labels.push(t.value);
      else if (t.kind === 'ident') labels.push(t.value);
      else break;
      this.next();
    }
    this.expectPunct('{');
    this.enter(typeTok.line);
    const body = this.body(true);
    this.depth--;
    const close = this.expectPunct('}');
    return { type: typeTok.value, labels, line: typeTok.line, endLine: close.line, body };
  }

  private make(kind: HclExpr['kind'], first: Token, last: Token, extra: Partial<HclExpr> = {}): HclExpr {
    return {
      kind,
      line: first.line,
      endLine: last.line,
      text: this.src.slice(first.start, last.end),
      ...extra,
    };
  }

  /** An expression; `nlEnds` says whether a newline ends it (true outside brackets). */
  private expr(nlEnds: boolean): HclExpr {
    const first = this.peek();
    this.enter(first.line);
    let e = this.postfix(this.primary(), first.start);
    if (!nlEnds) {
      // Inside brackets new lines are insignificant, so an operator may start the next line.
      let k = 0;
      while (this.peek(k).kind === 'newline') k++;
      const op = this.peek(k);
      if (k > 0 && op.kind === 'punct' && BINARY.has(op.value)) this.pos += k;
    }
    const t = this.peek();
    if (t.kind === 'punct' && BINARY.has(t.value)) e = this.rest(first, nlEnds);
    this.depth--;
    return e;
  }

  /** Consumes the rest of an operator expression as opaque text, bracket-balanced. */
  private rest(first: Token, nlEnds: boolean): HclExpr {
    let depth = 0;
    let last = first;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'newline' && depth === 0 && nlEnds) break;
      if (t.kind === 'punct') {
        if ('([{'.includes(t.value)) depth++;
        else if (')]}'.includes(t.value)) {
          if (depth === 0) break;
          depth--;
        } else if (t.value === ',' && depth === 0) break;
      }
      if (t.kind !== 'newline') last = t;
      this.next();
    }
    return this.make('complex', first, last);
  }

  private postfix(e: HclExpr, start: number): HclExpr {
    let out = e;
    for (;;) {
      if (
        this.isPunct('.') &&
        (this.peek(1).kind === 'ident' || this.peek(1).kind === 'number' || this.isPunct('*', 1))
      ) {
        this.next();
        const t = this.next();
        out = this.extend(out, start, t);
      } else if (this.isPunct('[')) {
        this.next();
        this.skipNewlines();
        if (this.isPunct('*')) this.next();
        else this.expr(false);
        this.skipNewlines();
        const close = this.expectPunct(']');
        out = this.extend(out, start, close);
      } else return out;
    }
  }

  private extend(e: HclExpr, start: number, last: Token): HclExpr {
    const text = this.src.slice(start, last.end);
    if (e.kind === 'ref') return { ...e, text, ref: text, endLine: last.line };
    return { kind: 'complex', line: e.line, endLine: last.line, text };
  }

  private primary(): HclExpr {
    const t = this.next();
    switch (t.kind) {
      case 'string':
      case 'heredoc': {
        const extra: Partial<HclExpr> = t.kind === 'heredoc' ? { heredoc: true } : {};
        if (!t.interp) return this.make('literal', t, t, { ...extra, value: t.value });
        const m = /^\$\{\s{0,4}((?:var|local)\.[A-Za-z0-9_-]{1,128})\s{0,4}\}$/.exec(t.value);
        if (m) return this.make('ref', t, t, { ...extra, ref: m[1]! });
        return this.make('template', t, t, extra);
      }
      case 'number':
        return this.make('literal', t, t, { value: Number(t.value) });
      case 'ident': {
        if (t.value === 'true' || t.value === 'false')
          return this.make('literal', t, t, { value: t.value === 'true' });
        if (t.value === 'null') return this.make('literal', t, t, { value: null });
        if (this.isPunct('(')) return this.call(t);
        if (this.isPunct('::')) {
          // provider-defined functions: provider::name::fn(...)
          while (this.isPunct('::')) {
            this.next();
            this.next();
          }
          if (this.isPunct('(')) return this.call(t);
        }
        return this.make('ref', t, t, { ref: t.value });
      }
      case 'punct':
        if (t.value === '[') return this.list(t);
        if (t.value === '{') return this.object(t);
        if (t.value === '(') {
          this.skipNewlines();
          const inner = this.expr(false);
          this.skipNewlines();
          const close = this.expectPunct(')');
          return {
            ...inner,
            kind: inner.kind === 'literal' ? 'literal' : 'complex',
            text: this.src.slice(t.start, close.end),
            endLine: close.line,
          };
        }
        if (t.value === '-' || t.value === '!') {
          const opStart = this.peek().start;
          const operand = this.postfix(this.primary(), opStart);
          if (t.value === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
            return { ...operand, value: -operand.value, text: `-${operand.text}` };
          }
          return {
            kind: 'complex',
            line: t.line,
            endLine: operand.endLine,
            text: `${t.value}${operand.text}`,
          };
        }
        break;
      default:
        break;
    }
    throw new ParseError(`expected an expression, found ${describe(t)}`, t.line);
  }

  private call(name: Token): HclExpr {
    this.expectPunct('(');
    const args: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(')')) break;
      args.push(this.expr(false));
      this.skipNewlines();
      if (this.isPunct('...')) this.next();
      this.skipNewlines();
      if (this.isPunct(',')) this.next();
      else if (!this.isPunct(')'))
        throw new ParseError(`expected "," or ")" in call to ${name.value}`, this.peek().line);
    }
    const close = this.expectPunct(')');
    return this.make('call', name, close, { name: name.value, args });
  }

  private forExpr(open: Token, closing: string): HclExpr {
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') throw new ParseError('unterminated for expression', open.line);
      if (t.kind === 'punct' && '([{'.includes(t.value)) depth++;
      else if (t.kind === 'punct' && ')]}'.includes(t.value) && --depth === 0) {
        if (t.value !== closing) throw new ParseError(`expected "${closing}"`, t.line);
        return this.make('complex', open, t);
      }
    }
  }

  private list(open: Token): HclExpr {
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().value === 'for') return this.forExpr(open, ']');
    const items: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(']')) break;
      items.push(this.expr(false));
      this.skipNewlines();
      if (this.isPunct(',')) this.next();
      else if (!this.isPunct(']')) throw new ParseError('expected "," or "]" in list', this.peek().line);
    }
    const close = this.expectPunct(']');
    return this.make('list', open, close, { items });
  }

  private object(open: Token): HclExpr {
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().value === 'for') return this.forExpr(open, '}');
    const entries: HclObjectEntry[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct('}')) break;
      const k = this.peek();
      let key: string;
      if (k.kind === 'ident' || k.kind === 'number' || (k.kind === 'string' && !k.interp)) {
        this.next();
        key = k.value;
        // keys may be traversals such as `aws_s3_bucket.b.id = …`
        while (this.isPunct('.') && this.peek(1).kind === 'ident') {
          this.next();
          key += `.${this.next().value}`;
        }
      } else {
        key = this.expr(false).text;
      }
      const sep = this.next();
      if (sep.kind !== 'punct' || (sep.value !== '=' && sep.value !== ':')) {
        throw new ParseError(`expected "=" or ":" after object key, found ${describe(sep)}`, sep.line);
      }
      this.skipNewlines();
      entries.push({ key, keyLine: k.line, value: this.expr(true) });
      if (this.isPunct(',')) this.next();
      else if (this.peek().kind !== 'newline' && !this.isPunct('}')) {
        throw new ParseError('expected "," or a new line between object items', this.peek().line);
      }
    }
    const close = this.expectPunct('}');
    return this.make('object', open, close, { entries });
  }
}

function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  if (t.kind === 'newline') return 'a new line';
  if (t.kind === 'string' || t.kind === 'heredoc') return 'a string';
  return `"${t.value}"`;
}
