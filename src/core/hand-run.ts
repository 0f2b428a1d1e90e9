import type { AnalyzerContext } from './analyzer.js';

/**
 * Hand-started development servers (docs/file-roles.md): a script that package.json runs by name
 * (`"simple-mqtt-server": "node extra/simple-mqtt-server.js"`), outside the program that `start`, `main` and
 * `bin` run, and that opens a listener of its own: a stand-in broker or API a developer starts to try the
 * application against. A credential it checks is the login of that throwaway server, which exists while a
 * developer has it open.
 */

// Scripts that run the program itself (also in development mode) or run on install and publish: their files
// are the shipped program.
// Also by a name a deployment gives its processes (`web`, `worker`, `start:prod`).
const PROGRAM_SCRIPT =
  /^(?:(?:start|serve|server|prod|production|web|worker|dev|develop|development|watch|debug)(?:[:._-][\w:.-]*)?|(?:pre|post)?start|(?:pre|post)?install|prepare|prepublish(?:Only)?|(?:pre|post)?pack|(?:pre|post)?publish|(?:pre|post)?restart|(?:pre|post)?stop)$/;
// `node path/to/file.js` (also through a TypeScript runner), the file being the script's own program.
const RUNNER = /^(?:node|ts-node|tsx|babel-node)$/;
const SCRIPT_FILE = /^\.{0,2}\/?[\w@./-]{1,300}\.[cm]?[jt]s$/;
const BARE_FILE = /^\.{0,2}\/?[\w@./-]{1,300}$/;
const RUN_SCRIPT =
  /\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(start|stop|restart|test))\b|\byarn\s+(?:run\s+)?([\w:.-]+)/g;
