import { withAsciiClasses } from './ascii-regex.js';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/errors.js';
import { parsePlainYaml } from '../../parse/yaml/plain.js';
import { CONFIDENCES, PRINCIPLES, SEVERITIES, TIERS } from '../../core/finding.js';
import type { Confidence, Principle, Severity, Tier } from '../../core/finding.js';
import { PROFILES } from '../../core/profile.js';
import type { Profile } from '../../core/profile.js';
import { RULE_LANGUAGES } from './languages.js';
import { escapeRegex } from './scope.js';
import { GUARD_POLARITY, WEAK_GUARDS } from './rule-schema.js';
import { bindingOf, GUARD_BINDINGS } from './guard-bindings.js';
import { compileTrigger } from './sources.js';
import type { TextTest } from './sources.js';
import type { RuleLanguage } from './languages.js';
import type {
  CodeRule,
  GlobalSanitizers,
  Matcher,
  ParamSourceSpec,
  RuleSet,
  SinkSpec,
  SourceSpec,
  TaintSpec,
} from './rule-schema.js';

/** The rule folder shipped with the package (`rules/code` at the package root). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../../rules/code', import.meta.url));

type Obj = Record<string, unknown>;

class Reader {
  constructor(
    readonly file: string,
    readonly where: string,
    /** The file's top-level `utils`: named rules every matcher of the file may use with `matches:`. */
    readonly fileUtils?: Obj,
  ) {}

  fail(msg: string): never {
    throw new ConfigError(`${this.file}: ${this.where}: ${msg}`, { file: this.file });
  }

  obj(v: unknown, what: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(`${what} must be a mapping`);
    return v as Obj;
  }

  str(o: Obj, key: string, fallback?: string): string {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v.trim() === '') this.fail(`"${key}" must be a non-empty string`);
    return v;
  }

  strList(o: Obj, key: string, fallback?: string[]): string[] {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string') return [v];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      this.fail(`"${key}" must be a list of strings`);
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], fallback?: T): T {
    const v = o[key] ?? fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(`"${key}" must be one of ${allowed.join(', ')}`);
    }
    return v as T;
  }

  listOf<T extends string>(o: Obj, key: string, allowed: readonly T[]): T[] {
    const v = this.strList(o, key);
    for (const x of v)
      if (!(allowed as readonly string[]).includes(x)) this.fail(`"${key}": unknown value "${x}"`);
    return v as T[];
  }

  matcher(v: unknown, what: string): Matcher {
    if (typeof v === 'string') return { rule: { pattern: v } };
    return withAsciiClasses(this.objectMatcher(v, what));
  }

  private objectMatcher(v: unknown, what: string): Matcher {
    const o = this.obj(v, what);
    const rest: Obj = { ...o };
    const { constraints, utils, rule } = o;
    for (const k of ['constraints', 'utils', 'rule', 'arg', 'from', 'to', 'boundTo']) delete rest[k];
    const r = rule === undefined ? rest : this.obj(rule, `${what}.rule`);
    if (Object.keys(r).length === 0) this.fail(`${what} needs a pattern or a rule`);
    // ast-grep validates the rule object itself when it is first used (see PreparedRules).
    const m: Matcher = { rule: r };
    if (constraints !== undefined)
      m.constraints = this.obj(constraints, `${what}.constraints`) as Matcher['constraints'];
    const own = utils === undefined ? {} : this.obj(utils, `${what}.utils`);
    const shared = referencedUtils(this.fileUtils, [r, constraints, own]);
    if (utils !== undefined || Object.keys(shared).length > 0)
      m.utils = { ...shared, ...own } as Matcher['utils'];
    return m;
  }

  matchers(v: unknown, what: string): Matcher[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(`${what} must be a list`);
    return v.map((x, i) => this.matcher(x, `${what}[${i}]`));
  }
}

/** Names used with `matches:` anywhere inside `v`. */
function matchesNames(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) matchesNames(x, out);
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'matches' && typeof x === 'string') out.add(x);
      else matchesNames(x, out);
    }
  }
}

