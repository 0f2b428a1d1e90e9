import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VanguardError } from '../core/errors.js';

/**
 * The one place that starts git. A scanned repository is untrusted input: its `.git/config` (and
 * any file it includes) can name programs that git runs on its behalf — an fsmonitor hook, clean
 * and smudge filters, textconv and external diff drivers, credential helpers, pagers, transports.
 * Every git process Vanguard starts gets settings on its command line that override all of them
 * (command-line `-c` values win over every config file, included ones too) and a clean environment,
 * so scanning a repository never runs its code. docs/security.md lists each setting and its test.
 */

/** Settings that hold for every git command, whatever the repository's configuration says. */
export const SAFE_CONFIG: readonly (readonly [string, string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.pager', 'cat'],
  ['core.editor', ':'],
  ['sequence.editor', ':'],
  ['core.askPass', ''],
  ['core.sshCommand', 'false'],
  ['core.quotePath', 'false'],
  ['credential.helper', ''],
  ['color.ui', 'false'],
  ['log.showSignature', 'false'],
  ['gpg.program', 'false'],
  ['gpg.openpgp.program', 'false'],
  ['gpg.x509.program', 'false'],
  ['gpg.ssh.program', 'false'],
  ['gpg.ssh.defaultKeyCommand', 'false'],
  ['protocol.allow', 'never'],
  ['submodule.recurse', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['safe.bareRepository', 'explicit'],
];

/**
 * Per-name settings a repository can define under any name (`filter.<driver>.clean`, …): each one the
 * repository's configuration defines is overridden by name with the value here.
 */
const NAMED: readonly { pattern: RegExp; value: (key: string) => string }[] = [
  { pattern: /^filter\..+\.(clean|smudge|process)$/i, value: () => '' },
  { pattern: /^filter\..+\.required$/i, value: () => 'false' },
  { pattern: /^diff\..+\.(textconv|command)$/i, value: () => '' },
  { pattern: /^merge\..+\.driver$/i, value: () => '' },
  { pattern: /^credential\..+\.helper$/i, value: () => '' },
  { pattern: /^protocol\..+\.allow$/i, value: () => 'never' },
  { pattern: /^pager\..+$/i, value: () => 'false' },
  { pattern: /^remote\..+\.uploadpack$/i, value: () => 'git-upload-pack' },
  { pattern: /^remote\..+\.receivepack$/i, value: () => 'git-receive-pack' },
];

const KEPT = ['PATH', 'HOME', 'XDG_CONFIG_HOME', 'TMPDIR', 'SYSTEMROOT', 'USERPROFILE'];

/**
 * The environment of every git process: only what locates git and the user's own settings; nothing
 * inherited that steers git (GIT_DIR, GIT_CONFIG_PARAMETERS, GIT_EXTERNAL_DIFF, GIT_SSH_COMMAND,
 * GIT_ASKPASS, SSH_ASKPASS, PAGER, …) is passed on.
 */
export function gitEnvironment(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of KEPT) {
    const v = from[k];
    if (v !== undefined) env[k] = v;
  }
  return {
    ...env,
    LC_ALL: 'C',
    LANG: 'C',
    PAGER: 'cat',
    GIT_PAGER: 'cat',
    GIT_EDITOR: ':',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    // Objects missing from a partial clone are reported, never fetched (honoured by git ≥ 2.45; older
    // gits are stopped by the empty protocol allow-list below, before any transport starts).
    GIT_NO_LAZY_FETCH: '1',
    // Overrides every protocol.*.allow setting: no transport (ext::, file://, ssh, https) may start.
    GIT_ALLOW_PROTOCOL: 'vanguard-none',
    GIT_PROTOCOL_FROM_USER: '0',
    // Replacement refs would let a repository show history other than what its commits hold.
    GIT_NO_REPLACE_OBJECTS: '1',
  };
}

function configArgs(pairs: readonly (readonly [string, string])[]): string[] {
  return pairs.flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

const FIXED_ARGS = ['--no-pager', ...configArgs(SAFE_CONFIG)];

const SHORT_TIMEOUT_MS = 120_000;

function overrideFor(key: string): [string, string] | undefined {
  const rule = NAMED.find((n) => n.pattern.test(key));
  return rule ? [key, rule.value(key)] : undefined;
}

/** What the configuration at one folder told: its overrides, and the files it was read from. */
interface ConfigSnapshot {
  pairs: [string, string][];
  /** Each configuration file that defined a setting (and the user's own, present or not), with its stat. */
  files: { path: string; stamp: string }[];
}

const snapshots = new Map<string, ConfigSnapshot>();
const MAX_SNAPSHOTS = 64;

/** Identity and version of a file: a change of content, a replacement or a new file changes it. */
function stampOf(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return 'missing';
  }
}

/** The user's own configuration files, which git reads when they exist (watched even while absent). */
function userConfigFiles(): string[] {
  const env = gitEnvironment();
  const home = env.HOME;
  const xdg = env.XDG_CONFIG_HOME || (home ? join(home, '.config') : undefined);
  return [...(home ? [join(home, '.gitconfig')] : []), ...(xdg ? [join(xdg, 'git', 'config')] : [])];
}

/**
 * Reads `git config --list --show-scope --show-origin --name-only -z` (scope, origin, name per
 * setting). A snapshot can be reused only when it knows every file that could define a setting: the
 * repository's own file defined something, and nothing was included (an `includeIf onbranch:` depends
 * on more than files).
 */
function snapshotFrom(cwd: string, out: string): ConfigSnapshot | { pairs: [string, string][] } {
  const parts = out.split('\0');
  const pairs: [string, string][] = [];
  const files = new Set<string>(userConfigFiles());
  const seen = new Set<string>();
  let local = false;
  let reusable = true;
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const [scope, origin, key] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
    if (scope === 'local') local = true;
    if (origin.startsWith('file:')) files.add(resolve(cwd, origin.slice(5)));
    else if (scope !== 'command') reusable = false; // a blob or standard input: not a file to watch
    if (/^include(if\.[^]*)?\.path$/i.test(key)) reusable = false;
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const o = overrideFor(key);
    if (o) pairs.push(o);
  }
  if (!local || !reusable) return { pairs };
  return { pairs, files: [...files].map((path) => ({ path, stamp: stampOf(path) })) };
}

