import RE2 from 're2';
import type { SgNode } from '@ast-grep/napi';
import type { RuleLanguage } from './languages.js';
import type { Matcher, ParamSourceSpec, SourceSpec } from './rule-schema.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/** A compiled text test: a built-in regex, or a rule author's trigger on the linear-time engine. */
export interface TextTest {
  test(text: string): boolean;
}

/**
 * A trigger written by a rule author (possibly in the scanned repository's rule folders) runs on re2,
 * whose time is linear in the text: `(a|a)+b` cannot hold a scan. Syntax re2 lacks is rejected when the
 * rule is loaded (load-rules.ts), with the reason.
 */
export function compileTrigger(source: string): TextTest {
  return new RE2(source, 'u');
}

/** Sources of one label, compiled for one language family. */
export interface CompiledSources {
  label: string;
  /** Prefix match on an access path (`req.query` matches `req.query.id`). */
  paths: RegExp[];
  /** Exact match on a callee path. */
  calls: RegExp[];
  matchers: Matcher[];
  params: ParamSourceSpec[];
  /** Text prefilter: the label can only occur in a file that one of these matches (none: always). */
  triggers: TextTest[] | undefined;
}

function segmentText(seg: string): string | undefined {
  if (seg === '*' || seg === '') return undefined;
  const alt = /^\((.+)\)$/.exec(seg);
  const words = (alt?.[1]?.split('|') ?? [seg.replace(/\[\]$/, '')]).map((w) =>
    w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return `(?:${words.join('|')})`;
}

/**
 * Text regexes that any use of a dotted source path must match: the first two segments as written
 * (`req.query`, `req?.query`, `req['query']`), or a destructuring of the first (`} = req`).
 */
function pathTriggers(path: string): string[] | undefined {
  const segs = path.split('.');
  const first = segmentText(segs[0] ?? '');
  if (first === undefined) return undefined;
  const head = `(?<![\\w$])${first}`;
  const second = segs[1] === undefined ? undefined : segmentText(segs[1]);
  if (second === undefined) return [`${head}(?![\\w$])`];
  return [
    `${head}\\s*\\??\\.\\s*${second}(?![\\w$])`,
    `${head}\\s*\\[\\s*['"]${second}['"]`,
    `\\}\\s*=\\s*(?:await\\s+)?${first}(?![\\w$])`,
  ];
}

function segmentRegex(seg: string): string {
  if (seg === '*') return '[A-Za-z_$][\\w$]*';
  const alt = /^\((.+)\)$/.exec(seg);
  const words = alt?.[1]?.split('|') ?? [seg];
  const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return esc.length === 1 ? (esc[0] ?? '') : `(?:${esc.join('|')})`;
}

/** Compiles a dotted source path into a regex over access paths. */
export function pathRegex(path: string, prefix: boolean): RegExp {
  const body = path.split('.').map(segmentRegex).join('\\.');
  return new RegExp(prefix ? `^${body}(?:[.(\\[]|$)` : `^${body}$`);
}

/** Groups the source specs of a language family by label. */
export function compileSources(
  specs: readonly SourceSpec[],
  family: RuleLanguage,
): Map<string, CompiledSources> {
  const out = new Map<string, CompiledSources>();
  // Each trigger once per label: every `(req|request).x` path yields the same destructuring trigger, and
  // each trigger is a pass over every file's text.
  const seen = new Map<string, Set<string>>();
  for (const s of specs) {
    if (!s.languages.includes(family)) continue;
    let c = out.get(s.label);
    if (!c) {
      c = { label: s.label, paths: [], calls: [], matchers: [], params: [], triggers: [] };
      out.set(s.label, c);
      seen.set(s.label, new Set());
    }
    const fresh = (t: string): boolean => {
      const had = seen.get(s.label)!;
      if (had.has(t)) return false;
      had.add(t);
      return true;
    };
    if (s.triggers.length > 0) {
      c.triggers?.push(...s.triggers.filter(fresh).map(compileTrigger));
    } else {
      // Built from escaped path segments: a fixed shape, safe for the backtracking engine.
      const own = [...s.paths, ...s.calls].map(pathTriggers);
      if (own.length === 0 || own.some((t) => t === undefined)) c.triggers = undefined;
      else
        c.triggers?.push(
          ...own
            .flatMap((t) => t ?? [])
            .filter(fresh)
            .map((t) => new RegExp(t)),
        );
    }
    c.paths.push(...s.paths.map((p) => pathRegex(p, true)));
    c.calls.push(...s.calls.map((p) => pathRegex(p, false)));
    c.matchers.push(...s.matchers);
    c.params.push(...s.params);
  }
  return out;
}

const MAX_PATH = 12;

/**
 * The access path of an expression (`req.query.id`, `request.args.get()`), or undefined when it is not a
 * plain chain of names, properties, constant subscripts and calls.
 */
export function accessPath(node: SgNode, syn: Syntax, depth = 0): string | undefined {
  if (depth > MAX_PATH) return undefined;
  const kind = kindOf(node);
  if (syn.identifiers.has(kind) || kind === 'this' || kind === 'self') return node.text();
  if (syn.member.has(kind)) {
    const obj = node.field(syn.memberObject);
    const prop = node.field(syn.memberProperty);
    if (!obj || !prop) return undefined;
    const base = accessPath(obj, syn, depth + 1);
    return base === undefined ? undefined : `${base}.${prop.text()}`;
  }
  if (syn.subscript.has(kind)) {
    const obj = node.field(syn.subscriptObject);
    const base = obj ? accessPath(obj, syn, depth + 1) : undefined;
    if (base === undefined) return undefined;
    const idx = node.field(kind === 'subscript' ? 'subscript' : 'index');
    const lit = idx ? /^(['"])([\w$-]{1,64})\1$/.exec(idx.text()) : null;
    return lit ? `${base}.${lit[2]}` : `${base}[]`;
  }
  if (syn.call.has(kind)) {
    const fn = node.field(syn.callFunction) ?? node.field('constructor');
    const base = fn ? accessPath(fn, syn, depth + 1) : undefined;
    return base === undefined ? undefined : `${base}()`;
  }
  if (syn.passThrough.has(kind)) {
    const inner = node.namedChildren()[0];
    return inner ? accessPath(inner, syn, depth + 1) : undefined;
  }
  return undefined;
}