// The file starts a server: a listener of its own.
const LISTENER = /\.listen\(|\bcreateServer\(|\bserve_forever\(|\bServer\(\)\.listen/;

/**
 * The scripts a command runs by name without `npm run`: script runners given script names as words
 * (`run-p api web`, `npm-run-all --parallel api:*`, `concurrently "npm:api" "npm:web"`). Any word that names
 * a script counts: reading too many scripts as the program only keeps a finding at its severity.
 */
function namedScripts(cmd: string, scripts: Record<string, unknown>): string[] {
  const names = Object.keys(scripts);
  const out: string[] = [];
  for (const raw of cmd.split(/[\s"'`]+/)) {
    const word = raw.replace(/^npm:/, '');
    if (word.length > 1 && word.endsWith('*'))
      out.push(...names.filter((n) => n.startsWith(word.slice(0, -1))));
    else if (Object.hasOwn(scripts, word)) out.push(word);
  }
  return out;
}

function normalise(p: string): string {
  return p.replace(/^\.\//, '');
}

/** What package.json says the program is: its scripts, and the files and scripts the program runs. */
interface ProgramOf {
  scripts: Record<string, unknown>;
  /** Files `main`, `bin`, the Procfile and the program's scripts run. */
  files: Set<string>;
  /** The program's scripts (start, install and publish hooks) and the scripts they run in turn. */
  seen: Set<string>;
  /** `main`, `bin` or a start script says which file is the program. */
  named: boolean;
}

function programOf(
  packageJson: string,
  procfile: string,
  exists: (path: string) => boolean,
): ProgramOf | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJson);
  } catch {
    // Not JSON: nothing says which file is the program, so no file is set apart.
    return undefined;
  }
  // A manifest that is not an object (`null`, a list) says nothing either.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const pkg = parsed as { scripts?: unknown; main?: unknown; bin?: unknown };
  const scripts =
    pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, unknown>) : {};
  const program = new Set<string>();
  const entry = (p: unknown): void => {
    if (typeof p !== 'string') return;
    const n = normalise(p);
    const file = [n, `${n}.js`, `${n}/index.js`].find(exists);
    if (file !== undefined) program.add(file);
  };
  entry(pkg.main);
  if (pkg.bin && typeof pkg.bin === 'object') Object.values(pkg.bin).forEach(entry);
  else entry(pkg.bin);
  const named = typeof scripts['start'] === 'string' || program.size > 0;
  // The program's scripts, and those they run (`"start": "npm run start-server"`); a Procfile's processes too.
  const seen = new Set<string>();
  const queue = Object.keys(scripts).filter((n) => PROGRAM_SCRIPT.test(n));
  for (const line of procfile.split('\n')) {
    const cmd = line.slice(line.indexOf(':') + 1);
    for (const f of filesOf(cmd, exists)) program.add(f);
    for (const m of cmd.matchAll(RUN_SCRIPT)) queue.push((m[1] ?? m[2] ?? m[3])!);
  }
  while (queue.length > 0) {
    const name = queue.pop()!;
    const cmd = scripts[name];
    if (seen.has(name) || typeof cmd !== 'string') continue;
    seen.add(name);
    for (const f of filesOf(cmd, exists)) program.add(f);
    for (const m of cmd.matchAll(RUN_SCRIPT)) queue.push((m[1] ?? m[2] ?? m[3])!);
    queue.push(...namedScripts(cmd, scripts));
  }
  return { scripts, files: program, seen, named };
}

// The first argument after a runner that is not an option (`node --inspect extra/x.js`), in each command.
// With `exists`, a file named without its extension (`node example/server`, `node ./bin/www`) is the file Node
// runs for it: the name itself, then with `.js`/`.cjs`/`.mjs`, then the folder's `index.js`.
function filesOf(cmd: string, exists?: (path: string) => boolean): string[] {
  return cmd.split(/&&|\|\||[;|&]/).flatMap((part) => {
    const words = part.trim().split(/\s+/);
    const at = words.findIndex((w) => RUNNER.test(w));
    const file = at < 0 ? undefined : words.slice(at + 1).find((w) => !w.startsWith('-'));
    if (file === undefined) return [];
    if (SCRIPT_FILE.test(file)) return [normalise(file)];
    if (exists === undefined || !BARE_FILE.test(file)) return [];
    const n = normalise(file);
    const found = [n, `${n}.js`, `${n}.cjs`, `${n}.mjs`, `${n}/index.js`].find(exists);
    return found === undefined ? [] : [found];
  });
}

/**
 * The files package.json's scripts run by hand (script name → file), leaving out those that the program's
 * own scripts (start, install and publish hooks, and the scripts they run in turn), `main` and `bin` run.
 * `exists` says whether a path is a file of the scanned tree: a `main` or `bin` that names none (npm init's
 * default `"main": "index.js"` in an application that has no such file) does not say which file is the program.
 */
export function handRunScripts(
  packageJson: string,
  procfile = '',
  exists: (path: string) => boolean = () => true,
): Map<string, string> {
  const p = programOf(packageJson, procfile, exists);
  // Without a start script, `main` or `bin`, nothing says which file is the program: no file is set apart.
  if (p === undefined || !p.named) return new Map();
  const out = new Map<string, string>();
  for (const [name, cmd] of Object.entries(p.scripts)) {
    if (p.seen.has(name) || typeof cmd !== 'string') continue;
    for (const f of filesOf(cmd)) if (!p.files.has(f) && !out.has(f)) out.set(f, name);
  }
  return out;
}

/**
 * The files the program itself runs: package.json's `main` and `bin`, the files its start, install and publish
 * scripts run (and the scripts those run), and a Procfile's processes. A package whose `npm start` runs
 * `node example/server.js` serves that example.
 */
export function programFiles(
  packageJson: string,
  procfile = '',
  exists: (path: string) => boolean = () => true,
): Set<string> {
  return programOf(packageJson, procfile, exists)?.files ?? new Set();
}

/** True when `text` opens a listener of its own (`server.listen(…)`, `createServer(…)`). */
export function opensListener(text: string): boolean {
  return LISTENER.test(text);
}

const cache = new Map<string, Promise<Map<string, string>>>();

/**
 * The files the root package.json's scripts run by hand (path → script name), read once per root. When
 * package.json or the Procfile cannot be read (too large, replaced by a link since the walk), no file is set
 * apart, with a warning: every finding keeps its severity.
 */
export function handRunScriptsOf(
  ctx: Pick<AnalyzerContext, 'root' | 'paths' | 'readFile' | 'warn'>,
): Promise<Map<string, string>> {
  let p = cache.get(ctx.root);
  if (!p) {
    p = Promise.all([ctx.readFile('package.json'), ctx.readFile('Procfile')]).then(
      ([t, proc]) =>
        t === undefined ? new Map<string, string>() : handRunScripts(t, proc, (p) => ctx.paths.has(p)),
      (err: unknown) => {
        ctx.warn(`hand-run development servers not read: ${(err as Error).message}`, {
          path: 'package.json',
        });
        return new Map<string, string>();
      },
    );
    cache.set(ctx.root, p);
  }
  return p;
}

/**
 * The files the root package's program runs (`programFiles`), read once per scan; undefined when package.json
 * or the Procfile cannot be read, so that no file is taken for an example nothing starts.
 */
export async function programFilesOf(
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<ReadonlySet<string> | undefined> {
  try {
    const [t, proc] = await Promise.all([ctx.readFile('package.json'), ctx.readFile('Procfile')]);
    return t === undefined ? new Set() : programFiles(t, proc, (p) => ctx.paths.has(p));
  } catch {
    return undefined;
  }
}
