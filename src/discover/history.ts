import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { HistoryAddition } from '../core/analyzer.js';
import { VanguardError } from '../core/errors.js';
import { runGit, spawnGit } from './git-command.js';
import { readBlobs } from './git-blobs.js';
import { displayName, looksBinary } from './read-file.js';

/** Longer lines are cut to their first megabyte (still scanned), so one line cannot exhaust memory. */
export const MAX_LINE = 1024 * 1024;
/** Added text of one file in one commit is handed over in pieces of at most this size. */
const MAX_CHUNK = 8 * 1024 * 1024;
/** Changes are read from git in groups of at most this many blob bytes. */
const GROUP_BYTES = 32 * 1024 * 1024;
const GROUP_CHANGES = 2000;
/** Missing objects named one by one; the rest are counted. */
const MAX_NAMED = 20;
const ZERO_OID = /^0+$/;
const REGULAR_FILE = /^100(644|755)$/;

export interface HistoryOptions {
  /** Only commits after this one (an incremental scan). */
  since?: string;
  /** Paths the scan excludes (default ignores, vanguard.yaml, --ignore): never read. */
  isIgnored(path: string): boolean;
  /** Blobs larger than this are skipped with a note, as the tree walk skips large files. */
  maxBlobBytes: number;
  /** Coverage that was lost (a shallow clone, a missing object): the scan becomes partial. */
  fail(path: string, err: unknown): void;
  /** A note; `code` is `history-cap` when a bound left part of the history unscanned. */
  warn(message: string, detail?: { code: string; path?: string }): void;
}

interface Change {
  commit: string;
  path: string;
  oldOid: string | undefined;
  newOid: string;
}

const FIX_SHALLOW =
  'Fetch the whole history first: git fetch --unshallow (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0).';
const FIX_PARTIAL =
  'This is a partial (--filter) clone or objects were lost: fetch them first (git fetch --refetch origin, or clone again without --filter), then scan again.';

