import type { SgNode } from '@ast-grep/napi';
import type { DefinitionLookup } from './definitions.js';
import { fewestBound } from './bound-calls.js';
import { forFile } from './file-level.js';
import type { Matcher, ParamSourceSpec } from './rule-schema.js';
import {
  clientRequestParam,
  crawlerModule,
  routeHandler,
  onlyGivenClientRequests,
  sentByClient,
} from './client-request.js';
import { functionName } from './scope.js';
import type { Definition } from './scope.js';
import { routeParamOf, validatedParamAt, validatedParams } from './param-validators.js';
import { confinedByRoute, confinedByStringRoute } from './route-pattern.js';
import { injectedForRoutePart } from './route-template-params.js';
import { dataListenerReceiver } from './request-stream.js';
import { accessPath } from './sources.js';
import { kindOf } from './syntax.js';
import { lineOf, REQ } from './taint-support.js';
import type { TaintOptions, TaintStep, Trace, Value } from './taint-support.js';
import { urlInQuotedAttribute } from './url-attribute.js';
import { NodeMemo } from './node-memo.js';

/** A node's access path (sources.ts), kept per file: every evaluator tests each node it reads against its sources. */
const PATHS = new NodeMemo<string | undefined>();

const textTests = new WeakMap<Matcher, RegExp | null>();

/** A matcher's top-level `regex` as a JavaScript RegExp, a prefilter (null when it has none or it does not compile). */
function textTest(m: Matcher): RegExp | null {
  let t = textTests.get(m);
  if (t === undefined) {
    const src = (m.rule as { regex?: unknown }).regex;
    try {
      t = typeof src === 'string' ? new RegExp(src, 'u') : null;
    } catch {
      t = null;
    }
    textTests.set(m, t);
  }
  return t;
}

/**
 * Where taint starts, for one evaluator: request data read at a node (by access path, by a source's
 * matchers), and parameters that a framework fills with request data; and the traces that record it.
 */
export class SourceFinder {
  constructor(
    private readonly o: TaintOptions,
    private readonly defs: DefinitionLookup,
  ) {}

  trace(label: string, node: SgNode): Trace {
    const t: Trace = {
      label,
      source: node.text().replace(/\s+/g, ' ').slice(0, 80),
      sourceLine: lineOf(node),
      steps: [],
      weak: false,
    };
    if (this.o.path !== undefined) t.sourcePath = this.o.path;
    return t;
  }

  /** A trace from a request member read at `node` whose access path is `srcPath`. */
  sourceTrace(label: string, node: SgNode, srcPath: string): Trace {
    const t = this.trace(label, node);
    t.srcPath = srcPath;
    return t;
  }

  /** A step at `node` in this module. */
  step(text: string, node: SgNode): TaintStep {
    const s: TaintStep = { text, line: lineOf(node) };
    if (this.o.path !== undefined) s.path = this.o.path;
    return s;
  }

  sourceAt(node: SgNode): Trace | null {
    const { syn } = this.o;
    const k = kindOf(node);
    const pathy = syn.member.has(k) || syn.subscript.has(k) || syn.call.has(k) || syn.identifiers.has(k);
    const path = pathy ? PATHS.of(this.o.index, node, () => accessPath(node, syn)) : undefined;
    if (path !== undefined && this.o.skipPath?.test(path)) return null;
    for (const s of this.o.sources) {
      if (path !== undefined) {
        if (s.paths.some((r) => r.test(path)) && this.plausibleRequest(node, path)) {
          if (this.validatedParam(path, node)) return null;
          // The page's own URL as the browser serialises it, written into a double-quoted attribute.
          if (this.o.sinkClass === 'html' && !this.o.python && urlInQuotedAttribute(node, path)) return null;
          const t = this.trace(s.label, node);
          if (!syn.call.has(k)) t.srcPath = path;
          return t;
        }
        if (syn.call.has(k) && s.calls.some((r) => r.test(path.slice(0, -2))))
          return this.trace(s.label, node);
      }
      for (const m of s.matchers) {
        // A matcher that names its node kind, or its text, is asked only about nodes that have them (a walk
        // visits many, and each question crosses into the parser).
        const want = (m.rule as { kind?: unknown }).kind;
        if (typeof want === 'string' && want !== k) continue;
        const text = textTest(m);
        if (text && !text.test(node.text())) continue;
        const f = forFile(m, this.o.root);
        if (f && node.matches(f)) return this.trace(s.label, node);
      }
    }
    return null;
  }

  private validated: ReadonlyMap<string, ReadonlySet<string>> | undefined;

  /**
   * A route parameter (`req.params.tag`) the router of its route validates with `.param('tag', check)`, or
   * one a RegExp route confines for this sink (route-pattern.ts).
   */
  validatedParam(srcPath: string, node: SgNode): boolean {
    // `req.params[0]` of a RegExp route whose capture group admits none of the sink's metacharacters.
    if (/^(?:req|request)\.params\[\]$/.test(srcPath))
      return !this.o.python && confinedByRoute(node, this.o.sinkClass);
    const name = routeParamOf(srcPath);
    if (name === undefined || this.o.python) return false;
    // `req.params.format` of a string route that gives it its own pattern (`'/:id.:format([\\w]+)'`).
    if (confinedByStringRoute(node, name, this.o.sinkClass)) return true;
    this.validated ??= validatedParams(this.o.root);
    return validatedParamAt(this.validated, name, node);
  }