/**
 * The file-level utils a matcher uses, directly or through other utils. Only those are attached:
 * ast-grep checks every util against the matcher's language, and a file may hold rules (and utils)
 * for several languages.
 */
function referencedUtils(fileUtils: Obj | undefined, parts: unknown[]): Obj {
  if (fileUtils === undefined) return {};
  const names = new Set<string>();
  matchesNames(parts, names);
  const out: Obj = {};
  for (const name of names) {
    if (name in out || !(name in fileUtils)) continue;
    out[name] = fileUtils[name];
    matchesNames(fileUtils[name], names);
  }
  return out;
}

function readSink(r: Reader, v: unknown, i: number): SinkSpec {
  const m = r.matcher(v, `sinks[${i}]`);
  const arg = typeof v === 'object' && v !== null ? (v as Obj)['arg'] : undefined;
  const list: unknown[] = arg === undefined ? [] : Array.isArray(arg) ? arg : [arg];
  const args = list.map((a) => {
    if (typeof a === 'number' && Number.isInteger(a) && a >= 0) return a;
    if (typeof a === 'string' && a.trim() !== '') return a.replace(/^\$+/, '');
    return r.fail(`sinks[${i}].arg must be a metavariable name, an argument index or "*"`);
  });
  const b = typeof v === 'object' && v !== null ? (v as Obj)['boundTo'] : undefined;
  if (b === undefined) return { matcher: m, args };
  const o = r.obj(b, `sinks[${i}].boundTo`);
  const metavar = r.str(o, 'metavar').replace(/^\$+/, '');
  if (!new RegExp(`\\$${escapeRegex(metavar)}(?![\\w])`).test(JSON.stringify(m)))
    r.fail(`sinks[${i}].boundTo.metavar "${metavar}" is not a metavariable of the sink`);
  const modules = r.strList(o, 'modules');
  return { matcher: namingModules(m, modules), args, boundTo: { metavar, modules } };
}

/**
 * A bound sink's matcher (`$F($$$)` matches every call) restricted to files whose text names one of its
 * modules in quotes: a whole-file clause, decided once per file (file-level.ts), whose words also keep the
 * walk out of every other file before it starts (match-words.ts). Without it the pattern walked and kept
 * every call of every file, and tripled the scan of node_modules.
 */
function namingModules(m: Matcher, modules: readonly string[]): Matcher {
  const names = modules.map(escapeRegex).join('|');
  const file = {
    inside: { stopBy: 'end' as const, kind: 'program', regex: `['"\`](?:node:)?(?:${names})['"\`]` },
  };
  return { ...m, rule: { all: [m.rule, file] } };
}

/**
 * Guards, each with an optional `polarity` (whether its truth means the value is safe, allow, or not, reject)
 * and `weak: true` (a guard with a gap, which the rule's `weakGuards` twin does not take: WEAK_GUARDS).
 */
function readGuards(r: Reader, v: unknown): Matcher[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) r.fail('taint.guards must be a list');
  return v.map((x, i) => {
    const what = `taint.guards[${i}]`;
    if (typeof x !== 'object' || x === null || !('polarity' in x || 'weak' in x || 'boundInFile' in x))
      return r.matcher(x, what);
    const { polarity, weak, boundInFile, ...rest } = x as Obj;
    if (polarity !== undefined && polarity !== 'allow' && polarity !== 'reject')
      r.fail(`${what}.polarity must be "allow" or "reject"`);
    if (weak !== undefined && weak !== true) r.fail(`${what}.weak must be true when given`);
    const m = r.matcher(rest, what);
    if (polarity !== undefined) GUARD_POLARITY.set(m, polarity);
    if (weak) WEAK_GUARDS.add(m);
    // A rule naming one of the guard's metavariables, which it binds where it matches (guard-bindings.ts).
    if (boundInFile !== undefined) {
      const b = bindingOf(m, r.matcher(boundInFile, `${what}.boundInFile`));
      if (!b) return r.fail(`${what}.boundInFile must name a metavariable of its guard`);
      GUARD_BINDINGS.set(m, b);
    }
    return m;
  });
}