async function revParse(root: string, args: string[]): Promise<string | undefined> {
  const r = await runGit(root, ['rev-parse', ...args]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** The commit `since` names, validated (never parsed as an option). */
async function sinceCommit(root: string, since: string): Promise<string> {
  if (since === '' || since.startsWith('-')) {
    throw new VanguardError('USAGE', `--history-since: ${JSON.stringify(since)} is not a revision`);
  }
  const oid = await revParse(root, ['--verify', '--quiet', '--end-of-options', `${since}^{commit}`]);
  if (oid === undefined)
    throw new VanguardError('USAGE', `--history-since: "${since}" is not a commit in ${root}`);
  return oid;
}

/** Reports a shallow clone whose cut lies inside the scanned range as lost coverage. */
async function checkShallow(root: string, since: string | undefined, opts: HistoryOptions): Promise<void> {
  if ((await revParse(root, ['--is-shallow-repository'])) !== 'true') return;
  const file = await revParse(root, ['--git-path', 'shallow']);
  let cut: string[] = [];
  try {
    if (file !== undefined) {
      cut = readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8')
        .split('\n')
        .filter((l) => /^[0-9a-f]{40,64}$/.test(l));
    }
  } catch {
    // The list of cut commits is not readable: report the clone as shallow without naming them.
  }
  if (since !== undefined && cut.length > 0) {
    const inRange = new Set(
      (await runGit(root, ['rev-list', `${since}..HEAD`])).stdout.toString('utf8').split('\n'),
    );
    if (!cut.some((c) => inRange.has(c))) return; // the range to scan is entirely in the clone
  }
  const named = cut.length > 0 ? ` (history is cut at ${cut.map((c) => c.slice(0, 12)).join(', ')})` : '';
  opts.fail(
    '.',
    new VanguardError(
      'GIT_SHALLOW',
      `git history: this is a shallow clone${named}, so commits before the cut were not scanned. ${FIX_SHALLOW}`,
    ),
  );
}

/**
 * Text added by every commit reachable from HEAD, oldest first. Reads `git log --raw -z` (paths
 * exactly as stored, NUL-separated) and the blobs by object id, and computes each commit's added lines
 * itself: no diff driver, textconv or attribute of the repository is involved, and an object missing
 * from the clone costs only that object, never the whole history.
 */
export async function* readHistory(root: string, opts: HistoryOptions): AsyncGenerator<HistoryAddition> {
  if ((await revParse(root, ['--is-inside-work-tree'])) !== 'true') {
    throw new VanguardError(
      'NOT_A_GIT_REPO',
      `${root} is not a git repository, so --history has no commits to scan.`,
    );
  }
  if ((await revParse(root, ['--verify', '--quiet', 'HEAD^{commit}'])) === undefined) {
    opts.warn('git history: the repository has no commits yet; nothing to scan.');
    return;
  }
  const since = opts.since === undefined ? undefined : await sinceCommit(root, opts.since);
  await checkShallow(root, since, opts);
  const absent = await promisorMissing(root, since);

  const child = await spawnGit(root, [
    'log',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-show-signature',
    '--no-ext-diff',
    '--no-textconv',
    '--root',
    // A merge shows what it added against its first parent: lines written while resolving a conflict.
    '--diff-merges=first-parent',
    '--no-renames',
    '--diff-filter=d',
    // Ancestors strictly before descendants, whatever the commit dates: a branch commit is seen before
    // the merge that brings it, so a secret keeps the commit that introduced it.
    '--topo-order',
    '--reverse',
    '--relative',
    '--format=%x01%H',
    since === undefined ? 'HEAD' : `${since}..HEAD`,
    '--',
  ]);
  child.stdin.end();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? -1));
  });

  const missing = new Missing(opts);
  let group: Change[] = [];
  let lastCommit = '';
  for await (const change of parseRawLog(child.stdout)) {
    lastCommit = change.commit;
    if (opts.isIgnored(change.path)) continue;
    group.push(change);
    if (group.length >= GROUP_CHANGES) {
      yield* additionsOf(root, group, opts, missing, absent);
      group = [];
    }
  }
  yield* additionsOf(root, group, opts, missing, absent);
  const code = await exited;
  if (code !== 0) {
    // git stopped part-way (a tree or commit missing from the clone): what was read is kept.
    const after = lastCommit === '' ? '' : ` after commit ${lastCommit.slice(0, 12)}`;
    opts.fail(
      '.',
      new VanguardError(
        'GIT_OBJECT_MISSING',
        `git history: git log stopped${after} (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}. ${FIX_PARTIAL}`,
      ),
    );
  }
  missing.report();
}

/** Collects blobs missing from the clone; the first few are named, all are counted. */
class Missing {
  private count = 0;
  private tooLarge = 0;
  private firstLarge = '';
  private longLines = 0;
  private firstLong: Change | undefined;
  constructor(private readonly opts: HistoryOptions) {}

  add(c: Change): void {
    if (++this.count <= MAX_NAMED) {
      this.opts.fail(
        c.path,
        new VanguardError(
          'GIT_OBJECT_MISSING',
          `git history: blob ${c.newOid.slice(0, 12)} of ${c.path} in commit ${c.commit.slice(0, 12)} is not in this clone; not scanned.`,
        ),
      );
    }
  }

  large(c: Change): void {
    if (this.tooLarge++ === 0) this.firstLarge = `${c.path} in commit ${c.commit.slice(0, 12)}`;
  }

  /** Counts added lines longer than MAX_LINE: what follows the first MAX_LINE bytes is not scanned. */
  long(c: Change, count: number): void {
    if (count > 0 && this.longLines === 0) this.firstLong = c;
    this.longLines += count;
  }

  report(): void {
    if (this.count > 0) {
      this.opts.fail(
        '.',
        new VanguardError(
          'GIT_OBJECT_MISSING',
          `git history: ${this.count} blob(s) missing from this clone were not scanned${this.count > MAX_NAMED ? ` (the first ${MAX_NAMED} are listed)` : ''}. ${FIX_PARTIAL}`,
        ),
      );
    }
    if (this.tooLarge > 0) {
      this.opts.warn(
        `git history: ${this.tooLarge} blob(s) larger than ${this.opts.maxBlobBytes} bytes not scanned (first: ${this.firstLarge}); --max-file-size raises the limit.`,
        { code: 'history-cap' },
      );
    }
    const long = this.firstLong;
    if (long) {
      this.opts.warn(
        `git history: ${this.longLines} added line(s) longer than ${MAX_LINE} bytes were scanned only up to that length (first: ${long.path} in commit ${long.commit.slice(0, 12)}).`,
        { code: 'history-cap', path: long.path },
      );
    }
  }
}

