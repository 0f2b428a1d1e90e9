import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeError, UsageError, VanguardError } from '../../core/errors.js';
import { archiveFormat, openArchive, type Archive, type Member } from './archive.js';
import { textHints, type Hint } from './hints.js';
import { Budget, DEFAULT_LIMITS, type CompareLimits } from './limits.js';
import { unifiedDiff } from './text-diff.js';

export interface Digest {
  sha256: string;
  size: number;
}

/** One difference; folders and archives hold the differences inside them. */
export interface DiffNode {
  path: string;
  kind: 'folder' | 'archive' | 'file' | 'symlink' | 'dir' | 'other';
  status: 'different' | 'only-in-a' | 'only-in-b';
  a?: Digest;
  b?: Digest;
  hints?: Hint[];
  /** Unified diff of a text file. */
  diff?: string;
  note?: string;
  children?: DiffNode[];
}

export interface CompareReport {
  schemaVersion: '1.0.0';
  a: string;
  b: string;
  same: boolean;
  summary: { compared: number; same: number; different: number; onlyInA: number; onlyInB: number };
  /** Every hint found anywhere, once. */
  hints: Hint[];
  /** Member names that tried to leave the archive or were absolute: reported, never trusted. */
  unsafeNames: { side: 'a' | 'b'; path: string; reason: string }[];
  differences?: DiffNode;
}

interface Item {
  kind: Member['kind'];
  data?: Buffer;
  digest: Digest;
  mtime?: number;
  mode?: number;
  owner?: string;
  linkname?: string;
}

const KEEP_BYTES = 16 * 1024 * 1024;
const digestOf = (b: Buffer): Digest => ({
  sha256: createHash('sha256').update(b).digest('hex'),
  size: b.length,
});

function isText(b: Buffer): boolean {
  if (b.subarray(0, 8192).includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    // Not valid UTF-8: compared as binary.
    return false;
  }
}

/** Files of a folder tree (links not followed), each hashed; contents kept only where a diff or an archive needs them. */
function readFolder(root: string, budget: Budget): Map<string, Item> {
  const out = new Map<string, Item>();
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      const abs = join(root, r);
      if (out.size >= budget.limits.maxEntries)
        throw new VanguardError('TOO_LARGE', `${root}: more than ${budget.limits.maxEntries} entries`);
      if (e.isDirectory()) {
        stack.push(r);
      } else if (e.isSymbolicLink()) {
        const t = readlinkSync(abs);
        out.set(r, { kind: 'symlink', linkname: t, digest: digestOf(Buffer.from(t)) });
      } else if (e.isFile()) {
        const data = readFileSync(abs);
        const keep = data.length <= KEEP_BYTES || archiveFormat(data) !== undefined;
        if (keep) budget.take(data.length, r);
        out.set(r, {
          kind: 'file',
          digest: digestOf(data),
          ...(keep ? { data } : {}),
          mode: lstatSync(abs).mode & 0o7777,
        });
      }
    }
  }
  return out;
}

class Comparer {
  readonly report: CompareReport;
  private readonly budgets: { a: Budget; b: Budget };
  constructor(
    a: string,
    b: string,
    private readonly limits: CompareLimits,
  ) {
    this.budgets = { a: new Budget(limits), b: new Budget(limits) };
    this.report = {
      schemaVersion: '1.0.0',
      a,
      b,
      same: true,
      summary: { compared: 0, same: 0, different: 0, onlyInA: 0, onlyInB: 0 },
      hints: [],
      unsafeNames: [],
    };
  }

  private hint(hs: Hint[]): Hint[] {
    for (const h of hs) if (!this.report.hints.includes(h)) this.report.hints.push(h);
    return hs;
  }

  /** Differences between two sets of entries keyed by path. */
  entries(prefix: string, a: Map<string, Item>, b: Map<string, Item>, depth: number): DiffNode[] {
    const out: DiffNode[] = [];
    const names = [...new Set([...a.keys(), ...b.keys()])].sort();
    for (const n of names) {
      const path = prefix ? `${prefix}/${n}` : n;
      const x = a.get(n);
      const y = b.get(n);
      if (x?.kind === 'dir' && y?.kind === 'dir') continue;
      this.report.summary.compared++;
      if (!y) {
        this.report.summary.onlyInA++;
        out.push({ path, kind: x!.kind, status: 'only-in-a', a: x!.digest });
      } else if (!x) {
        this.report.summary.onlyInB++;
        out.push({ path, kind: y.kind, status: 'only-in-b', b: y.digest });
      } else {
        const d = this.item(path, x, y, depth);
        if (d) {
          this.report.summary.different++;
          out.push(d);
        } else this.report.summary.same++;
      }
    }
    return out;
  }