/**
 * A taint rule's `weakGuards` twin: the same rule under its own id, severity, confidence and message, without
 * the guards marked `weak`, run only on files that also hold one of `requires` (the weak guards' words) and match
 * its `prefilter` when it has one. It
 * reports a flow that only a weak guard stopped; a flow no guard stops is reported by both on one line, and
 * deduplication (same class) keeps the parent's stronger finding.
 */
function readWeakTwin(r: Reader, o: Obj, rule: CodeRule): CodeRule | undefined {
  if (o['weakGuards'] === undefined) return undefined;
  const w = r.obj(o['weakGuards'], 'weakGuards');
  const taint = rule.taint;
  if (!taint) return r.fail('"weakGuards" belongs to a taint rule');
  const guards = taint.guards.filter((g) => !WEAK_GUARDS.has(g));
  if (guards.length === taint.guards.length) r.fail('"weakGuards" needs a guard marked "weak: true"');
  const id = r.str(w, 'id');
  if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/.test(id))
    r.fail('weakGuards.id must look like a rule id');
  return {
    ...rule,
    id,
    twinOf: rule.id,
    title: r.str(w, 'title'),
    description: r.str(w, 'description'),
    severity: r.oneOf<Severity>(w, 'severity', SEVERITIES),
    confidence: r.oneOf<Confidence>(w, 'confidence', CONFIDENCES),
    message: r.str(w, 'message'),
    requires: r.strList(w, 'requires'),
    // A sharper test of the file than `requires` (the weak guard written with a name, not a literal).
    ...(w['prefilter'] !== undefined
      ? { prefilter: readTrigger(rule.file, r.where, r.str(w, 'prefilter'), 'weakGuards.prefilter') }
      : {}),
    taint: { ...taint, guards },
  };
}

function readTaint(r: Reader, v: unknown): TaintSpec {
  const t = r.obj(v, 'taint');
  const sinks = t['sinks'];
  if (!Array.isArray(sinks) || sinks.length === 0) r.fail('taint.sinks must be a non-empty list');
  const props = t['propagators'];
  const propagators =
    props === undefined ? [] : Array.isArray(props) ? props : r.fail('taint.propagators must be a list');
  return {
    sources: r.strList(t, 'sources', ['http']),
    sinks: sinks.map((s, i) => readSink(r, s, i)),
    sanitizers: r.matchers(t['sanitizers'], 'taint.sanitizers'),
    guards: readGuards(r, t['guards']),
    propagators: propagators.map((p, i) => {
      const o = r.obj(p, `taint.propagators[${i}]`);
      return { matcher: r.matcher(o, `taint.propagators[${i}]`), from: r.str(o, 'from'), to: r.str(o, 'to') };
    }),
  };
}