/** Reads the blobs of a group of changes (in bounded pieces) and yields what each change added. */
async function* additionsOf(
  root: string,
  changes: readonly Change[],
  opts: HistoryOptions,
  missing: Missing,
  absent: ReadonlySet<string>,
): AsyncGenerator<HistoryAddition> {
  if (changes.length === 0) return;
  const oids = new Set<string>();
  for (const c of changes) {
    if (!absent.has(c.newOid)) oids.add(c.newOid);
    if (c.oldOid && !absent.has(c.oldOid)) oids.add(c.oldOid);
  }
  const sizes = await blobSizes(root, [...oids]);
  let piece: Change[] = [];
  let bytes = 0;
  const pieceOids = new Set<string>();
  const flush = async function* (): AsyncGenerator<HistoryAddition> {
    if (piece.length === 0) return;
    const blobs = await readBlobs(root, [...pieceOids], bytes);
    for (const c of piece) {
      const after = blobs.get(c.newOid);
      if (after === undefined) {
        missing.add(c);
        continue;
      }
      // An old version that cannot be read counts as empty: its lines are reported with this commit.
      const before = c.oldOid === undefined ? undefined : blobs.get(c.oldOid);
      yield* added(c, after, before, missing);
    }
    piece = [];
    bytes = 0;
    pieceOids.clear();
  };
  for (const c of changes) {
    const size = sizes.get(c.newOid);
    if (size === undefined) {
      missing.add(c);
      continue;
    }
    if (size > opts.maxBlobBytes) {
      missing.large(c);
      continue;
    }
    const oldSize = c.oldOid === undefined ? undefined : sizes.get(c.oldOid);
    const readOld = oldSize !== undefined && oldSize <= opts.maxBlobBytes;
    const cost = (pieceOids.has(c.newOid) ? 0 : size) + (readOld && !pieceOids.has(c.oldOid!) ? oldSize : 0);
    if (bytes + cost > GROUP_BYTES) yield* flush();
    piece.push(c);
    if (!pieceOids.has(c.newOid)) bytes += size;
    pieceOids.add(c.newOid);
    if (readOld && !pieceOids.has(c.oldOid!)) {
      bytes += oldSize;
      pieceOids.add(c.oldOid!);
    }
  }
  yield* flush();
}

/**
 * In a partial clone, the objects of the range that are not in the clone, listed without fetching
 * them (`--missing=print`), so that no later command asks for them: git before 2.45 would try to
 * fetch each one from the promisor remote (stopped by the empty protocol allow-list, but at the cost
 * of one failing `git fetch` per object). Empty for a complete clone.
 */
async function promisorMissing(root: string, since: string | undefined): Promise<Set<string>> {
  const partial = await runGit(root, [
    'config',
    '--get-regexp',
    '^(extensions\\.partialclone|remote\\..*\\.promisor)$',
  ]);
  const lines = partial.stdout.toString('utf8').split('\n');
  if (!lines.some((l) => /^extensions\.partialclone \S/i.test(l) || /^remote\..*\.promisor true$/i.test(l))) {
    return new Set();
  }
  // Streamed: the list of every object of a long history is large; only the missing ones are kept.
  const child = await spawnGit(root, [
    'rev-list',
    '--objects',
    '--missing=print',
    since === undefined ? 'HEAD' : `${since}..HEAD`,
    '--',
  ]);
  child.stdin.end();
  child.stderr.resume();
  const absent = new Set<string>();
  let rest = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const lines = (rest + chunk.toString('latin1')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('?')) absent.add(line.slice(1).trim());
  }
  if (rest.startsWith('?')) absent.add(rest.slice(1).trim());
  return absent;
}

/** Object sizes by id; objects missing from the clone are absent from the map. */
async function blobSizes(root: string, oids: readonly string[]): Promise<Map<string, number>> {
  const out = await runGit(root, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], {
    input: oids.map((o) => `${o}\n`).join(''),
    timeoutMs: 15 * 60_000,
  });
  const sizes = new Map<string, number>();
  for (const line of out.stdout.toString('latin1').split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob' && size !== undefined) sizes.set(oid, Number(size));
  }
  return sizes;
}

