import { Lang, parse } from '@ast-grep/napi';
import { ConfigError } from '../../core/errors.js';
import type { SgNode } from '@ast-grep/napi';
import { ensurePython } from './languages.js';
import type { FileLanguage, RuleLanguage } from './languages.js';
import type { CodeRule, Matcher, RuleSet } from './rule-schema.js';
import { compileSources } from './sources.js';
import { GUARD_BINDINGS } from './guard-bindings.js';
import type { CompiledSources } from './sources.js';
import { fill, matchOf, oneLine } from './matches.js';
import type { CodeMatch } from './matches.js';
import { kindOf } from './syntax.js';
import { singleModule } from './project.js';
import type { ProjectView } from './project.js';
import { callsCarryingTaint, runTaint } from './run-taint.js';
import { TaintPrecheck } from './taint-precheck.js';
import { isFixedValue } from './fixed-value.js';
import { fixedByCallers, ModuleCallers } from './py-caller-constants.js';
import { isImportedName } from './name-binding.js';
import { moduleCallOf } from './module-escapers.js';
import { importedMemberOf } from './imported-members.js';
import { fixedButOwnFields } from './own-fields.js';
import { fixedButExportParams } from './export-callers.js';
import { calleeDeclared } from './callee-members.js';
import { backtrackingOf } from './redos-source.js';
import { namesBoundTo, shadowedAt } from './bound-names.js';
import { ModuleMembers } from './module-members.js';
import { COMBINE_FROM_CHARS, moduleHits } from './batch-match.js';
import { mayMatch } from './match-words.js';
import { passes, WordIndex } from './text-facts.js';
import type { BatchHit } from './batch-match.js';
import type { TaintRun } from './run-taint.js';
import { OWN_STEPS, StepPool } from './taint-budget.js';
import { unguardedRoutes } from './route-guards.js';
import { markValidated, ruleSetFingerprint, wasValidated } from '../../core/validated-rules.js';

export type { CodeMatch } from './matches.js';

/** The rules of one language family, with their sources compiled. */
export interface FamilyRules {
  rules: CodeRule[];
  sources: Map<string, CompiledSources>;
  sanitizers: Matcher[];
  /** The rules' trigger and required words, found in a text with one pass. */
  words: WordIndex;
}

/** A rule set prepared for running: rules grouped by language family. */
export class PreparedRules {
  private readonly byFamily = new Map<RuleLanguage, FamilyRules>();

