import { Lang, parse } from '@ast-grep/napi';
import { ConfigError } from '../../core/errors.js';
import type { SgNode } from '@ast-grep/napi';
import type { Confidence } from '../../core/finding.js';
import { ensurePython } from './languages.js';
import type { FileLanguage, RuleLanguage } from './languages.js';
import type { CodeRule, Matcher, RuleSet } from './rule-schema.js';
import { compileSources } from './sources.js';
import type { CompiledSources } from './sources.js';
import { syntaxOf } from './syntax.js';
import { FileIndex, TaintEvaluator } from './taint.js';
import type { Trace } from './taint.js';

/** One match of one rule in one file, before it becomes a finding. */
export interface CodeMatch {
  rule: CodeRule;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  message: string;
  confidence: Confidence;
  /** Identifies the problem without its line: rule, normalised sink text and source. */
  fingerprintKey: string;
  trace?: Trace;
  /** The text of the rule's `secret` metavariable: masked everywhere in the finding. */
  secret?: string;
}

/** The rules of one language family, with their sources compiled. */
interface FamilyRules {
  rules: CodeRule[];
  sources: Map<string, CompiledSources>;
  sanitizers: Matcher[];
}

/** A rule set prepared for running: rules grouped by language family. */
export class PreparedRules {
  private readonly byFamily = new Map<RuleLanguage, FamilyRules>();

  constructor(readonly set: RuleSet) {
    validate(set);
    for (const family of ['javascript', 'typescript', 'python'] as const) {
      this.byFamily.set(family, {
        rules: set.rules.filter((r) => r.languages.includes(family)),
        sources: compileSources(set.sources, family),
        sanitizers: set.sanitizers.filter((s) => s.languages.includes(family)).flatMap((s) => s.matchers),
      });
    }
  }

  family(f: RuleLanguage): FamilyRules {
    const r = this.byFamily.get(f);
    if (!r) throw new Error(`no rules for ${f}`);
    return r;
  }
}

const PROBE: Record<RuleLanguage, FileLanguage> = {
  javascript: { family: 'javascript', lang: Lang.JavaScript },
  typescript: { family: 'typescript', lang: Lang.Tsx },
  python: { family: 'python', lang: 'python' },
};