/** The lines of a blob, each cut at MAX_LINE bytes; `cut` receives the indices of the lines that were. */
function splitBlob(buf: Buffer, cut: number[] = []): Buffer[] {
  const lines: Buffer[] = [];
  const push = (start: number, end: number): void => {
    if (end - start > MAX_LINE) cut.push(lines.length);
    lines.push(buf.subarray(start, Math.min(end, start + MAX_LINE)));
  };
  let start = 0;
  for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
    push(start, nl);
    start = nl + 1;
  }
  if (start < buf.length) push(start, buf.length);
  return lines;
}

/**
 * The lines of `after` that `before` did not hold (as many times as they are new), with their line
 * numbers: what the commit added, independent of how a diff would align it.
 */
function* added(
  c: Change,
  after: Buffer,
  before: Buffer | undefined,
  missing: Missing,
): Generator<HistoryAddition> {
  if (looksBinary(after)) return; // the tree scan skips binaries, and so does history
  const old = new Map<string, number>();
  if (before !== undefined && !looksBinary(before)) {
    for (const l of splitBlob(before)) {
      const k = l.toString('latin1');
      old.set(k, (old.get(k) ?? 0) + 1);
    }
  }
  let piece: HistoryAddition = { commit: c.commit, path: c.path, lines: [], lineNos: [] };
  let bytes = 0;
  const cut: number[] = [];
  const lines = splitBlob(after, cut);
  const cutAt = new Set(cut);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const k = l.toString('latin1');
    const n = old.get(k);
    if (n !== undefined && n > 0) {
      old.set(k, n - 1);
      continue;
    }
    if (cutAt.has(i)) missing.long(c, 1);
    piece.lines.push(l);
    piece.lineNos.push(i + 1);
    bytes += l.length + 1;
    if (bytes > MAX_CHUNK) {
      yield piece;
      piece = { commit: c.commit, path: c.path, lines: [], lineNos: [] };
      bytes = 0;
    }
  }
  if (piece.lines.length > 0) yield piece;
}

/**
 * Parses `git log --raw -z --format=%x01%H`: a commit token, then per changed file a
 * `:<old mode> <new mode> <old oid> <new oid> <status>` token followed by exactly one path token.
 * Tokens are NUL-separated, so any byte of a path (space, tab, newline, non-UTF-8) is kept as is.
 */
export async function* parseRawLog(stream: AsyncIterable<Buffer>): AsyncGenerator<Change> {
  let commit = '';
  let pending: { oldMode: string; newMode: string; oldOid: string; newOid: string } | undefined;
  for await (const token of nulTokens(stream)) {
    if (pending) {
      const meta = pending;
      pending = undefined;
      if (!REGULAR_FILE.test(meta.newMode)) continue; // symbolic links and submodules hold no text
      yield {
        commit,
        // The walk's spelling of a name that is not UTF-8, so history and tree findings of one file agree.
        path: displayName(token),
        oldOid: REGULAR_FILE.test(meta.oldMode) && !ZERO_OID.test(meta.oldOid) ? meta.oldOid : undefined,
        newOid: meta.newOid,
      };
      continue;
    }
    // Between records git writes a line break before the next commit or raw record.
    let t = token.toString('latin1');
    while (t.startsWith('\n')) t = t.slice(1);
    if (t.startsWith('\x01')) {
      commit = t.slice(1).trim();
    } else if (t.startsWith(':')) {
      const [oldMode, newMode, oldOid, newOid] = t.slice(1).split(' ');
      if (oldMode && newMode && oldOid && newOid) pending = { oldMode, newMode, oldOid, newOid };
    }
  }
}

/** NUL-terminated tokens of a byte stream; a token longer than 1 MB (no real path or record is) is cut. */
async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    let start = 0;
    for (let z = chunk.indexOf(0, start); z !== -1; z = chunk.indexOf(0, start)) {
      if (size < MAX_LINE) parts.push(chunk.subarray(start, z));
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      size = 0;
      start = z + 1;
    }
    if (start < chunk.length && size < MAX_LINE) {
      const piece = Buffer.from(chunk.subarray(start));
      parts.push(piece);
      size += piece.length;
    }
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