  /** Undefined when the two are the same. */
  item(path: string, x: Item, y: Item, depth: number): DiffNode | undefined {
    const meta: Hint[] = [];
    if (x.mode !== undefined && y.mode !== undefined && x.mode !== y.mode) meta.push('permissions or owner');
    if (x.owner !== undefined && y.owner !== undefined && x.owner !== y.owner)
      meta.push('permissions or owner');
    if (x.digest.sha256 === y.digest.sha256 && x.kind === y.kind) {
      // Inside an archive the member's recorded metadata is part of the product's bytes.
      if (x.mtime !== undefined && y.mtime !== undefined && x.mtime !== y.mtime) meta.push('timestamp');
      if (meta.length === 0) return undefined;
      return {
        path,
        kind: x.kind,
        status: 'different',
        a: x.digest,
        b: y.digest,
        hints: this.hint([...new Set(meta)]),
        note: 'same content, different metadata',
      };
    }
    const node: DiffNode = { path, kind: x.kind, status: 'different', a: x.digest, b: y.digest };
    if (x.kind !== y.kind) {
      node.note = `a ${x.kind} in A, a ${y.kind} in B`;
      return node;
    }
    if (!x.data || !y.data) {
      node.note = 'too large to look inside; digests differ';
      return node;
    }
    const fa = archiveFormat(x.data);
    if (fa !== undefined && fa === archiveFormat(y.data) && depth < this.limits.maxDepth) {
      try {
        return this.archive(path, x, y, depth);
      } catch (err) {
        if (err instanceof VanguardError && err.code === 'TOO_LARGE') throw err;
        node.note = `could not open as ${fa}: ${describeError(err).message}`;
        return node;
      }
    }
    if (isText(x.data) && isText(y.data)) {
      const ta = x.data.toString('utf8');
      const tb = y.data.toString('utf8');
      node.diff = unifiedDiff(ta, tb, `a/${path}`, `b/${path}`, this.limits.maxDiffLines);
      const hs = textHints(ta, tb);
      if (hs.length > 0) node.hints = this.hint(hs);
      return node;
    }
    let off = 0;
    while (off < x.data.length && off < y.data.length && x.data[off] === y.data[off]) off++;
    node.note = `binary; first difference at byte ${off}`;
    return node;
  }

  private archive(path: string, x: Item, y: Item, depth: number): DiffNode {
    const aa = this.open(x.data!, path, 'a');
    const ab = this.open(y.data!, path, 'b');
    const children = this.entries(path, toItems(aa), toItems(ab), depth + 1);
    const hints: Hint[] = [];
    if (aa.gzipMtime !== ab.gzipMtime) hints.push('timestamp');
    const orderA = aa.members.map((m) => m.name).filter((n) => ab.members.some((m) => m.name === n));
    const orderB = ab.members.map((m) => m.name).filter((n) => aa.members.some((m) => m.name === n));
    if (orderA.join('\0') !== orderB.join('\0')) hints.push('file order');
    if (children.length === 0 && hints.length === 0) hints.push('archive metadata');
    const node: DiffNode = { path, kind: 'archive', status: 'different', a: x.digest, b: y.digest, children };
    if (hints.length > 0) node.hints = this.hint(hints);
    node.note = `${aa.format}: ${aa.members.length} and ${ab.members.length} members${children.length === 0 ? '; every member is the same' : ''}`;
    return node;
  }

  budget(side: 'a' | 'b'): Budget {
    return this.budgets[side];
  }

  private open(data: Buffer, path: string, side: 'a' | 'b'): Archive {
    const arc = openArchive(data, this.budgets[side], `${side === 'a' ? 'A' : 'B'}:${path}`);
    for (const m of arc.members)
      if (m.unsafe) this.report.unsafeNames.push({ side, path: `${path}/${m.name}`, reason: m.unsafe });
    return arc;
  }
}

function toItems(arc: Archive): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const m of arc.members) {
    const key = m.kind === 'dir' ? m.name.replace(/\/$/, '') : m.name;
    const content = m.kind === 'symlink' ? Buffer.from(m.linkname ?? '') : m.data;
    out.set(key, {
      kind: m.kind,
      data: m.data,
      digest: digestOf(content),
      ...(m.mtime !== undefined ? { mtime: m.mtime } : {}),
      ...(m.mode !== undefined ? { mode: m.mode } : {}),
      ...(m.owner !== undefined ? { owner: m.owner } : {}),
    });
  }
  return out;
}

/** Compares two builds: two folders, or two artifacts (archives member by member). */
export function rebuildCompare(a: string, b: string, limits: CompareLimits = DEFAULT_LIMITS): CompareReport {
  const sa = lstatSync(a, { throwIfNoEntry: false });
  const sb = lstatSync(b, { throwIfNoEntry: false });
  if (!sa) throw new UsageError(`not found: ${a}`);
  if (!sb) throw new UsageError(`not found: ${b}`);
  const c = new Comparer(a, b, limits);
  let root: DiffNode | undefined;
  if (sa.isDirectory() && sb.isDirectory()) {
    const children = c.entries('', readFolder(a, c.budget('a')), readFolder(b, c.budget('b')), 0);
    if (children.length > 0) root = { path: '.', kind: 'folder', status: 'different', children };
  } else if (sa.isFile() && sb.isFile()) {
    const da = readFileSync(a);
    const db = readFileSync(b);
    c.budget('a').take(da.length, a);
    c.budget('b').take(db.length, b);
    c.report.summary.compared++;
    const name = basename(a) === basename(b) ? basename(a) : `${basename(a)} ↔ ${basename(b)}`;
    root = c.item(
      name,
      { kind: 'file', data: da, digest: digestOf(da) },
      { kind: 'file', data: db, digest: digestOf(db) },
      0,
    );
    if (root) c.report.summary.different++;
    else c.report.summary.same++;
  } else {
    throw new UsageError('compare two folders or two files');
  }
  if (root) {
    c.report.differences = root;
    c.report.same = false;
  }
  return c.report;
}