/** Compiles every matcher once against each language it is used with, so a bad rule fails at load time. */
function validate(set: RuleSet): void {
  const roots = new Map<RuleLanguage, SgNode>();
  const rootOf = (l: RuleLanguage): SgNode => {
    let r = roots.get(l);
    if (!r) {
      if (l === 'python') ensurePython();
      r = parse(PROBE[l].lang, '').root();
      roots.set(l, r);
    }
    return r;
  };
  const check = (
    where: string,
    file: string,
    langs: readonly RuleLanguage[],
    ms: readonly Matcher[],
  ): void => {
    for (const l of langs) {
      for (const m of ms) {
        try {
          rootOf(l).findAll(m);
        } catch (err) {
          const msg = (err as Error).message.split('\n').join(' ');
          throw new ConfigError(
            `${file}: ${where}: invalid matcher for ${l}: ${msg}`,
            { file },
            { cause: err },
          );
        }
      }
    }
  };
  for (const r of set.rules) {
    const t = r.taint;
    const ms = [
      ...(r.match ? [r.match] : []),
      ...(t ? [...t.sinks.map((s) => s.matcher), ...t.sanitizers, ...t.guards] : []),
    ];
    check(`rule ${r.id}`, r.file, r.languages, ms);
  }
  for (const s of set.sources) {
    const ms = [
      ...s.matchers,
      ...s.params.flatMap((p) => [p.function, p.param].filter((x): x is Matcher => !!x)),
    ];
    check(`source ${s.id}`, s.file, s.languages, ms);
  }
  for (const g of set.sanitizers) check('sanitizers', 'sanitizers', g.languages, g.matchers);
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

function oneLine(s: string, max = 120): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function describePath(t: Trace, sink: string, sinkLine: number): string {
  const hops = [`${t.source} (line ${t.sourceLine})`, ...t.steps.map((s) => `${s.text} (line ${s.line})`)];
  hops.push(`${sink} (line ${sinkLine})`);
  return hops.join(' → ');
}

function fill(template: string, vars: Record<string, string>, match: SgNode): string {
  return template.replace(/\{(\$?[A-Za-z_][\w]*)\}/g, (all, key: string) => {
    if (key.startsWith('$')) return oneLine(match.getMatch(key.slice(1))?.text() ?? all, 80);
    return vars[key] ?? all;
  });
}

function applies(rule: CodeRule, text: string): boolean {
  if (rule.triggers.length > 0 && !rule.triggers.some((t) => text.includes(t))) return false;
  return rule.requires.length === 0 || rule.requires.some((t) => text.includes(t));
}

/** Per-file state shared by the rules: the tree index and which source labels can occur at all. */
interface FileState {
  index: FileIndex;
  labels: Map<string, boolean>;
  text: string;
  /** Set when a rule stopped early because the file's taint budget ran out. */
  truncated: boolean;
}

function labelPresent(s: CompiledSources, st: FileState): boolean {
  let v = st.labels.get(s.label);
  if (v === undefined) {
    v = s.triggers === undefined || s.triggers.some((r) => r.test(st.text));
    st.labels.set(s.label, v);
  }
  return v;
}

/** Taint rules whose sources cannot occur in the text are skipped before parsing. */
function taintPossible(rule: CodeRule, fam: FamilyRules, st: FileState): boolean {
  if (!rule.taint) return true;
  return rule.taint.sources.some((l) => {
    const s = fam.sources.get(l);
    return s !== undefined && labelPresent(s, st);
  });
}

function matchOf(
  rule: CodeRule,
  node: SgNode,
  message: string,
  confidence: Confidence,
  key: string,
  trace?: Trace,
): CodeMatch {
  const r = node.range();
  const m: CodeMatch = {
    rule,
    line: r.start.line + 1,
    column: r.start.column + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.column + 1,
    snippet: oneLine(node.text(), 200),
    message,
    confidence,
    fingerprintKey: key,
  };
  if (trace) m.trace = trace;
  return m;
}

/** Positional arguments of a call node (Python keyword arguments excluded), or [] when it is no call. */
export function callArguments(call: SgNode, python: boolean): SgNode[] {
  const list = call.field('arguments');
  if (!list) return [];
  return list
    .namedChildren()
    .filter((c) => c.kind() !== 'comment' && !(python && c.kind() === 'keyword_argument'));
}

function sinkTargets(m: SgNode, a: string | number, python: boolean): (SgNode | null)[] {
  if (typeof a === 'number') return [callArguments(m, python)[a] ?? null];
  if (a === '*') return m.field('arguments')?.namedChildren() ?? [];
  return [m.getMatch(a), ...m.getMultipleMatches(a)];
}

function runTaint(
  rule: CodeRule,
  root: SgNode,
  lang: FileLanguage,
  fam: FamilyRules,
  st: FileState,
  out: CodeMatch[],
): void {
  const taint = rule.taint;
  if (!taint) return;
  const sources = taint.sources
    .map((l) => fam.sources.get(l))
    .filter((s): s is CompiledSources => !!s && labelPresent(s, st));
  if (sources.length === 0) return;
  let evaluator: TaintEvaluator | undefined;
  const seen = new Set<string>();
  for (const sink of taint.sinks) {
    for (const m of root.findAll(sink.matcher)) {
      evaluator ??= new TaintEvaluator({
        index: st.index,
        root,
        syn: syntaxOf(lang.family),
        python: lang.family === 'python',
        sources,
        sanitizers: [...taint.sanitizers, ...fam.sanitizers],
        guards: taint.guards,
      });
      const targets =
        sink.args.length === 0 ? [m] : sink.args.flatMap((a) => sinkTargets(m, a, lang.family === 'python'));
      if (!evaluator.hasBudget) {
        st.truncated = true;
        return;
      }
      for (const t of targets) {
        if (!t || t.kind() === ',') continue;
        const trace = evaluator.taintOf(t);
        if (evaluator.stoppedEarly) st.truncated = true;
        if (!trace) continue;
        const key = `${m.range().start.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const sinkText = oneLine(m.text(), 60);
        const line = m.range().start.line + 1;
        const vars = {
          source: trace.source,
          sink: sinkText,
          path: describePath(trace, sinkText, line),
          label: trace.label,
        };
        const conf = trace.weak ? LOWER[rule.confidence] : rule.confidence;
        out.push(
          matchOf(
            rule,
            m,
            fill(rule.message, vars, m),
            conf,
            `${oneLine(m.text(), 200)}\0${trace.source}`,
            trace,
          ),
        );
      }
    }
  }
}

function runMatch(rule: CodeRule, root: SgNode, out: CodeMatch[]): void {
  if (!rule.match) return;
  for (const m of root.findAll(rule.match)) {
    const text = oneLine(m.text(), 60);
    const cm = matchOf(
      rule,
      m,
      fill(rule.message, { sink: text }, m),
      rule.confidence,
      oneLine(m.text(), 200),
    );
    const secret = rule.secret === undefined ? undefined : m.getMatch(rule.secret)?.text();
    if (secret) cm.secret = secret;
    out.push(cm);
  }
}

/** What one file produced: matches, and whether taint analysis stopped early on a budget. */
export interface FileResult {
  matches: CodeMatch[];
  truncated: boolean;
  /** False when no rule applied and the file was not even parsed. */
  parsed: boolean;
}

/** Parses a file once (only when a rule can apply) and runs every applicable rule over the one tree. */
export function analyzeText(
  text: string,
  lang: FileLanguage,
  rules: PreparedRules,
  only?: ReadonlySet<string>,
): FileResult {
  const fam = rules.family(lang.family);
  const st: FileState = { index: new FileIndex(), labels: new Map(), text, truncated: false };
  const active = fam.rules.filter(
    (r) => (!only || only.has(r.id)) && applies(r, text) && taintPossible(r, fam, st),
  );
  if (active.length === 0) return { matches: [], truncated: false, parsed: false };
  if (lang.family === 'python') ensurePython();
  const root = parse(lang.lang, text).root();
  const out: CodeMatch[] = [];
  for (const rule of active) {
    if (rule.taint) runTaint(rule, root, lang, fam, st, out);
    else runMatch(rule, root, out);
  }
  return { matches: out, truncated: st.truncated, parsed: true };
}

/** The matches of every applicable rule in one file's text. */
export function runRules(
  text: string,
  lang: FileLanguage,
  rules: PreparedRules,
  only?: ReadonlySet<string>,
): CodeMatch[] {
  return analyzeText(text, lang, rules, only).matches;
}