  /**
   * In JavaScript `req`/`request` are common names for many things (an HTTP client request, a queue job).
   * They count as the incoming request only when undeclared, or a parameter next to a response-like one
   * (`res`, `reply`, `h`, `next`), or a parameter a framework source marks as the request.
   */
  plausibleRequest(node: SgNode, path: string): boolean {
    if (!/^(req|request)[.([]/.test(path)) return true;
    let root = node;
    for (let i = 0; i < 16; i++) {
      const next =
        root.field(this.o.syn.memberObject) ??
        root.field(this.o.syn.callFunction) ??
        root.field(this.o.syn.subscriptObject);
      if (!next) break;
      root = next;
    }
    if (!this.o.syn.identifiers.has(kindOf(root))) return true;
    const defs = this.defs.definitionsOf(root);
    if (defs.length === 0) return true;
    return defs.some((d) => {
      if (d.kind !== 'param') return false;
      // Python views take the request first (after self in class-based views); Flask's is a global import.
      if (this.o.python) {
        const text = this.o.index.textOf(this.o.root);
        if (
          (crawlerModule(text) && !routeHandler(d.fn)) ||
          clientRequestParam(d.node, text) ||
          sentByClient(d.fn, d.name, text)
        )
          return false;
        if (onlyGivenClientRequests(d.fn, d.index, text, (arg) => this.paramsOf(arg))) return false;
        const first = d.fn.field('parameters')?.namedChildren()[0]?.text() ?? '';
        return (
          d.index === 0 || (d.index === 1 && /^(self|cls)\b/.test(first)) || this.paramSource(d) !== null
        );
      }
      const params = d.fn.field('parameters')?.text() ?? '';
      return /[(,]\s*(res|resp|response|reply|h|next|ctx)\b/.test(params) || this.paramSource(d) !== null;
    });
  }

  /** The parameters an identifier names, or undefined when any of its definitions is something else. */
  private paramsOf(name: SgNode): SgNode[] | undefined {
    const defs = this.defs.definitionsOf(name);
    return defs.every((d) => d.kind === 'param') ? defs.map((d) => d.node) : undefined;
  }

  /**
   * The trace of request data read as `rest` (`.args.x`) off a request object at `at`, or null when that
   * property is no source (`.method`). Python sources name the object `request`, JavaScript ones `req`.
   */
  requestData(rest: string, at: SgNode): Trace | null {
    const asReq = [`req${rest}`, `request${rest}`];
    if (asReq.some((p) => this.o.skipPath?.test(p))) return null;
    for (const s of this.o.sources)
      if (s.paths.some((r) => asReq.some((p) => r.test(p)))) return this.trace(s.label, at);
    return null;
  }

  /**
   * A name of the request object that no definition explains: Flask's imported `request`, a view's or a
   * handler's `req`/`request` parameter (plausibleRequest decides, as for `request.args`).
   */
  requestObject(node: SgNode, name: string): boolean {
    if (name !== 'req' && name !== 'request') return false;
    if (!this.o.sources.some((s) => s.label === 'http')) return false;
    return this.plausibleRequest(node, `${name}.`);
  }

  /** Summary mode: the traced parameter, as if it were a source. */
  seedTrace(d: Extract<Definition, { kind: 'param' }>): Trace {
    const t = this.trace('parameter', d.node);
    t.param = d.index;
    t.access = '';
    return t;
  }

  paramSource(d: Extract<Definition, { kind: 'param' }>): Value {
    if (d.index === 0 && !this.o.python) {
      const chunk = this.bodyChunk(d);
      if (chunk) return chunk;
    }
    const wrapper = this.paramWrapper(d);
    for (const s of this.o.sources) {
      for (const p of s.params) {
        if (!this.paramSelected(p, d)) continue;
        if (p.function && !this.o.index.matches(this.o.root, d.fn, p.function)) continue;
        if (p.param && !(wrapper && this.o.index.matches(this.o.root, wrapper, p.param))) continue;
        return p.requestObject ? REQ : this.trace(s.label, wrapper ?? d.node);
      }
    }
    return null;
  }

  /**
   * The chunk a `data` listener of the incoming request receives (request-stream.ts): request data as the
   * body (`req.body`'s source), when the listener's receiver is a name of the request object, as a name's
   * `.body` would be: undeclared `req`/`request`, a handler's `req` beside a response, or a parameter a
   * framework source marks as the request.
   */
  private bodyChunk(d: Extract<Definition, { kind: 'param' }>): Trace | null {
    const recv = dataListenerReceiver(this.o.syn, d.fn);
    if (!recv) return null;
    const name = recv.text();
    const isReq =
      this.requestObject(recv, name) ||
      this.defs.definitionsOf(recv).some((r) => r.kind === 'param' && r !== d && this.paramSource(r) === REQ);
    return isReq ? this.requestData('.body', d.node) : null;
  }

  paramSelected(p: ParamSourceSpec, d: Extract<Definition, { kind: 'param' }>): boolean {
    if (p.except.includes(d.name)) return false;
    if (p.routeTemplate && injectedForRoutePart(d.fn, d.name)) return false;
    let at = d.index;
    if (p.bound) {
      // Registered bound (`handler.bind(null, socket)`): the fixed parameters are the program's own values.
      const name = functionName(d.fn);
      const fixed = name === undefined ? undefined : fewestBound(this.o.index, this.o.root, name);
      if (fixed === undefined || at < fixed) return false;
      at -= fixed;
    }
    return p.which === 'all' || p.which.includes(at);
  }

  paramWrapper(d: Extract<Definition, { kind: 'param' }>): SgNode | undefined {
    let cur: SgNode | null = d.node;
    for (let i = 0; i < 6 && cur; i++) {
      const p: SgNode | null = cur.parent();
      if (!p) return undefined;
      if (p.kind() === 'formal_parameters' || p.kind() === 'parameters' || p.kind() === 'lambda_parameters')
        return cur;
      cur = p;
    }
    return undefined;
  }
}
