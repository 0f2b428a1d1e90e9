import type { TextTest } from './sources.js';
import type { NapiConfig } from '@ast-grep/napi';
import type { Confidence, Principle, Severity, Tier } from '../../core/finding.js';
import type { RuleLanguage } from './languages.js';
import type { Profile } from '../../core/profile.js';

/** An ast-grep matcher: a pattern string, or a full rule object with constraints (ast-grep YAML syntax). */
export type Matcher = NapiConfig;

/**
 * A taint guard's polarity, from its rule's `polarity:`: `allow` when the check being true means the
 * value is safe (`allowed.has(x)`), `reject` when it means the value is dangerous (`x.includes('..')`).
 * A guard without one protects on either side of its `if`, as the rule cannot say which is safe.
 */
export const GUARD_POLARITY = new WeakMap<Matcher, 'allow' | 'reject'>();

/**
 * Guards marked `weak: true`: they stop their rule, but leave a gap (`p.startsWith(root)` with no separator
 * after `root` lets `/srv/www-private` pass for `/srv/www`). The rule's `weakGuards` twin runs without them and
 * reports, at its own severity and with its own message, what only they stopped.
 */
export const WEAK_GUARDS = new WeakSet<Matcher>();

/**
 * A sink: where a tainted value must not arrive. `args` says which value is dangerous: a metavariable
 * name (without `$`), a positional argument index of the matched call, or `*` for every argument.
 */
export interface SinkSpec {
  matcher: Matcher;
  /** The whole match is checked when empty. */
  args: (string | number)[];
  /**
   * A match is a sink only when this metavariable's text is a name the module binds to one of `modules` by
   * `require` or a default/namespace import (`read-torrent` given to `require` and bound to `readTorrent`,
   * bound-names.ts):
   * a library whose default export fetches what it is given, whatever the file calls it.
   */
  boundTo?: { metavar: string; modules: string[] };
}

/** The taint part of a rule: sources by label, sinks, sanitizers, guards and extra propagators. */
export interface TaintSpec {
  /** Source labels from the sources files (`http`, `dom`, `cli`, `env`, ...); default `[http]`. */
  sources: string[];
  sinks: SinkSpec[];
  /** A value matching one of these is clean (for example `escape($X)`). */
  sanitizers: Matcher[];
  /**
   * Conditions that clean a variable for the code after or inside them, written with `$X` for the
   * variable (for example `$X.startsWith($BASE)`).
   */
  guards: Matcher[];
  /** Calls that copy taint from their argument `from` into the receiver/first argument `to`. */
  propagators: { matcher: Matcher; from: string; to: string }[];
}

/** One rule as loaded from YAML. */
export interface CodeRule {
  id: string;
  title: string;
  description: string;
  languages: RuleLanguage[];
  severity: Severity;
  confidence: Confidence;
  cwe: number[];
  owasp?: string[];
  principles: Principle[];
  /** Message template: `{source}`, `{sink}`, `{path}`, and `{$VAR}` for metavariables. */
  message: string;
  remediation: string;
  /** Cheap prefilter: the rule runs only on files whose text contains one of these strings. */
  triggers: string[];
  /** When given, the file must also contain one of these strings. */
  requires: string[];
  /**
   * When given, a regex (re2: linear time) the file's text must match as well: a sharper prefilter than
   * `triggers` for rules whose trigger words are common in prose (`execute`, `random`, `DES`), so that a
   * file is parsed only when a match is possible.
   */
  prefilter?: TextTest;
  /**
   * A `weakGuards` twin's parent rule. Its prefilter is a scope, not only a saving: where it fails, a flow the
   * twin would report is one the parent reports on the same line (no weak guard is there to tell them apart).
   */
  twinOf?: string;
  /** Structural rule: every match is a finding. */
  match?: Matcher;
  taint?: TaintSpec;
  /**
   * `taint` for taint rules; `pattern` (default) or `audit` for structural rules. An audit rule reports a
   * dangerous sink whose input is not a constant without proving where it comes from, so it may not
   * claim high confidence.
   */
  tier: Tier;
  /**
   * Which scans run the rule: `default` (every scan) or `audit` (only `--profile audit`: a lead for a review,
   * a dangerous API given a value that is not fixed, nothing known of where it comes from).
   */
  profile: Profile;
  /**
   * A match is kept only when this metavariable (a callee) is one of `functions` of one of `modules`, however
   * the file reaches it: `fs.readFile`, `require('node:fs').readFile`, `fsp.readFile` with `fsp` from
   * `fs/promises` or `fs.promises`, a destructured or renamed import (module-members.ts).
   */
  calleeIn?: { metavar: string; modules: string[]; functions: string[] };
  /**
   * The weakness class (`sql-injection`, `weak-hash`): findings of one class on one line are one problem,
   * reported once by the strongest rule. Defaults to the id without namespace and `js-`/`py-` prefix.
   */
  class: string;
  /** A metavariable (without `$`) whose text is a secret: masked in every field of the finding. */
  secret?: string;
  /**
   * A structural JavaScript/TypeScript rule reports nothing when this metavariable's value is fixed by the
   * program text (literals, `const` names bound to them, … see fixed-value.ts); `calls` match calls whose
   * result counts as fixed text too (a translation lookup or a template render for HTML; a callback such a
   * call is given receives fixed text), `through` calls whose result is fixed when every argument is
   * (`translator.unescape(html)`, `$(markup)`). `calls` may match other expressions too (`__dirname`,
   * `import.meta.url`): their value is then fixed as well. `lowers` match expressions whose value is not the
   * program's own but comes from where the program itself chose to ask (the whole reply of a request the page
   * makes to a URL it does not fix): a match whose value is fixed once these count as fixed is reported at low
   * confidence instead of the rule's, since whether that place can hold an attacker's text is not in the code.
   * With `onlyLowered`, the rule reports only those matches (an audit-profile rule taking over the shape a
   * default rule counts as fixed: js-audit-xss-reply).
   */
  unlessFixed?: {
    metavar: string;
    calls: Matcher[];
    through: Matcher[];
    callees: Matcher[];
    lowers: Matcher[];
    onlyLowered?: boolean;
  };
  /**
   * A structural rule reports a match only when this metavariable holds a regular expression (a regex
   * literal, or a string given to `RegExp`/`re.compile`, with its flags in `flags`) that can take
   * exponential time to fail (redos.ts); `{redos}` in the message says which part and why.
   */
  backtracking?: { metavar: string; flags?: string };
  /**
   * A structural Python rule reports nothing when every name this metavariable's value reads is a parameter
   * of the function around it that each of the module's calls fills with a constant, for a function no other
   * module calls (a private name, or a command-line script's helper; py-caller-constants.ts).
   */
  unlessCallersFix?: { metavar: string };
  /**
   * A match is kept only when this metavariable's text is a name the file binds to one of `modules`
   * by `require` or as a default or namespace import (bound-names.ts).
   */
  boundTo?: { metavar: string; modules: string[] };
  /**
   * A structural rule about the whole application (the JavaScript/TypeScript files of the package that
   * holds the file): a match is kept only when each of `requires` is matched by some file of the application
   * and none matches `unless`, and it is reported once per application (app-scope.ts).
   */
  app?: AppCondition;
  /**
   * The rule's matches are route registrations (`router.post('/x', …handlers)`); only those that lack the
   * authentication middleware most of their sibling routes share are reported (route-guards.ts). The message
   * may say `{route}`, `{guard}`, `{guarded}` (how many siblings use it) and `{siblings}`.
   */
  unguardedRoute?: boolean;
  /** Where the rule was loaded from (for `rules show` and error messages). */
  file: string;
}

