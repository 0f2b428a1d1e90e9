/**
 * Rules about a whole application rather than one statement (a rule's `app`): "cookie sessions, routes that
 * change state, and no CSRF defence anywhere". The statement a rule matches (the session set-up) sits in one
 * file, while the routes and the defence may sit in any other, so the match is decided over the application's
 * files: the JavaScript/TypeScript files under the nearest folder above the file that holds a package.json
 * (or the scan root). They are read through the core, only for files where such a rule matched, once per
 * application and process; a finding is kept in one file only (the first where the rule matches, a source
 * file before a test), at its first match, so an application gets one finding, not one per route or file.
 */
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { roleFromContent, roleFromPath } from '../../core/file-role.js';
import { mayBeScript } from '../../core/script-language.js';
import { ShippedBuilds } from '../../core/shipped-build.js';
import { npmRangeAdmitsBelow } from '../deps/versions/npm-range.js';
import { isDeclarationFile, languageOf, languageOfText } from './languages.js';
import type { CodeMatch } from './matches.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import type { AppCondition, CodeRule } from './rule-schema.js';
import RE2 from 're2';

/** Bounds of the files read for one application; past them its `app` rules report nothing (with a note). */
export const APP_FILES = { files: 4000, bytes: 64 * 1024 * 1024 };

/**
 * A text without its comments as far as the text shows them: a `// TODO: CSRF` or a commented-out
 * `app.post(…)` is no defence and no route. A block comment opened at the start of a line goes to its close
 * (commented-out code inside it need not start its lines with `*`), whole lines that start a comment go, and a
 * `//` after white space with no quote after it on the line (`'http://x'` and `'a // b'` stay: telling every
 * comment from a string needs a parse).
 */
export function withoutLineComments(text: string): string {
  return withoutBlockComments(text)
    .replace(/^[ \t]*(?:\/\/|\/\*|\*).*$/gm, '')
    .replace(/^.*\/\/[^\n]*$/gm, withoutTrailingComment);
}

/**
 * The text without each block comment that opens a line (after white space), its line breaks kept; one left
 * open is left to the line rules. Searched forwards once (a file is hostile input: no backtracking).
 */