/** `code/py-sql-injection` → `sql-injection`. */
function defaultClass(id: string): string {
  return id.replace(/^[^/]+\//, '').replace(/^(js|py|ts)-/, '');
}

/** Tiers are a promise to the reader of a finding: only a taint rule proves a flow. */
function checkTier(r: Reader, rule: CodeRule): void {
  if (rule.taint && rule.tier !== 'taint') r.fail('a taint rule has tier "taint"');
  if (rule.match && rule.tier === 'taint') r.fail('tier "taint" needs a "taint" section');
  if (rule.tier === 'audit' && rule.confidence === 'high')
    r.fail('an audit rule proves no flow: its confidence is medium or low');
  if (rule.secret !== undefined && !rule.match) r.fail('"secret" names a metavariable of "match"');
  if (rule.backtracking && !rule.match) r.fail('"backtracking" belongs to a "match" rule');
  if (rule.boundTo && !rule.match) r.fail('"boundTo" belongs to a "match" rule');
  if (rule.calleeIn && (!rule.match || rule.languages.includes('python')))
    r.fail('"calleeIn" belongs to a "match" rule for javascript/typescript');
  // An audit-profile finding is a lead, not a proof: it may not claim more than that. A taint rule may be one
  // when what its flow reaches is itself only a lead (js-prototype-key-write: a request's key written one level
  // deep, which never reaches Object.prototype), or when none of its findings on real applications was a
  // weakness (js-prototype-pollution: what made each false is what no shape shows).
  if (rule.profile === 'audit' && (rule.tier === 'pattern' || rule.confidence !== 'low'))
    r.fail('a rule of the audit profile has tier "audit" (or "taint") and confidence "low"');
  if (rule.profile === 'audit' && !['low', 'medium'].includes(rule.severity))
    r.fail('a rule of the audit profile has severity low or medium');
  if (rule.unguardedRoute && (!rule.match || rule.languages.includes('python')))
    r.fail('"unguardedRoute" belongs to a "match" rule for javascript/typescript');
  // A taint rule may keep every match where the application says so (`each`), never one per application.
  if (rule.app && ((!rule.match && !rule.app.each) || rule.languages.includes('python')))
    r.fail('"app" belongs to a "match" rule for javascript/typescript (or, with "each", a taint rule)');
  if (rule.unlessFixed && (!rule.match || rule.languages.includes('python')))
    r.fail('"unlessFixed" belongs to a "match" rule for javascript/typescript');
  if (rule.unlessCallersFix && (!rule.match || rule.languages.some((l) => l !== 'python')))
    r.fail('"unlessCallersFix" belongs to a "match" rule for python');
}

/** A rule, and its `weakGuards` twin when it has one. */
function readRule(file: string, v: unknown, i: number, utils?: Obj): CodeRule[] {
  const pre = new Reader(file, `rules[${i}]`);
  const o = pre.obj(v, 'rule');
  const id = pre.str(o, 'id');
  const r = new Reader(file, id, utils);
  if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/.test(id))
    r.fail('id must look like "code/js-sql-injection"');
  const cwe = o['cwe'];
  if (!Array.isArray(cwe) || !cwe.every((c) => Number.isInteger(c)))
    r.fail('"cwe" must be a list of numbers');
  const rule: CodeRule = {
    id,
    title: r.str(o, 'title'),
    description: r.str(o, 'description'),
    languages: r.listOf<RuleLanguage>(o, 'languages', RULE_LANGUAGES),
    severity: r.oneOf<Severity>(o, 'severity', SEVERITIES),
    confidence: r.oneOf<Confidence>(o, 'confidence', CONFIDENCES),
    cwe: cwe as number[],
    principles: r.listOf<Principle>(o, 'principles', PRINCIPLES),
    message: r.str(o, 'message'),
    remediation: r.str(o, 'remediation'),
    triggers: r.strList(o, 'triggers', []),
    requires: r.strList(o, 'requires', []),
    tier: r.oneOf<Tier>(o, 'tier', TIERS, o['taint'] !== undefined ? 'taint' : 'pattern'),
    profile: r.oneOf<Profile>(o, 'profile', PROFILES, 'default'),
    class: r.str(o, 'class', defaultClass(id)),
    file,
  };
  if (o['prefilter'] !== undefined)
    rule.prefilter = readTrigger(file, r.where, r.str(o, 'prefilter'), 'prefilter');
  if (o['secret'] !== undefined) rule.secret = r.str(o, 'secret').replace(/^\$+/, '');
  if (o['unlessFixed'] !== undefined) {
    const u = r.obj(o['unlessFixed'], 'unlessFixed');
    rule.unlessFixed = {
      metavar: r.str(u, 'metavar').replace(/^\$+/, ''),
      calls: r.matchers(u['calls'], 'unlessFixed.calls'),
      through: r.matchers(u['through'], 'unlessFixed.through'),
      callees: r.matchers(u['callees'], 'unlessFixed.callees'),
      lowers: r.matchers(u['lowers'], 'unlessFixed.lowers'),
    };
    if (u['onlyLowered'] !== undefined) {
      if (u['onlyLowered'] !== true) r.fail('unlessFixed.onlyLowered must be true when given');
      if (rule.unlessFixed.lowers.length === 0) r.fail('unlessFixed.onlyLowered needs unlessFixed.lowers');
      rule.unlessFixed.onlyLowered = true;
    }
  }
  if (o['unlessCallersFix'] !== undefined) {
    const u = r.obj(o['unlessCallersFix'], 'unlessCallersFix');
    rule.unlessCallersFix = { metavar: r.str(u, 'metavar').replace(/^\$+/, '') };
  }
  if (o['backtracking'] !== undefined) {
    const b = r.obj(o['backtracking'], 'backtracking');
    rule.backtracking = { metavar: r.str(b, 'metavar').replace(/^\$+/, '') };
    if (b['flags'] !== undefined) rule.backtracking.flags = r.str(b, 'flags').replace(/^\$+/, '');
  }
  if (o['boundTo'] !== undefined) {
    const b = r.obj(o['boundTo'], 'boundTo');
    rule.boundTo = { metavar: r.str(b, 'metavar').replace(/^\$+/, ''), modules: r.strList(b, 'modules') };
  }
  if (o['calleeIn'] !== undefined) {
    const c = r.obj(o['calleeIn'], 'calleeIn');
    rule.calleeIn = {
      metavar: r.str(c, 'metavar').replace(/^\$+/, ''),
      modules: r.strList(c, 'modules'),
      functions: r.strList(c, 'functions'),
    };
    // A name the match never binds would leave every match unchecked, silently.
    const bound = new RegExp(`\\$${escapeRegex(rule.calleeIn.metavar)}(?![\\w])`);
    if (!bound.test(JSON.stringify([o['match'], utils ?? null])))
      r.fail(`calleeIn.metavar "${rule.calleeIn.metavar}" is not a metavariable of "match"`);
  }
  if (o['app'] !== undefined) {
    const a = r.obj(o['app'], 'app');
    const requires = typeof a['requires'] === 'string' ? [a['requires']] : r.strList(a, 'requires', []);
    rule.app = { requires: requires.map((q, i) => readTrigger(file, r.where, q, `app.requires[${i}]`)) };
    if (a['unless'] !== undefined)
      rule.app.unless = readTrigger(file, r.where, r.str(a, 'unless'), 'app.unless');
    if (a['unlessNamed'] !== undefined) {
      const n = r.obj(a['unlessNamed'], 'app.unlessNamed');
      rule.app.unlessNamed = { regex: r.str(n, 'regex'), refuses: r.str(n, 'refuses') };
      readTrigger(file, r.where, rule.app.unlessNamed.regex, 'app.unlessNamed.regex');
      readTrigger(file, r.where, rule.app.unlessNamed.refuses, 'app.unlessNamed.refuses');
      if (!rule.app.unlessNamed.regex.includes('(?P<name>'))
        r.fail('app.unlessNamed.regex must capture the name as (?P<name>…)');
    }
    if (a['unlessDependency'] !== undefined) {
      const d = r.obj(a['unlessDependency'], 'app.unlessDependency');
      rule.app.unlessDependency = { name: r.str(d, 'name'), from: r.str(d, 'from') };
      if (!/^\d{1,6}\.\d{1,6}\.\d{1,6}$/.test(rule.app.unlessDependency.from))
        r.fail('app.unlessDependency.from must be a release version (5.0.0)');
    }
    if (a['each'] !== undefined) {
      if (typeof a['each'] !== 'boolean') r.fail('"app.each" must be true or false');
      if (a['each']) rule.app.each = true;
    }
  }
  if (o['unguardedRoute'] !== undefined) {
    if (typeof o['unguardedRoute'] !== 'boolean') r.fail('"unguardedRoute" must be true or false');
    if (o['unguardedRoute']) rule.unguardedRoute = true;
  }
  if (o['owasp'] !== undefined) rule.owasp = r.strList(o, 'owasp');
  if (o['match'] !== undefined) rule.match = r.matcher(o['match'], 'match');
  if (o['taint'] !== undefined) rule.taint = readTaint(r, o['taint']);
  if ((rule.match === undefined) === (rule.taint === undefined))
    r.fail('a rule needs exactly one of "match" or "taint"');
  checkTier(r, rule);
  const twin = readWeakTwin(r, o, rule);
  return twin ? [rule, twin] : [rule];
}

