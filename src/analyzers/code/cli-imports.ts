/**
 * The modules of a command-line program. A rule that leaves out command-line programs (its matcher uses the
 * `cli-program` util: a `#!` line or a read of `process.argv`, and no network input) decides that on one file,
 * but a program is rarely one file: `bin/tool.js` parses the options and hands them to `lib/install.js`, whose
 * `execSync(\`useradd ${user}\`)` runs for the person who started the tool as surely as a command in the entry
 * would. Such a match is left out too when the module is the program's alone:
 * - the program's entries are the application's `#!` scripts and its package.json `bin` targets that serve
 *   nobody (no server, route, request object, socket handler or standard input: SERVES);
 * - the module is reached from an entry through imports of modules that serve nobody, and everything in the
 *   application that imports it is such an entry or such a module (a module the server imports as well is the
 *   server's, also when it imports the module by a path not written relative, an alias or a path built at run
 *   time, whose last name is the module's: a `require` of `path.join(__dirname, 'lib', 'run')` is taken as
 *   `lib/run.js`);
 * - the module itself takes no network input, as the util asks of a one-file program (checked by the rule's own
 *   util on the module's text as if it opened with a `#!` line).
 * A module the package keeps where its command-line tools live (a `bin/` or `cli/` folder, a `cli.js` or
 * `*-cli.js`; npm's convention for executables) is taken as such an entry by its place, also when it starts the
 * tool's server, probes a port, asks its invoker to confirm at the terminal or fetches (a tool that updates
 * itself): unless it handles requests itself (a request object, a route, a socket's or queue's messages:
 * HANDLES), what it runs is its invoker's. A `cgi-bin/` folder is not one.
 * What it gives up, as the one-file rule does: a program another program calls with untrusted arguments, and a
 * reply an entry fetched and passed down (the entry's own outgoing requests are allowed: it runs them for its
 * invoker, from the invoker's settings); for a tool's module by its place, also a reply it fetched itself.
 */
import { parse } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { appFolderOf, APP_FILES } from './app-scope.js';
import { resolveJs } from './imports.js';
import { isDeclarationFile, languageOf, languageOfText } from './languages.js';
import type { CodeMatch } from './matches.js';
import type { CodeRule } from './rule-schema.js';

const CLI_UTIL = 'cli-program';