  constructor(readonly set: RuleSet) {
    validate(set);
    for (const family of ['javascript', 'typescript', 'python'] as const) {
      const rules = set.rules.filter((r) => r.languages.includes(family));
      this.byFamily.set(family, {
        rules,
        words: new WordIndex(rules.flatMap((r) => [...r.triggers, ...r.requires])),
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

/** What validation compiles: matchers, each with where it comes from and the languages it is used with. */
interface Check {
  where: string;
  file: string;
  langs: readonly RuleLanguage[];
  ms: readonly Matcher[];
}

function checksOf(set: RuleSet): Check[] {
  const out: Check[] = [];
  for (const r of set.rules) {
    const t = r.taint;
    const ms = [
      ...(r.match ? [r.match] : []),
      ...(t ? [...t.sinks.map((s) => s.matcher), ...t.sanitizers, ...t.guards] : []),
      ...(t ? t.guards.flatMap((g) => GUARD_BINDINGS.get(g)?.rule ?? []) : []),
    ];
    out.push({ where: `rule ${r.id}`, file: r.file, langs: r.languages, ms });
  }
  for (const s of set.sources) {
    const ms = [
      ...s.matchers,
      ...s.params.flatMap((p) => [p.function, p.param].filter((x): x is Matcher => !!x)),
    ];
    out.push({ where: `source ${s.id}`, file: s.file, langs: s.languages, ms });
  }
  for (const g of set.sanitizers)
    out.push({ where: 'sanitizers', file: 'sanitizers', langs: g.languages, ms: g.matchers });
  return out;
}

const fingerprintOf = (checks: readonly Check[]): string =>
  ruleSetFingerprint(checks.map((c) => [c.langs, c.ms]));

/** The fingerprint under which the set's validation is remembered (core/validated-rules.ts). */
export const validationFingerprint = (set: RuleSet): string => fingerprintOf(checksOf(set));

/**
 * Compiles every matcher once against each language it is used with, so a bad rule fails at load time;
 * not again for the same matchers in the same languages (see core/validated-rules.ts).
 */
function validate(set: RuleSet): void {
  const checks = checksOf(set);
  const fingerprint = fingerprintOf(checks);
  if (wasValidated(fingerprint)) return;
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
  for (const { where, file, langs, ms } of checks) {
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
  }
  markValidated(fingerprint);
}

function applies(rule: CodeRule, words: WordIndex, text: string): boolean {
  if (rule.triggers.length > 0 && !rule.triggers.some((t) => words.has(text, t))) return false;
  if (rule.requires.length > 0 && !rule.requires.some((t) => words.has(text, t))) return false;
  return rule.prefilter === undefined || passes(text, rule.prefilter);
}

/** Per-file state shared by the rules: which source labels can occur in the file or its imports. */
interface FileState {
  labels: Map<string, boolean>;
  /** The file's text and those of the modules it imports. */
  texts: string[];
}

function labelPresent(s: CompiledSources, st: FileState): boolean {
  let v = st.labels.get(s.label);
  if (v === undefined) {
    v = s.triggers === undefined || s.triggers.some((r) => st.texts.some((t) => passes(t, r)));
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

/** A taint rule applies when its trigger text occurs in the file or in a module the file imports. */
function appliesTo(rule: CodeRule, words: WordIndex, st: FileState): boolean {
  if (!rule.taint) return applies(rule, words, st.texts[0] ?? '');
  return st.texts.some((t) => applies(rule, words, t));
}

/** True when the analysis sees the file alone: no imported module, so no call into one is followed. */
function alone(view: ProjectView | undefined): boolean {
  return view === undefined || view.modules.size < 2;
}

/**
 * False when no match of the rule can occur in the text (see mayMatch): a structural rule's matcher, or
 * every sink of a taint rule. For a file seen alone, a taint rule finds only sinks of the file itself and
 * evaluates nothing without one, so a file no rule can match in need not be parsed.
 */
export function canMatch(rule: CodeRule, text: string): boolean {
  if (rule.taint) return rule.taint.sinks.some((s) => mayMatch(s.matcher, text));
  return rule.match !== undefined && mayMatch(rule.match, text);
}

/** Calls in the entry whose callee starts with a name the entry imports. */
function importCalls(view: ProjectView): SgNode[] {
  const names = view.entry.imports.names;
  if (view.modules.size < 2 || (names.size === 0 && view.entry.imports.wildcards.length === 0)) return [];
  const python = view.entry.lang.family === 'python';
  const wild = view.entry.imports.wildcards.length > 0;
  const calls = view.entry.index.callList(view.entry.root, python ? 'call' : 'call_expression');
  const out: SgNode[] = [];
  for (const { node, callee = '' } of calls) {
    let hit = (wild && /^[\w$]+$/.test(callee)) || names.has(callee);
    for (let i = callee.lastIndexOf('.'); !hit && i > 0; i = callee.lastIndexOf('.', i - 1))
      hit = names.has(callee.slice(0, i));
    if (hit) out.push(node);
  }
  return out;
}

// Nodes that end a statement's extent: a statement, a declaration, or a function body's expression.
const STATEMENT = /(?:_statement|_declaration|^expression_statement|^arrow_function)$/;

/** Where the statement that holds `node` starts (`line:column`). */
function statementOf(node: SgNode): string {
  let n: SgNode | null = node;
  while (n && !STATEMENT.test(kindOf(n))) n = n.parent();
  const r = (n ?? node).range().start;
  return `${r.line}:${r.column}`;
}

/** A route-consistency rule: the matches are route registrations; report those their siblings' guard misses. */
function runRouteGuards(rule: CodeRule, hits: readonly BatchHit[], out: CodeMatch[]): void {
  for (const u of unguardedRoutes(hits.map((h) => h.node))) {
    const vars = { sink: u.route, route: u.route, guard: u.guard, guarded: String(u.guarded) };
    const message = fill(rule.message, { ...vars, siblings: String(u.siblings) }, () => null);
    const cm = matchOf(rule, u.node, message, rule.confidence, `${u.route} ${u.guard}`);
    if (u.handlerName) cm.handlerName = u.handlerName;
    out.push(cm);
  }
}

function runMatch(rule: CodeRule, hits: readonly BatchHit[], text: string, out: CodeMatch[]): void {
  if (rule.unguardedRoute) {
    runRouteGuards(rule, hits, out);
    return;
  }
  const fixed = rule.unlessFixed;
  const regex = rule.backtracking;
  const bound = rule.boundTo;
  const names = bound && hits.length > 0 ? namesBoundTo(text, bound.modules) : undefined;
  const callee = rule.calleeIn;
  let members: ModuleMembers | undefined;
  let callers: ModuleCallers | undefined;
  const fileText = text;
  // The rule's own matches: a helper named like its sink is reviewed at the calls that build its argument.
  let own: Set<number> | undefined;
  const reviewed = (call: SgNode): boolean => (own ??= new Set(hits.map((h) => h.node.id()))).has(call.id());
  for (const { node: m, get } of hits) {
    const fn = callee && get(callee.metavar);
    if (
      fn &&
      !(members ??= new ModuleMembers(m.getRoot().root())).calls(fn, callee.modules, callee.functions)
    )
      continue;
    // Only a match that binds the metavariable is asked (a rule's other alternatives name their receivers).
    const receiver = bound && get(bound.metavar);
    if (receiver && (!names!.has(receiver.text()) || shadowedAt(m, receiver.text(), bound.modules))) continue;
    const value = fixed && get(fixed.metavar);
    const fixedBy = (lowers: boolean): boolean =>
      !!value &&
      !!fixed &&
      isFixedValue(
        value,
        (call) =>
          fixed.calls.some((c) => call.matches(c)) ||
          calleeDeclared(call, fixed.callees) ||
          (lowers && fixed.lowers.some((c) => call.matches(c))),
        (call) => fixed.through.some((c) => call.matches(c)),
        rule.profile === 'audit',
        reviewed,
      );
    if (fixedBy(false)) continue;
    // Fixed but for what the program chose to ask for (a reply of its own request): kept, at low confidence.
    const lowered = !!fixed && fixed.lowers.length > 0 && fixedBy(true);
    if (fixed?.onlyLowered === true && !lowered) continue;
    const byCallers = rule.unlessCallersFix && get(rule.unlessCallersFix.metavar);
    if (byCallers && fixedByCallers(byCallers, (callers ??= new ModuleCallers(m.getRoot().root(), fileText))))
      continue;
    let redos: string | undefined;
    if (regex) {
      const node = get(regex.metavar);
      const flags = regex.flags === undefined ? null : (get(regex.flags) ?? null);
      const verdict = node && backtrackingOf(node, flags, rule.languages.includes('python'));
      if (!verdict) continue;
      const q = (t: string): string => JSON.stringify(t.length > 24 ? `${t.slice(0, 24)}…` : t);
      redos =
        `${oneLine(verdict.part, 60)} matches ${q(verdict.pump)} in more than one way: ` +
        `${q(verdict.prefix)} + ${q(verdict.pump)} × n + ${q(verdict.suffix)} takes time doubling with n`;
    }
    const text = oneLine(m.text(), 60);
    const cm = matchOf(
      rule,
      m,
      fill(rule.message, redos === undefined ? { sink: text } : { sink: text, redos }, get),
      lowered ? 'low' : rule.confidence,
      oneLine(m.text(), 200),
    );
    const secret = rule.secret === undefined ? undefined : get(rule.secret)?.text();
    if (secret) cm.secret = secret;
    if (rule.tier === 'audit') cm.statement = statementOf(m);
    // A name another module gives: that module may bind it to constant markup (imported-fixed.ts).
    if (value && isImportedName(value)) cm.importedName = value.text();
    // A field of a module required by a relative path: that module may give it constant text (imported-members.ts).
    const member = value && fixed ? importedMemberOf(value) : undefined;
    if (member) cm.importedMember = member;
    // A call of a module an AMD factory was handed: that module's helper may escape (module-escapers.ts).
    const call = value && fixed ? moduleCallOf(value) : undefined;
    if (call) cm.moduleCall = call;
    // Fixed but for a field of what the page's own method returns: proven over its scripts (own-fields.ts).
    if (value && fixed && fixed.onlyLowered !== true && !lowered) {
      const own = fixedButOwnFields(
        value,
        (c) => fixed.calls.some((x) => c.matches(x)) || calleeDeclared(c, fixed.callees),
        (c) => fixed.through.some((x) => c.matches(x)),
        rule.profile === 'audit',
      );
      if (own) cm.ownFields = own;
      // Fixed but for parameters of the module's whole export: proven at its callers (export-callers.ts).
      const params =
        own === undefined
          ? fixedButExportParams(
              value,
              fileText,
              (c) => fixed.calls.some((x) => c.matches(x)) || calleeDeclared(c, fixed.callees),
              (c) => fixed.through.some((x) => c.matches(x)),
              rule.profile === 'audit',
            )
          : undefined;
      if (params) cm.exportParams = params;
    }
    out.push(cm);
  }
}

/**
 * Each taint rule's evaluator asks the tree for its sanitizers at its first step (FileIndex.prime): a walk
 * of the whole file per rule. In a file large enough for combined walks (COMBINE_FROM_CHARS), the sanitizers
 * of every rule that will evaluate something in it (one with a sink there, or every rule when calls into
 * imported modules are asked) are found with one walk instead. The same nodes either way: a matcher finds
 * the same nodes combined with others as alone (batch-match.ts).
 */
function primeSanitizers(
  v: ProjectView,
  taintRules: readonly CodeRule[],
  hits: ReadonlyMap<Matcher, readonly BatchHit[]>,
  run: TaintRun,
): void {
  const e = v.entry;
  if (e.text.length < COMBINE_FROM_CHARS) return;
  const asked = taintRules.filter(
    (r) => run.importCalls.length > 0 || r.taint?.sinks.some((s) => (hits.get(s.matcher)?.length ?? 0) > 0),
  );
  if (asked.length < 2) return;
  const sanitizers = [...run.sanitizers, ...asked.flatMap((r) => r.taint?.sanitizers ?? [])];
  e.index.prime(e.root, e.lang, sanitizers);
}

/** What one file produced: matches, and whether taint analysis stopped early on a budget. */
export interface FileResult {
  matches: CodeMatch[];
  truncated: boolean;
  /** False when no rule applied and the file was not even parsed. */
  parsed: boolean;
}

/**
 * Runs every applicable rule over one file, parsed once (only when a rule can apply). With `view`, the
 * file's imports are loaded (see project.ts): taint follows calls into them and findings may sit in them.
 */
export function analyzeText(
  text: string,
  lang: FileLanguage,
  rules: PreparedRules,
  only?: ReadonlySet<string>,
  view?: ProjectView,
): FileResult {
  const fam = rules.family(lang.family);
  const others = view ? [...view.modules.values()].filter((m) => m !== view.entry).map((m) => m.text) : [];
  const st: FileState = { labels: new Map(), texts: [text, ...others] };
  const active = fam.rules.filter(
    (r) => (!only || only.has(r.id)) && appliesTo(r, fam.words, st) && taintPossible(r, fam, st),
  );
  if (active.length === 0 || (alone(view) && !active.some((r) => canMatch(r, text))))
    return { matches: [], truncated: false, parsed: false };
  const v = view ?? singleModule('', text, lang);
  v.account = { file: v.account.file, own: new StepPool(OWN_STEPS) };
  const out: CodeMatch[] = [];
  const run: TaintRun = {
    view: v,
    sources: [],
    sanitizers: fam.sanitizers,
    importCalls: importCalls(v),
    truncated: false,
    sinks: [],
  };
  const taintRules = active.filter((r) => r.taint);
  run.sinks = taintRules.flatMap((r) => r.taint?.sinks.map((s) => s.matcher) ?? []);
  // The structural rules' matchers and every taint rule's sinks are found in the file with one walk.
  const own = active.flatMap((r) => (r.match && !r.taint ? [r.match] : []));
  const hits = moduleHits(v.entry, own, run.sinks);
  primeSanitizers(v, taintRules, hits, run);
  // The sources of every taint rule that can occur here: what the checks asked once for all rules read.
  const sources = [...new Set(taintRules.flatMap((r) => r.taint?.sources ?? []))]
    .map((l) => fam.sources.get(l))
    .filter((s): s is CompiledSources => !!s && labelPresent(s, st));
  if (taintRules.length > 0 && run.importCalls.length > 0)
    run.importCalls = callsCarryingTaint(v, sources, fam.sanitizers, run.importCalls);
  if (sources.length > 0) run.precheck = new TaintPrecheck(v, sources, fam.sanitizers);
  for (const rule of active) {
    if (rule.taint) {
      run.sources = rule.taint.sources
        .map((l) => fam.sources.get(l))
        .filter((s): s is CompiledSources => !!s && labelPresent(s, st));
      runTaint(rule, run, out);
    } else if (rule.match) runMatch(rule, hits.get(rule.match) ?? [], text, out);
  }
  return { matches: out, truncated: run.truncated || v.truncated, parsed: true };
}

/**
 * True when following the file's imports can matter: a source of some taint rule can occur in the text
 * and the file imports a module by a relative path (JavaScript) or imports at all (Python). A cheap text
 * test, so that most files are analysed alone and parsed only when a rule applies.
 */
export function crossFileCandidate(text: string, lang: FileLanguage, rules: PreparedRules): boolean {
  const python = lang.family === 'python';
  const imports = python ? /^\s*(?:from|import)\s+[\w.]/m : /(?:require\s*\(|from|import)\s*['"]\.\.?\//;
  if (!imports.test(text)) return false;
  const fam = rules.family(lang.family);
  const st: FileState = { labels: new Map(), texts: [text] };
  return fam.rules.some((r) => r.taint !== undefined && taintPossible(r, fam, st));
}

/** True when request data (the `http` label) can occur in the text: render calls are worth a look. */
export function requestDataPossible(text: string, lang: FileLanguage, rules: PreparedRules): boolean {
  const http = rules.family(lang.family).sources.get('http');
  return http !== undefined && labelPresent(http, { labels: new Map(), texts: [text] });
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