/** What the rest of the application must say for an `app` rule's match to be kept. */
export interface AppCondition {
  /** Each of these is matched by some file of the application (re2). */
  requires: TextTest[];
  /** No file of the application matches (re2). */
  unless?: TextTest;
  /**
   * A check the application gives by name (`io.set('origins', allowed)`): `regex` (re2) captures the name as
   * `(?P<name>…)`. Such a check counts, as `unless` does, unless the application gives the name (its last
   * member: `allowed`, `config.origins` → `origins`) a value `refuses` (re2) finds on the line that assigns it
   * (`allowed = '*:*'`, `origins: process.env.ORIGINS || '*:*'`): the name holds what is no check.
   */
  unlessNamed?: { regex: string; refuses: string };
  /**
   * The application's package.json (its folder's) declares the package `name`, and every range it gives it
   * (dependencies, peer and dev dependencies) admits only versions from `from` (a release, `5.0.0`) on: what the
   * program runs is that line or later (Express 5 passes an async handler's rejection to `next`). A manifest
   * that does not name the package, or names it by a tag, an alias or a URL, says nothing: the match is kept.
   */
  unlessDependency?: { name: string; from: string };
  /**
   * Every match is kept where the condition holds (a taint rule whose sink means something only in some
   * applications: a MongoDB filter where the application names a MongoDB client), not one per application.
   * The application's other files are only read, never analysed; past the bounds the matches are kept.
   */
  each?: boolean;
}

/** A family of taint sources for one language family. */
export interface SourceSpec {
  id: string;
  label: string;
  languages: RuleLanguage[];
  /**
   * Access paths whose value is attacker-controlled, dotted, `*` for any name and `(a|b)` for
   * alternatives: `(req|request).query` taints `req.query.id` and `const { id } = req.query`.
   */
  paths: string[];
  /** Calls whose result is attacker-controlled, by callee path (for example `request.get_json`). */
  calls: string[];
  /** Structural sources (ast-grep), for parameters decorated as request data and the like. */
  matchers: Matcher[];
  /** Parameters of functions matching these are attacker-controlled (route handlers, decorated params). */
  params: ParamSourceSpec[];
  /**
   * Regexes over the file text; when none matches, the source cannot occur in the file and taint rules
   * using only such sources are skipped. Derived from `paths` and `calls` when omitted.
   */
  triggers: string[];
  file: string;
}

/** Marks function parameters as sources. */
export interface ParamSourceSpec {
  /** The function node matches this (for example: a callback given to `app.get`). */
  function?: Matcher;
  /** The parameter node matches this (for example: decorated with `@Body()`). */
  param?: Matcher;
  /** Which parameters: indexes, or `all`; names listed in `except` stay clean. */
  which: number[] | 'all';
  except: string[];
  /** Treat the parameter as a request object (its `.query`, `.body`, ... are sources) instead of as data. */
  requestObject: boolean;
  /**
   * The function is registered as `f.bind(thisArg, a, …)`: the parameters the file's binds fix are not
   * sources, and `which` counts from the first parameter after them (bound-calls.ts).
   */
  bound?: boolean;
  /**
   * A werkzeug-style route (`@app.route('/<db>/x')`): a parameter its template does not name, in a function
   * that lacks one of the parts the template names, was put there by a decorator that took that part
   * (route-template-params.ts) and is not a source.
   */
  routeTemplate?: boolean;
}

/** Sanitizers every taint rule of a language honours (type coercions and the like). */
export interface GlobalSanitizers {
  languages: RuleLanguage[];
  matchers: Matcher[];
}

/** Everything loaded from one or more rule folders. */
export interface RuleSet {
  rules: CodeRule[];
  sources: SourceSpec[];
  sanitizers: GlobalSanitizers[];
}
