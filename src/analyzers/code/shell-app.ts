/**
 * Applications that give their users a command shell: web terminals and developer tools (a `/shell` WebSocket
 * feeding `pty.spawn('bash')`, Jupyter's terminado terminals). There, a request-tainted path, program argument,
 * command, eval, server-side fetch or log line gives the logged-in user at most what the shell already gives
 * them: a reviewer dismisses it unless the route is reachable without the login that opens the shell. Such
 * findings are lowered one step (critical→high, high→medium, medium→low) with a note naming the shell, never
 * dropped.
 *
 * A shell counts when an application's own source file (not a test, example or generated file):
 * - spawns a shell binary (`bash`, `sh`, `zsh`, `powershell.exe`, `cmd.exe`, `process.env.SHELL`, a name ending
 *   in `shell`) through node-pty or child_process, keeps the process in a variable and writes to it (`p.write(x)`,
 *   `p.stdin.write(x)`) something other than a literal, in a file that handles network connections or messages
 *   (`.on('connection'`, `.on('message'`, `socket.on(`); a shell for the maintainer's CLI (fed from
 *   `process.stdin`), a fixed command (`pty.spawn('npm', …)`, `bash -c 'make'` never written to), a login or ssh
 *   terminal (`/usr/bin/env login`: the terminal asks for its own credentials) do not count;
 * - or (Python) serves terminado's terminals: a class deriving from `TermSocket`, or a `…TermManager(` built.
 *
 * Not lowered when the application shows no authentication at all: then the shell, and every route, is open to
 * anyone, and the findings keep their severity.
 *
 * Where the finding's request is read in a route proven to sit behind the very login that opens the shell
 * (shell-login.ts reads the routers: the guard, its order, the mounts), the finding is by design, not a weakness:
 * it is not reported but kept, at its severity, with the suppression 'by-design' and a reason naming the guard and
 * the shell's file:line (counted in the summary's `byDesign`). A route not proven behind it (registered before the
 * guard, public, another login, a handler given by name, Python) keeps the lowering and the note asking to check.
 */
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { roleFromContent, roleFromPath } from '../../core/file-role.js';
import { oneStepLower } from '../../core/finding.js';
import type { Severity } from '../../core/finding.js';
import { appFolderOf, APP_FILES, withoutLineComments } from './app-scope.js';
import { languageOf } from './languages.js';
import type { CodeMatch } from './matches.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import { behindShellLogin, routesBehindLogin } from './shell-login.js';
import { socketHandlersBesideShell } from './shell-socket.js';
import type { ShellLogin } from './shell-login.js';

/** Where an application gives its users a shell, and the routes behind the login that opens it. */
export interface GivenShell {
  path: string;
  line: number;
  login?: ShellLogin;
}

/** Rules whose request-tainted findings give at most what a shell running as the server gives. */
const WITHIN_SHELL =
  /^code\/(?:js|py)-(?:path-traversal|argument-injection|command-injection|code-injection|ssrf|log-injection)$/;

const SHELL_LITERAL =
  /^['"`](?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:ba|z|k|c|tc|da|fi|a)?sh(?:ell)?(?:\.exe)?['"`]$|^['"`](?:powershell|pwsh|cmd)(?:\.exe)?['"`]$/i;
/**
 * Whether the text of a spawn call's first argument names a shell: a shell's literal, the user's `SHELL`, or a
 * name whose declaration in the file says so (`const shell = isWin ? 'powershell.exe' : 'bash'`); a name ending in
 * `shell` declared nowhere in the file (a parameter, an option) is taken at its word. `decls` holds the file's
 * first declaration of each name (declarationsOf).
 */
function namesShell(arg: string, decls: ReadonlyMap<string, string>, depth = 0): boolean {
  const a = arg.trim();
  if (/process\.env\.(?:SHELL|ComSpec)\b/.test(a)) return true;
  if (/^[\w$]+$/.test(a) && depth === 0) {
    const value = decls.get(a);
    if (value !== undefined) return namesShell(value, decls, 1);
  }
  if (/^[\w$.]*shell$/i.test(a)) return true;
  // `os.platform() === 'win32' ? 'powershell.exe' : 'bash'`: every literal of the choice is a shell.
  // The condition's own literals (`'win32'`) are not among the values.
  const values = a.includes('?') ? a.slice(a.indexOf('?') + 1) : a;
  const literals = values.match(/(['"`])[^'"`\n]*\1/g) ?? [];
  return literals.length > 0 && literals.every((l) => SHELL_LITERAL.test(l));
}

/**
 * The value of each name's first `const|let|var name = value` in the code, read in one pass: a search per spawn
 * call was quadratic in a file of many calls (a file of the scanned tree is hostile input).
 */
function declarationsOf(code: string): Map<string, string> {
  const decls = new Map<string, string>();
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*([^;\n]+)/g)) {
    if (!decls.has(m[1]!)) decls.set(m[1]!, m[2]!);
  }
  return decls;
}

/**
 * What the code writes something other than a literal to (`p.write(x)`, `this.proc.stdin.write(x)`): the last
 * one and two segments of each receiver (`proc`, `this.proc`), read in one pass for every spawn call.
 */
function writtenReceivers(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$])((?:[\w$]+\.){0,2}[\w$]+)\.write\(\s*[^'"`\s)]/g)) {
    const segments = m[1]!.split('.');
    if (segments.at(-1) === 'stdin') segments.pop();
    out.add(segments.slice(-1).join('.'));
    out.add(segments.slice(-2).join('.'));
  }
  return out;
}