/** Input from other people: a server, a route, a request object, a socket's handlers, standard input. */
const SERVES =
  /\bcreateServer\b|\.listen\(|\bexpress\(|\bfastify\(|\bnew\s+Koa\b|\b(?:app|router)\.(?:get|post|put|delete|patch|all|use)\(|\b(?:req|request|ctx)\.(?:query|body|params|headers|cookies|url)\b|\bsocket\.on\(|\bio\.on\(|\bprocess\.stdin\b|(?:require\(|from\s+)['"](?:node:)?(?:net|dgram|ws|socket\.io|express|koa|fastify|hapi|@hapi\/hapi)['"]/;

/** Where a package keeps its command-line tools: a `bin/` or `cli/` folder, a file named `cli` or `…-cli`. */
const TOOL_PLACE = /(?:^|\/)(?:bin|cli)\/|(?:^|\/|[-_])cli\.[cm]?[jt]sx?$/i;

/** Input a module handles itself: a request object, a route, a socket's or a queue's messages. */
const HANDLES =
  /\b(?:req|request|ctx)\.(?:query|body|params|headers|cookies|url)\b|\b(?:app|router)\.(?:get|post|put|delete|patch|all|use)\(|\bsocket\.on\(|\bio\.on\(|\.on\(\s*['"](?:request|connection|message)['"]|\.(?:consume|subscribe)\(|(?:require\(|from\s+)['"](?:node:)?(?:ws|socket\.io|express|koa|fastify|hapi|@hapi\/hapi|amqplib|kafkajs|mqtt|nats)['"]/;

/** A module of a command-line tool by its place in the package (`path` relative to the application). */
function toolByPlace(path: string, text: string): boolean {
  return TOOL_PLACE.test(path) && !HANDLES.test(text);
}

/** A module of a command-line tool by its place in its application's package (`path` as scanned). */
export function commandLineToolByPlace(file: SourceFile, paths: ReadonlySet<string>): boolean {
  const folder = appFolderOf(file.path, paths);
  return toolByPlace(file.path.slice(folder === '' ? 0 : folder.length + 1), file.text);
}

// A script Node runs (`#!/usr/bin/env node`, also with flags or through ts-node/tsx), not a shell script.
const NODE_SCRIPT = /^#![^\n]*\b(?:node|nodejs|ts-node|tsx|bun|deno)\b/;

/** Relative imports: `require('./x')`, `import … from '../x.js'`, `import('./x')`, `export … from './x'`. */
const RELATIVE_IMPORT = /(?:\brequire\(\s*|\bimport\(\s*|\bfrom\s+|^\s*import\s+)['"](\.\.?\/[^'"\n]+)['"]/gm;

/**
 * Imports not written as a relative path, which `resolveJs` does not follow: an alias (`@/lib/run` after
 * `from`, `src/lib/run` given to `require`) or a path built at run time (a `require` of
 * `path.join(__dirname, 'lib', 'run')`). Group 1 is a call's arguments (one level of nested calls), group 2 a
 * `from` clause's specifier.
 */
const OTHER_IMPORT = /\b(?:require|import)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)|\bfrom\s+(['"][^'"\n]+['"])/g;
const QUOTED = /['"`]([^'"`\n]+)['"`]/g;

/**
 * The last names of what a file imports other than by a relative path (`run` of `'@/lib/run'` or of
 * `path.join(__dirname, 'lib', 'run')`): a module of the same name may be the one imported. A single written
 * specifier without a `/` is a package (`debug` given to `require`), not a module of the application.
 */
function otherImportNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(OTHER_IMPORT)) {
    const args = m[1] ?? m[2]!;
    const single = /^\s*(['"])[^'"\n]*\1\s*$/.test(args);
    for (const q of args.matchAll(QUOTED)) {
      const spec = q[1]!;
      if (spec.startsWith('.') || (single && !spec.includes('/'))) continue;
      const name = spec.slice(spec.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]sx?$/, '');
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/** The names a module may be imported by: its file name without extension, or its folder's for an index. */
function moduleName(path: string): string {
  const parts = path.replace(/\.[^./]+$/, '').split('/');
  const last = parts.pop() ?? '';
  return last === 'index' && parts.length > 0 ? parts.pop()! : last;
}

/** Whether a rule leaves out command-line programs (its matcher uses the util). */
export function exemptsCommandLine(rule: CodeRule): boolean {
  const utils = rule.match && typeof rule.match === 'object' ? rule.match.utils : undefined;
  return utils !== undefined && CLI_UTIL in utils;
}

/** The entries of an application's package.json `bin` (a string or an object of names), relative to the root. */
function binTargets(folder: string, manifest: string | undefined): string[] {
  if (manifest === undefined) return [];
  let bin: unknown;
  try {
    bin = (JSON.parse(manifest) as { bin?: unknown }).bin;
  } catch (err) {
    // A manifest that is not JSON names no entries; the deps analyzer reports it.
    void err;
    return [];
  }
  const targets = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin) : [];
  const at = folder === '' ? '' : `${folder}/`;
  return targets.filter((t): t is string => typeof t === 'string').map((t) => at + t.replace(/^\.\//, ''));
}

/**
 * The modules of the application's command-line programs (entries included): reached from an entry, and
 * imported only by such modules. Undefined when the application is past the bounds of what is read.
 */
async function programModules(
  folder: string,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<Set<string> | undefined> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const files = [...ctx.paths].filter((p) => {
    if (!p.startsWith(prefix) || p.includes('node_modules/')) return false;
    const name = p.slice(p.lastIndexOf('/') + 1);
    return (
      !isDeclarationFile(name) &&
      (languageOf(name.slice(name.lastIndexOf('.') + 1)) !== undefined || !name.includes('.'))
    );
  });
  if (files.length > APP_FILES.files) return undefined;
  const bins = new Set(binTargets(folder, await ctx.readFile(`${prefix}package.json`)));
  const imports = new Map<string, string[]>();
  const importers = new Map<string, string[]>();
  const serving = new Set<string>();
  const entries: string[] = [];
  const otherImports = new Map<string, Set<string>>();
  let bytes = 0;
  for (const p of files) {
    const text = await ctx.readFile(p).catch(() => undefined);
    if (text === undefined) continue;
    bytes += text.length;
    if (bytes > APP_FILES.bytes) return undefined;
    if (toolByPlace(p.slice(prefix.length), text)) entries.push(p);
    else if (SERVES.test(text)) serving.add(p);
    else if (NODE_SCRIPT.test(text) || bins.has(p)) entries.push(p);
    const to: string[] = [];
    for (const m of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveJs(p, m[1]!, (c) => ctx.paths.has(c));
      if (target === undefined || target === p) continue;
      to.push(target);
      const by = importers.get(target);
      if (by) by.push(p);
      else importers.set(target, [p]);
    }
    imports.set(p, to);
    otherImports.set(p, otherImportNames(text));
  }
  // Reached from an entry through modules that serve nobody.
  const program = new Set<string>();
  const queue = [...entries];
  for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
    if (program.has(p) || serving.has(p)) continue;
    program.add(p);
    queue.push(...(imports.get(p) ?? []));
  }
  // Less every module something outside the program imports, until none is left: by a relative path, or by
  // another path that ends in its name (an alias, a path built at run time), which is taken as it.
  const namedOutside = (p: string): boolean => {
    const name = moduleName(p);
    for (const [file, names] of otherImports) if (!program.has(file) && names.has(name)) return true;
    return false;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const p of program)
      if ((importers.get(p) ?? []).some((i) => !program.has(i)) || namedOutside(p)) {
        program.delete(p);
        changed = true;
      }
  }
  return program;
}

// Per scan (its set of paths) and application: read once, whichever of its modules asks first.
const cache = new WeakMap<ReadonlySet<string>, Map<string, Promise<Set<string> | undefined>>>();

/** Whether a module takes no network input of its own, by the rule's util, were it started as a program. */
function takesNoNetworkInput(rule: CodeRule, file: SourceFile): boolean {
  const lang = languageOfText(file.ext, file.text);
  const utils = rule.match && typeof rule.match === 'object' ? rule.match.utils : undefined;
  if (!lang || !utils) return false;
  const text = file.text.startsWith('#!') ? file.text : `#!/usr/bin/env node\n${file.text}`;
  const root = parse(lang.lang, text).root();
  return root.find({ rule: { kind: 'program', matches: CLI_UTIL }, utils }) !== null;
}

/**
 * `matches` less those of rules that leave out command-line programs, in a module that is a command-line
 * program's alone (see the top of this file).
 */
export async function dropCommandLineModules(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const candidates = matches.filter((m) => m.path === undefined && exemptsCommandLine(m.rule));
  if (candidates.length === 0) return matches;
  const folder = appFolderOf(file.path, ctx.paths);
  let apps = cache.get(ctx.paths);
  if (!apps) {
    apps = new Map();
    cache.set(ctx.paths, apps);
  }
  let program = apps.get(folder);
  if (!program) {
    program = programModules(folder, ctx);
    apps.set(folder, program);
  }
  if (!(await program)?.has(file.path)) return matches;
  const atToolPlace = toolByPlace(file.path.slice(folder === '' ? 0 : folder.length + 1), file.text);
  const dropped = new Set(candidates.filter((m) => atToolPlace || takesNoNetworkInput(m.rule, file)));
  return matches.filter((m) => !dropped.has(m));
}