function readParamSource(r: Reader, v: unknown, i: number): ParamSourceSpec {
  const o = r.obj(v, `params[${i}]`);
  const which = o['which'] ?? 'all';
  if (which !== 'all' && !(Array.isArray(which) && which.every((n) => Number.isInteger(n)))) {
    r.fail(`params[${i}].which must be "all" or a list of indexes`);
  }
  const spec: ParamSourceSpec = {
    which: which as number[] | 'all',
    except: r.strList(o, 'except', []),
    requestObject: o['requestObject'] === true,
  };
  if (o['bound'] === true) spec.bound = true;
  if (o['routeTemplate'] === true) spec.routeTemplate = true;
  if (o['function'] !== undefined) spec.function = r.matcher(o['function'], `params[${i}].function`);
  if (o['param'] !== undefined) spec.param = r.matcher(o['param'], `params[${i}].param`);
  if (!spec.function && !spec.param) r.fail(`params[${i}] needs "function" or "param"`);
  return spec;
}

function readParams(r: Reader, v: unknown): ParamSourceSpec[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) r.fail('params must be a list');
  return v.map((p, j) => readParamSource(r, p, j));
}

/** A text regex of a rule file, compiled for the linear-time engine (re2). */
function readTrigger(file: string, where: string, source: string, what: string): TextTest {
  try {
    return compileTrigger(source);
  } catch (err) {
    throw new ConfigError(
      `${file}: ${where}: ${what} regex ${JSON.stringify(source)} is not accepted: ${what}s run on the linear-time engine (re2), which has no backreferences or lookaround (${(err as Error).message})`,
      { file },
      { cause: err },
    );
  }
}