function withoutBlockComments(text: string): string {
  const opens = /^[ \t]*\/\*/gm;
  let out = '';
  let from = 0;
  for (let m = opens.exec(text); m; m = opens.exec(text)) {
    const close = text.indexOf('*/', m.index + m[0].length);
    if (close === -1) break;
    out += text.slice(from, m.index) + text.slice(m.index, close + 2).replace(/[^\n]/g, '');
    from = close + 2;
    opens.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A line without the first `//` after white space that no quote follows: searched after the line's last quote,
 * once (a pattern retried from every `//` up to a quote at the line's end was quadratic in the line's length).
 */
function withoutTrailingComment(line: string): string {
  const from = Math.max(line.lastIndexOf("'"), line.lastIndexOf('"'), line.lastIndexOf('`')) + 1;
  const at = line.slice(from).search(/\s\/\//);
  return at === -1 ? line : line.slice(0, from + at + 1);
}

/**
 * Whether the texts of an application satisfy a rule's `app` condition; `manifest` is the text of the
 * application's package.json, when it has one.
 */
export function appConditionHolds(app: AppCondition, texts: readonly string[], manifest?: string): boolean {
  if (app.unlessDependency && manifest !== undefined && declaresFrom(manifest, app.unlessDependency))
    return false;
  const code = texts.map(withoutLineComments);
  if (!app.requires.every((q) => code.some((t) => q.test(t)))) return false;
  if (app.unless && code.some((t) => app.unless!.test(t))) return false;
  return !(app.unlessNamed && namedCheck(app.unlessNamed, code));
}

const DECLARED_IN = ['dependencies', 'peerDependencies', 'devDependencies', 'optionalDependencies'];

/**
 * Whether a package.json names the package and every range it gives it admits only versions from `from` on.
 * A manifest that cannot be read, a name absent, or a declaration that is no semver range says no.
 */
export function declaresFrom(manifest: string, dep: { name: string; from: string }): boolean {
  let json: unknown;
  try {
    json = JSON.parse(manifest);
  } catch {
    return false;
  }
  if (typeof json !== 'object' || json === null) return false;
  let named = false;
  for (const field of DECLARED_IN) {
    const deps = (json as Record<string, unknown>)[field];
    if (typeof deps !== 'object' || deps === null || !Object.hasOwn(deps, dep.name)) continue;
    const range = (deps as Record<string, unknown>)[dep.name];
    if (typeof range !== 'string' || npmRangeAdmitsBelow(range, dep.from) !== false) return false;
    named = true;
  }
  return named;
}

// Words that read as names but are values: `origins: true` gives no name to look up.
const KEYWORDS = new Set(['true', 'false', 'null', 'undefined', 'this', 'new', 'function', 'async', 'await']);

/**
 * Whether some file gives a check by a name (AppCondition.unlessNamed) that no file assigns a refused value:
 * `allowed = '*:*'` or `origins: opts.origins || '*:*'` on the line that gives the name (its last member) a value.
 */
function namedCheck(named: NonNullable<AppCondition['unlessNamed']>, code: readonly string[]): boolean {
  const given = new RE2(named.regex, 'gu');
  const names = new Set<string>();
  for (const t of code) {
    given.lastIndex = 0;
    for (let m = given.exec(t); m; m = given.exec(t)) {
      const name = m.groups?.['name']?.split('.').pop()?.trim();
      if (name && !KEYWORDS.has(name)) names.add(name);
    }
  }
  for (const name of names) {
    const refused = new RE2(
      String.raw`(?:^|[^\w$])${name.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&')}\s*[:=]\s*(?:${named.refuses}|[^=\s;\n][^;\n]*?(?:${named.refuses}))`,
      'mu',
    );
    if (!code.some((t) => refused.test(t))) return true;
  }
  return false;
}

/** Whether the rule matches in a file of the application (its statement, not only its words). */
export type RuleMatchesIn = (rule: CodeRule, path: string, text: string) => boolean;

/** Whether a file's text can hold one of the rule's matches (its trigger words and prefilter). */
function canMatch(rule: CodeRule, text: string): boolean {
  if (rule.triggers.length > 0 && !rule.triggers.some((w) => text.includes(w))) return false;
  if (rule.requires.length > 0 && !rule.requires.some((w) => text.includes(w))) return false;
  return rule.prefilter === undefined || rule.prefilter.test(text);
}

/** The application folder of a file: the nearest folder above it with a package.json ('' for the root). */
export function appFolderOf(path: string, paths: ReadonlySet<string>): string {
  const parts = path.split('/').slice(0, -1);
  for (let n = parts.length; n > 0; n--) {
    const dir = parts.slice(0, n).join('/');
    if (paths.has(`${dir}/package.json`)) return dir;
  }
  return '';
}

/** Per rule: whether the condition holds over the application, and the file that reports its finding. */
interface AppVerdict {
  holds: boolean;
  reporter: string | undefined;
}

interface AppFacts {
  verdicts: Map<string, AppVerdict>;
  truncated: boolean;
}

const KEEP = 16;
const cache = new Map<string, Promise<AppFacts>>();

/**
 * Whether a file is code the application's team writes: not generated, bundled, minified or vendored. A
 * package's compiled `dist/` that is the only copy of its modules (core/shipped-build.ts) is the team's code, as
 * the scan reads it: its session set-up, routes and checks are the application's.
 */
function ownCode(path: string, text: string, builds: ShippedBuilds): boolean {
  let role = roleFromPath(path);
  const own = role === 'generated' ? builds.ownPath(path) : undefined;
  if (own !== undefined) role = roleFromPath(own);
  if (role === 'generated' || role === 'vendored') return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    text.length <= MAX_CODE_BYTES &&
    !isMinified(name, text) &&
    roleFromContent(text, path) === undefined &&
    !browserChunk(text)
  );
}

// A chunk of a webpack build for the browser opens by pushing its modules onto the page's global list
// (`(self["webpackChunkapp"] = self["webpackChunkapp"] || []).push(…)`, webpack 4's `window["webpackJsonp"]`),
// after at most comments and a `"use strict"`. A Node build loads its chunks with `require` instead, so such a
// file is code the page runs: the modules of many files (libraries included) joined, never the server's.
const BROWSER_CHUNK =
  /^(?:(["'])use strict\1;?\s*)?\(\s*(?:self|window|globalThis|this)\s*(?:\.\s*webpack(?:Chunk|Jsonp)[\w$]*|\[\s*(["'])webpack(?:Chunk|Jsonp)[\w$]*\2\s*\])\s*=/;

/**
 * True for a webpack chunk built for the browser (BROWSER_CHUNK), read at the file's start only. The leading
 * white space and comments are skipped by a forward scan, each comment to its first end (a pattern whose comment
 * could reach a later end backtracks exponentially in the number of comment ends).
 */
export function browserChunk(text: string): boolean {
  const head = text.slice(0, 4096);
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head[at]!)) at++;
    if (head.startsWith('/*', at)) {
      const end = head.indexOf('*/', at + 2);
      if (end === -1) return false;
      at = end + 2;
    } else if (head.startsWith('//', at)) {
      const end = head.indexOf('\n', at);
      if (end === -1) return false;
      at = end + 1;
    } else break;
  }
  return BROWSER_CHUNK.test(head.slice(at));
}

/** Whether a file's text is JavaScript or TypeScript: by its extension, or a script's by its `#!` line. */
function isScriptCode(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lang = languageOfText(
    name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '',
    text,
  );
  return lang !== undefined && lang.family !== 'python';
}

/** Source files before tests and examples, then shallower paths, then by name: who reports for the app. */
function reportOrder(a: string, b: string): number {
  const rank = (p: string): number => (roleFromPath(p) === 'source' ? 0 : 1);
  const depth = (p: string): number => p.split('/').length;
  return rank(a) - rank(b) || depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}

async function readFacts(
  folder: string,
  rules: readonly CodeRule[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
  matchesIn: RuleMatchesIn,
): Promise<AppFacts> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const files: string[] = [];
  for (const p of ctx.paths) {
    if (!p.startsWith(prefix) || p.includes('node_modules/')) continue;
    const name = p.slice(p.lastIndexOf('/') + 1);
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    const lang = languageOf(ext);
    // A script without an extension (Express's `bin/www`) is taken once its text shows a Node `#!` line.
    if ((lang ? lang.family !== 'python' : mayBeScript(ext)) && !isDeclarationFile(name)) files.push(p);
  }
  // The analyzed file is part of its application even where the context lists no paths (a file analysed alone).
  if (!ctx.paths.has(file.path)) files.push(file.path);
  files.sort(reportOrder);
  const facts: AppFacts = { verdicts: new Map(), truncated: files.length > APP_FILES.files };
  if (facts.truncated) return facts;
  const texts: string[] = [];
  const reporters = new Map<string, string>();
  const builds = new ShippedBuilds(ctx.paths);
  let bytes = 0;
  for (const p of files) {
    // A file that cannot be read now (removed or grown past the size limit since the walk) is left out:
    // the core reports it when it reads it, and the file analysed here keeps its own findings.
    const text = p === file.path ? file.text : await ctx.readFile(p).catch(() => undefined);
    // Code the analyzer does not read is not the application's own: a client bundle's copy of a library says
    // nothing of what the server parses or checks.
    if (text === undefined || !ownCode(p, text, builds) || !isScriptCode(p, text)) continue;
    bytes += text.length;
    if (bytes > APP_FILES.bytes) {
      facts.truncated = true;
      return facts;
    }
    texts.push(text);
    // The reporter is the first file where the rule matches: a file that only names the module (a type
    // augmentation, a store given the session module) sets nothing up, and would keep the finding from any.
    // A rule that keeps every match (`each`) has no reporter: its other files are only read.
    for (const r of rules)
      if (
        !r.app!.each &&
        !reporters.has(r.id) &&
        (p === file.path || (canMatch(r, text) && matchesIn(r, p, text)))
      )
        reporters.set(r.id, p);
  }
  // The application's package.json, read only for a rule that asks what it declares.
  const manifestPath = `${prefix}package.json`;
  const manifest =
    rules.some((r) => r.app!.unlessDependency) && ctx.paths.has(manifestPath)
      ? await ctx.readFile(manifestPath).catch(() => undefined)
      : undefined;
  for (const r of rules)
    facts.verdicts.set(r.id, {
      holds: appConditionHolds(r.app!, texts, manifest),
      reporter: reporters.get(r.id),
    });
  return facts;
}

/**
 * `matches` with those of `app` rules kept only where the application's other files say so: the condition
 * holds, this file is the one that reports for the application, and the match is the rule's first here.
 */
export async function keepAppMatches(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'root' | 'paths' | 'readFile' | 'warn'>,
  matchesIn: RuleMatchesIn,
): Promise<CodeMatch[]> {
  // A rule kept where its condition holds (`each`) asks it of the application that holds the finding, also
  // when the finding sits in another file than the one analysed (a helper given request data by a caller here):
  // a module's `obj.remove(name)` is no MongoDB filter in an application that names no MongoDB client.
  const pending = matches.filter((m) => m.rule.app && (m.path === undefined || m.rule.app.each));
  if (pending.length === 0) return matches;
  const folder = appFolderOf(file.path, ctx.paths);
  const rules = [...new Map(pending.map((m) => [m.rule.id, m.rule])).values()];
  const alone = ctx.paths.has(file.path) ? '' : file.path;
  const factsOf = (at: string, asked: readonly CodeRule[]): Promise<AppFacts> => {
    const key = `${ctx.root}\0${at}\0${alone}\0${asked.map((r) => r.id).join(',')}`;
    let facts = cache.get(key);
    if (!facts) {
      facts = readFacts(at, asked, file, ctx, matchesIn);
      cache.set(key, facts);
      if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
    }
    return facts;
  };
  const { verdicts, truncated } = await factsOf(folder, rules);
  const undecided = rules.filter((r) => !r.app!.each);
  if (truncated && undecided.length > 0) {
    ctx.warn(
      `application-wide rules (${undecided.map((r) => r.id).join(', ')}) not decided: the application under "${folder || '.'}" holds more than ${APP_FILES.files} files or ${APP_FILES.bytes / 1024 / 1024} MB of code`,
      { code: 'analysis-truncated', path: file.path },
    );
  }
  // Another application's file (a package of a monorepo the caller imports) is decided on that one's files.
  const elsewhere = new Map<string, AppFacts>();
  const each = rules.filter((r) => r.app!.each);
  for (const m of pending) {
    const at = m.path === undefined ? folder : appFolderOf(m.path, ctx.paths);
    if (at !== folder && !elsewhere.has(at)) elsewhere.set(at, await factsOf(at, each));
  }
  const first = new Map<string, CodeMatch>();
  for (const m of pending) {
    const f = first.get(m.rule.id);
    if (!f || m.line < f.line || (m.line === f.line && m.column < f.column)) first.set(m.rule.id, m);
  }
  return matches.filter((m) => {
    if (!m.rule.app || (m.path !== undefined && !m.rule.app.each)) return true;
    const other = m.path === undefined ? undefined : elsewhere.get(appFolderOf(m.path, ctx.paths));
    const v = (other?.verdicts ?? verdicts).get(m.rule.id);
    // Undecided (too large an application to read) is kept: the condition only ever withholds a finding.
    if (m.rule.app.each) return (other?.truncated ?? truncated) || v?.holds === true;
    if (truncated || !v?.holds || (v.reporter !== undefined && v.reporter !== file.path)) return false;
    return first.get(m.rule.id) === m;
  });
}

/** `load()`'s answer for the application folder `app` of one scan (its set of paths), made once and kept. */
export function perScanApp<T>(
  cache: WeakMap<ReadonlySet<string>, Map<string, T>>,
  paths: ReadonlySet<string>,
  app: string,
  load: () => T,
): T {
  let apps = cache.get(paths);
  if (!apps) cache.set(paths, (apps = new Map<string, T>()));
  if (!apps.has(app)) apps.set(app, load());
  return apps.get(app)!;
}
