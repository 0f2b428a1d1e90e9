import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ProjectContext } from '../../core/analyzer.js';
import { VanguardError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { parseDirectives, ruleMatches } from '../../policy/inline.js';
import type { SecretEngine } from './engine.js';
import { toFinding } from './to-finding.js';
import { splitLines } from './line-splitter.js';

const COMMIT_MARK = 0x01;
/** Added text of one file in one commit is scanned in chunks of this size, so memory stays bounded. */
const MAX_CHUNK = 8 * 1024 * 1024;
/** Longer added lines are cut (their first megabyte is still scanned). */
export const MAX_LINE = 1024 * 1024;

interface Pending {
  commit: string;
  path: string;
  lines: Buffer[];
  lineNos: number[];
  bytes: number;
  /** A NUL byte was seen: the rest of this file's added text is skipped. */
  binary: boolean;
}

function runGit(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', (err) =>
      reject(new VanguardError('GIT_FAILED', `could not run git: ${err.message}`, { cause: err })),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function unquotePath(p: string): string {
  if (!p.startsWith('"')) return p;
  // git C-quotes paths with control characters; octal escapes are UTF-8 bytes.
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else
      bytes.push(
        ({ n: 10, t: 9, r: 13, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0),
      );
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * `HEAD`, or `<since>..HEAD` when the `historySince` option names a commit: an incremental scan of
 * what was added after the last scanned commit, instead of the whole history every time.
 */
async function historyRange(ctx: ProjectContext): Promise<string> {
  const since = ctx.options.historySince;
  if (since === undefined) return 'HEAD';
  if (typeof since !== 'string' || since === '' || since.startsWith('-')) {
    throw new VanguardError('USAGE', `--history-since: ${JSON.stringify(since)} is not a revision`);
  }
  const ok = await runGit(ctx.root, ['rev-parse', '--verify', '--quiet', `${since}^{commit}`]);
  if (ok.code !== 0)
    throw new VanguardError('USAGE', `--history-since: "${since}" is not a commit in ${ctx.root}`);
  return `${ok.stdout.trim()}..HEAD`;
}

/**
 * Secrets added by any commit reachable from HEAD, each reported once with the commit that introduced
 * it (oldest first), also when a later commit removed it. Streams `git log -p`, so memory stays bounded.
 */
export async function scanHistory(
  ctx: ProjectContext,
  engine: SecretEngine,
  productNames: readonly string[],
): Promise<RawFinding[]> {
  const inside = await runGit(ctx.root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
    throw new VanguardError(
      'NOT_A_GIT_REPO',
      `${ctx.root} is not a git repository, so --history has no commits to scan.`,
    );
  }
  const head = await runGit(ctx.root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) {
    ctx.warn('git history: the repository has no commits yet; nothing to scan.');
    return [];
  }
  const range = await historyRange(ctx);
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  const flush = (p: Pending | undefined): void => {
    if (!p || p.lines.length === 0) return;
    scanPending(p, engine, productNames, seen, findings);
    p.lines = [];
    p.lineNos = [];
    p.bytes = 0;
  };

  const args = [
    '-c',
    'core.quotePath=false',
    'log',
    '-p',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    // A `-diff` attribute (or a textconv driver) would print "Binary files differ" or a conversion
    // instead of the added lines; real binaries are dropped below by their NUL bytes.
    '--text',
    '--no-textconv',
    // A merge shows what it added against its first parent: lines written while resolving a conflict.
    // What the merged branch brought was already reported with the branch's own commits (seen first).
    '--diff-merges=first-parent',
    '--no-renames',
    '--diff-filter=d',
    // Ancestors strictly before descendants, whatever the commit dates: a branch commit is seen before
    // the merge that brings it, so the secret keeps the commit that introduced it.
    '--topo-order',
    '--reverse',
    '--relative',
    '--format=%x01%H',
    range,
  ];
  const child = spawn('git', args, { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (err) =>
      reject(new VanguardError('GIT_FAILED', `could not run git: ${err.message}`, { cause: err })),
    );
    child.on('close', (code) => resolve(code ?? 1));
  });

  let commit = '';
  let pending: Pending | undefined;
  let inHeader = false;
  let newLine = 0;
  for await (const line of splitLines(child.stdout, MAX_LINE)) {
    const first = line[0];
    if (first === COMMIT_MARK) {
      flush(pending);
      pending = undefined;
      commit = line.toString('latin1', 1).trim();
      inHeader = false;
    } else if (line.length > 10 && line.toString('latin1', 0, 11) === 'diff --git ') {
      flush(pending);
      pending = undefined;
      inHeader = true;
    } else if (inHeader) {
      const text = line.toString('utf8');
      if (text.startsWith('+++ ')) {
        const raw = unquotePath(text.slice(4));
        const path = raw.replace(/^b\//, '');
        // Committed files under ignored folders (vanguard.yaml `ignore:`, default ignores) are not scanned
        // in the tree either; .gitignore does not apply, since history only holds what was committed.
        pending =
          raw === '/dev/null' || ctx.isIgnored(path)
            ? undefined
            : { commit, path, lines: [], lineNos: [], bytes: 0, binary: false };
      } else if (text.startsWith('@@')) {
        inHeader = false;
        newLine = hunkStart(text);
      }
    } else if (first === 0x40 /* @ */) {
      newLine = hunkStart(line.toString('latin1', 0, 200));
    } else if (first === 0x2b /* + */ && pending) {
      if (pending.binary) continue;
      const content = Buffer.from(line.subarray(1));
      if (content.includes(0)) {
        // A binary file forced through --text: the tree scan skips binaries, and so does history.
        pending.binary = true;
        pending.lines = [];
        pending.lineNos = [];
        pending.bytes = 0;
        continue;
      }
      pending.lines.push(content);
      pending.lineNos.push(newLine++);
      pending.bytes += content.length + 1;
      if (pending.bytes > MAX_CHUNK) flush(pending);
    }
  }
  flush(pending);
  const code = await exited;
  if (code !== 0) throw new VanguardError('GIT_FAILED', `git log failed (exit ${code}): ${stderr.trim()}`);
  return findings;
}

function hunkStart(header: string): number {
  const m = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(header);
  return m ? Number(m[1]) : 1;
}

function scanPending(
  p: Pending,
  engine: SecretEngine,
  productNames: readonly string[],
  seen: Set<string>,
  out: RawFinding[],
): void {
  const joined = Buffer.concat(p.lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from('\n'), l])));
  const name = p.path.slice(p.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const detections = engine.scan(joined, { path: p.path, name, ext, productNames });
  if (detections.length === 0) return;
  const texts = p.lines.map((l) => l.toString('utf8'));
  const { directives } = parseDirectives(p.path, texts);
  for (const d of detections) {
    const key = createHash('sha256').update(`${d.ruleId}\0${d.secret}`).digest('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    const idx = d.line - 1;
    const real = p.lineNos[idx] ?? d.line;
    const directive = directives.find(
      (dir) =>
        ruleMatches(dir.ruleId, d.ruleId) &&
        (dir.line === d.line || (dir.line === d.line - 1 && p.lineNos[idx - 1] === real - 1)),
    );
    const f = toFinding({ ...d, line: real }, p.path, p.commit);
    if (directive) f.suppression = { kind: 'inline', reason: directive.reason };
    out.push(f);
  }
}