/** The same overrides from the plain listing, never reused. */
async function plainOverrides(cwd: string): Promise<[string, string][]> {
  const r = await collect(start(cwd, [...FIXED_ARGS, 'config', '--list', '--name-only', '-z']), undefined, {
    maxOutput: 16 * 1024 * 1024,
    timeoutMs: SHORT_TIMEOUT_MS,
  });
  const keys = r.code === 0 ? r.stdout.toString('utf8').split(/[\0\n]/) : [];
  const pairs: [string, string][] = [];
  for (const key of new Set(keys)) {
    const o = key === '' ? undefined : overrideFor(key);
    if (o) pairs.push(o);
  }
  return pairs;
}

/**
 * Overrides for every per-name setting the configuration at `cwd` defines (included files too). They
 * are asked of git (reading configuration runs nothing; a hostile include of a FIFO is cut off by the
 * time limit) and asked again whenever a file they came from changed: a build that rewrites
 * `.git/config` between two commands is seen. Without an includes-free repository file to watch,
 * they are asked before every command.
 */
async function namedOverrides(cwd: string): Promise<[string, string][]> {
  const key = resolve(cwd);
  const known = snapshots.get(key);
  if (known && known.files.every((f) => stampOf(f.path) === f.stamp)) return known.pairs;
  snapshots.delete(key);
  try {
    const r = await collect(
      start(cwd, [...FIXED_ARGS, 'config', '--list', '--show-scope', '--show-origin', '--name-only', '-z']),
      undefined,
      { maxOutput: 16 * 1024 * 1024, timeoutMs: SHORT_TIMEOUT_MS },
    );
    if (r.code !== 0) return await plainOverrides(cwd); // a git before 2.26 has no --show-scope
    const snap = snapshotFrom(cwd, r.stdout.toString('utf8'));
    if ('files' in snap) {
      if (snapshots.size >= MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
      snapshots.set(key, snap);
    }
    return snap.pairs;
  } catch {
    return [];
  }
}

/**
 * Per-name overrides travel as GIT_CONFIG_KEY_<n>/GIT_CONFIG_VALUE_<n> (command-line scope, like -c),
 * because a subsection name may hold '=' (`[filter "a=b"]`), which `-c key=value` cannot express.
 */
function configEnv(pairs: readonly (readonly [string, string])[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(pairs.length) };
  pairs.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}

function start(
  cwd: string,
  args: readonly string[],
  named: readonly (readonly [string, string])[] = [],
): ChildProcessWithoutNullStreams {
  return spawn('git', args, {
    cwd,
    env: { ...gitEnvironment(), ...configEnv(named) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Starts git in `cwd` with every execution vector neutralised; the caller reads its streams. */
export async function spawnGit(
  cwd: string,
  args: readonly string[],
): Promise<ChildProcessWithoutNullStreams> {
  return start(cwd, [...FIXED_ARGS, ...args], await namedOverrides(cwd));
}

export interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitRunOptions {
  /** Written to standard input, then closed (default: empty input). */
  input?: string;
  /** Standard output beyond this many bytes stops git with an error. */
  maxOutput?: number;
  /** git is stopped after this long (a hostile include of a FIFO, a hung filesystem). */
  timeoutMs?: number;
  /**
   * Receives standard output as it arrives instead of collecting it (the result's `stdout` is then
   * empty), so a large output is never held whole; what it throws stops git and fails the run.
   */
  onStdout?: (chunk: Buffer) => void;
}

function collect(
  child: ChildProcessWithoutNullStreams,
  input: string | undefined,
  opts: GitRunOptions,
): Promise<GitRun> {
  const maxOutput = opts.maxOutput ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let problem: string | undefined;
    const timer = setTimeout(() => {
      problem = `did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? SHORT_TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxOutput) {
        problem = 'output too large';
        child.kill('SIGKILL');
        return;
      }
      if (!opts.onStdout) {
        out.push(b);
        return;
      }
      try {
        if (problem === undefined) opts.onStdout(b);
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err);
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new VanguardError('GIT_FAILED', `cannot run git: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (problem !== undefined) {
        reject(new VanguardError('GIT_FAILED', `git: ${problem}`));
        return;
      }
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: stderr.trim() });
    });
    // git may exit (for example on a bad revision) before reading all its input; its exit code tells why.
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(new VanguardError('GIT_FAILED', `git: ${e.message}`, { cause: e }));
    });
    child.stdin.end(input);
  });
}

/** Runs git to completion with neutralised configuration; a non-zero exit is returned, not thrown. */
export async function runGit(
  cwd: string,
  args: readonly string[],
  opts: GitRunOptions = {},
): Promise<GitRun> {
  return collect(await spawnGit(cwd, args), opts.input, opts);
}