function readSource(file: string, v: unknown, i: number): SourceSpec {
  const pre = new Reader(file, `sources[${i}]`);
  const o = pre.obj(v, 'source');
  const r = new Reader(file, pre.str(o, 'id'));
  for (const t of r.strList(o, 'triggers', [])) {
    readTrigger(file, r.where, t, 'trigger');
  }
  const params = o['params'];
  return {
    id: r.str(o, 'id'),
    label: r.str(o, 'label'),
    languages: r.listOf<RuleLanguage>(o, 'languages', RULE_LANGUAGES),
    paths: r.strList(o, 'paths', []),
    calls: r.strList(o, 'calls', []),
    matchers: r.matchers(o['matchers'], 'matchers'),
    params: readParams(r, params),
    triggers: r.strList(o, 'triggers', []),
    file,
  };
}

/** The YAML of a rule or utils file (a ConfigError naming the file when it is not YAML). */
export function readRuleYaml(file: string, text: string): unknown {
  try {
    // Custom rule folders come from the scanned repository: the shared module bounds aliases.
    return parsePlainYaml(text).value;
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML: ${(err as Error).message}`, { file }, { cause: err });
  }
}

/**
 * Parses one rule file's text (rules, sources and global sanitizers may share a file). `shared` are
 * the folder's shared utils; a file may not define a util of the same name (one name, one meaning).
 */
export function parseRuleFile(file: string, text: string, shared?: Obj): RuleSet {
  const doc = readRuleYaml(file, text);
  const r = new Reader(file, 'top level');
  const o = r.obj(doc ?? {}, 'the file');
  const list = (k: string): unknown[] => {
    const v = o[k];
    if (v === undefined) return [];
    return Array.isArray(v) ? (v as unknown[]) : r.fail(`"${k}" must be a list`);
  };
  const own = o['utils'] === undefined ? undefined : r.obj(o['utils'], 'utils');
  const clash = own && shared ? Object.keys(own).find((k) => k in shared) : undefined;
  if (clash !== undefined) r.fail(`util "${clash}" is also defined in the folder's shared utils`);
  const utils = shared && Object.keys(shared).length > 0 ? { ...shared, ...own } : own;
  return {
    rules: list('rules').flatMap((v, i) => readRule(file, v, i, utils)),
    sources: list('sources').map((v, i) => readSource(file, v, i)),
    sanitizers: list('sanitizers').map((v, i): GlobalSanitizers => {
      const s = new Reader(file, `sanitizers[${i}]`);
      const so = s.obj(v, 'sanitizer group');
      return {
        languages: s.listOf<RuleLanguage>(so, 'languages', RULE_LANGUAGES),
        matchers: s.matchers(so['matchers'], 'matchers'),
      };
    }),
  };
}