const PTY_IMPORT = /['"](?:@[\w.-]+\/)?node-pty[\w.-]*['"]/;
const CP_IMPORT = /['"](?:node:)?child_process['"]/;
/** `term = pty.spawn(`, `const p = spawn(`, `this.proc = child_process.spawn(`. */
const SPAWN =
  /(?:^|[^\w$.])((?:this\.)?[\w$]+)\s*=\s*(?:await\s+)?(?:[\w$]+\.)?(spawn|fork)\(\s*([^,;)]*(?:\([^()]*\)[^,;)]*)*)[,)]/g;
/** A network connection or message handler in the same file. */
const NETWORK_INPUT =
  /\.on\(\s*['"](?:connection|message|input|data)['"]|\bsocket\.on\(|\bonmessage\b|\bon_message\b|\bws\.on\(/;

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The line of a JavaScript/TypeScript file that gives a shell to its network users, if any. */
export function jsShellLine(text: string): number | undefined {
  if (!text.includes('spawn') || !text.includes('write')) return undefined;
  const code = withoutLineComments(text);
  const pty = PTY_IMPORT.test(code);
  if (!pty && !CP_IMPORT.test(code)) return undefined;
  // Input read from the process's own stdin is a CLI's; only a network handler makes it a remote user's.
  const network = code.replace(/process\.stdin\.on\(/g, '');
  if (!NETWORK_INPUT.test(network)) return undefined;
  const decls = declarationsOf(code);
  const written = writtenReceivers(code);
  for (const m of code.matchAll(SPAWN)) {
    const [, name, call, arg] = m;
    if (call === 'fork' && !pty) continue;
    if (!written.has(name!) || !namesShell(arg!, decls)) continue;
    return lineAt(text, text.indexOf(m[0].trimStart()));
  }
  return undefined;
}

/** The line of a Python file that serves terminado's terminals, if any. */
export function pyShellLine(text: string): number | undefined {
  if (!text.includes('Term')) return undefined;
  // A class's bases are cut at the next `)`, found once for every class before it, and searched apart: a
  // pattern looking for the base inside `(…)` backtracked over each word of an unclosed parenthesis, and a
  // search per class for its `)` was quadratic too (a file of the scanned tree is hostile input).
  const code = text.replace(/#.*$/gm, (c) => ' '.repeat(c.length));
  const starts = /^[ \t]*class\s+\w+\(/gm;
  let close = -1;
  for (let c = starts.exec(code); c !== null; c = starts.exec(code)) {
    const open = c.index + c[0].length;
    if (close < open) close = code.indexOf(')', open);
    if (close === -1) break;
    if (
      close - open <= 4096 &&
      /^\s*:/.test(code.slice(close + 1, close + 64)) &&
      /\bTermSocket\b/.test(code.slice(open, close))
    ) {
      return lineAt(text, c.index + (c[0].length - c[0].trimStart().length));
    }
  }
  const m = /\b(?:Named|Unique|Single)TermManager\(/.exec(code);
  return m ? lineAt(text, m.index + (m[0].length - m[0].trimStart().length)) : undefined;
}

/** Words of an authentication check: a login, a token verified, a session's user, a decorator. */
const AUTH =
  /\b(?:authenticat\w*|passport|jwt\.verify|verify_?token|verify_?client|is_?authenticated|require_?auth\w*|login_required|basic_?auth|current_user|get_current_user|req\.user|req\.session\.user\w*)\b/i;

interface ShellFacts {
  shell: GivenShell | undefined;
  authenticated: boolean;
}

const KEEP = 16;
const cache = new Map<string, Promise<ShellFacts>>();

function ownSource(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    roleFromPath(path) === 'source' &&
    text.length <= MAX_CODE_BYTES &&
    !isMinified(name, text) &&
    roleFromContent(text, path) === undefined
  );
}

async function readShellFacts(
  folder: string,
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<ShellFacts> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const files = [...ctx.paths].filter((p) => p.startsWith(prefix) && !p.includes('node_modules/'));
  if (!ctx.paths.has(file.path)) files.push(file.path);
  files.sort();
  const facts: ShellFacts = { shell: undefined, authenticated: false };
  if (files.length > APP_FILES.files) return facts;
  let bytes = 0;
  const texts: { path: string; text: string; python: boolean }[] = [];
  for (const p of files) {
    const lang = languageOf(p.slice(p.lastIndexOf('.') + 1).toLowerCase());
    if (!lang) continue;
    const text = p === file.path ? file.text : await ctx.readFile(p).catch(() => undefined);
    if (text === undefined || !ownSource(p, text)) continue;
    bytes += text.length;
    if (bytes > APP_FILES.bytes) return { shell: undefined, authenticated: false };
    texts.push({ path: p, text, python: lang.family === 'python' });
    if (!facts.shell) {
      const line = lang.family === 'python' ? pyShellLine(text) : jsShellLine(text);
      if (line !== undefined) facts.shell = { path: p, line };
    }
  }
  // Most applications give no shell: their texts are not searched for a login check. A comment is no check
  // (`// TODO: authenticate the terminal`).
  facts.authenticated =
    facts.shell !== undefined &&
    texts.some((t) => AUTH.test(t.python ? t.text.replace(/#.*$/gm, '') : withoutLineComments(t.text)));
  if (facts.authenticated && facts.shell) {
    const exists = (p: string): boolean => ctx.paths.has(p) || p === file.path;
    // Nothing is proven when the routers cannot be read (a hostile file's nesting): the findings are only lowered.
    let login: ShellLogin | undefined;
    try {
      login = routesBehindLogin(facts.shell.path, texts, exists);
      // The other handlers of the WebSocket server that admits the shell (shell-socket.ts) are behind it too.
      const shellText = texts.find((t) => t.path === facts.shell!.path)?.text;
      const beside =
        login && shellText ? socketHandlersBesideShell(facts.shell.path, shellText, facts.shell.line) : [];
      if (login && beside.length > 0)
        login.handlers.set(facts.shell.path, [...(login.handlers.get(facts.shell.path) ?? []), ...beside]);
    } catch {
      login = undefined;
    }
    if (login) facts.shell.login = login;
  }
  return facts;
}

/** Whether a match is a request-tainted finding of a class a shell's user already has. */
export function withinShell(m: CodeMatch): boolean {
  return m.trace !== undefined && WITHIN_SHELL.test(m.rule.id);
}

/**
 * The shell the file's application gives its logged-in users, when some match of the file is of a class that
 * shell covers and the application checks logins somewhere; undefined otherwise.
 */
export async function shellGivenTo(
  matches: readonly CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'root' | 'paths' | 'readFile'>,
): Promise<GivenShell | undefined> {
  if (!matches.some(withinShell)) return undefined;
  const folder = appFolderOf(file.path, ctx.paths);
  const alone = ctx.paths.has(file.path) ? '' : file.path;
  const key = `${ctx.root}\0${folder}\0${alone}`;
  let facts = cache.get(key);
  if (!facts) {
    facts = readShellFacts(folder, file, ctx);
    cache.set(key, facts);
    if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  }
  const { shell, authenticated } = await facts;
  return authenticated ? shell : undefined;
}

/**
 * Why a request-tainted match is not reported, when its request is read in a route behind the login that opens
 * the shell (shell-login.ts): the same login already gives a shell. Undefined when not proven.
 */
export function byDesignBehindShell(m: CodeMatch, filePath: string, shell: GivenShell): string | undefined {
  if (!shell.login || !m.trace || !withinShell(m)) return undefined;
  // A source in the analysed file itself has no path, or an empty one.
  const path = m.trace.sourcePath === undefined || m.trace.sourcePath === '' ? filePath : m.trace.sourcePath;
  if (!behindShellLogin(shell.login, path, m.trace.sourceLine)) return undefined;
  const keys = shell.login.keyGuards?.length
    ? `, or an API key only its users mint, checked by ${shell.login.keyGuards.join(', ')}`
    : '';
  return `the route is behind the login (${shell.login.guard}${keys}) that also opens the shell at ${shell.path}:${shell.line}: whoever passes it already runs any command as the server's user`;
}

/** A finding's severity and message once lowered for the shell its application gives. */
export function belowShell(
  severity: Severity,
  message: string,
  shell: GivenShell,
): { severity: Severity; message: string } {
  return {
    severity: oneStepLower(severity),
    message: `${message} (this application gives logged-in users a shell at ${shell.path}:${shell.line}; this matters only if the route is reachable without that login: check it)`,
  };
}
