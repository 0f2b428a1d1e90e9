import { imagePinning } from './images.js';
import { COMPROMISED, KNOWN_TAGS, POPULAR_ACTIONS } from './known-actions.js';
import type { Wf } from './gha-scope.js';
import {
  GHA_OBFUSCATION,
  GHA_REF_MISMATCH,
  GHA_TYPOSQUAT,
  GHA_UNPINNED,
  GHA_UNPINNED_IMAGE,
} from './rules-gha.js';
import type { YEntry } from './yaml.js';
import { str } from './yaml.js';

const SHA = /^[0-9a-f]{40}$/i;
const GITHUB_OWNED = new Set(['actions', 'github']);
const VERSION_COMMENT =
  /#\s{0,4}(?:tag[:=]\s{0,4}|version[:=]\s{0,4})?(v?\d{1,6}(?:\.\d{1,6}){0,3}(?:[-+][\w.-]{1,40})?)\b/i;

/** Reports a container image reference that is not pinned by digest (`none` medium, `tag` low). */
export function checkImage(
  wf: Wf,
  image: string,
  line: number,
  where: string,
  key: string,
  /** The expression on the line when `image` is one value of it (`${{ matrix.image }}`). */
  shown?: string,
): void {
  if (image.includes('${{') || image.trim() === '') return;
  const pin = imagePinning(image);
  // A version tag is the default bar (as in zizmor); `strictPinning` asks for digests too.
  if (pin === 'digest' || (pin === 'tag' && !wf.opts.strictPinning)) return;
  wf.rep.add(
    GHA_UNPINNED_IMAGE,
    wf.rep.find(line, line, shown ?? image.trim()),
    `${where} uses image ${image.trim()}${shown ? ` (a value of ${shown})` : ''} ${pin === 'none' ? 'without a version (latest)' : 'by tag, not by digest'}.`,
    `image:${key}:${image.trim()}`,
    pin === 'none' ? {} : { severity: 'low' },
  );
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const POPULAR = POPULAR_ACTIONS.map((a) => a.toLowerCase());
const POPULAR_OWNERS = new Set(POPULAR.map((a) => a.split('/')[0]!));

const POPULAR_PARTS = POPULAR.map((p) => p.split('/') as [string, string]);
// Workflows use the same few actions over and over: each name is compared with the list once per process.
const squats = new Map<string, string | null>();

/** The popular action that `name` (owner/repo) imitates with a one-letter change of owner or name, if any. */
export function typosquatOf(name: string): string | undefined {
  const n = name.toLowerCase();
  let v = squats.get(n);
  if (v === undefined) {
    v = squatOf(n) ?? null;
    if (squats.size >= 10_000) squats.clear();
    squats.set(n, v);
  }
  return v ?? undefined;
}

function squatOf(n: string): string | undefined {
  if (POPULAR.includes(n)) return undefined;
  const [owner, repo] = n.split('/');
  if (owner === undefined || repo === undefined || POPULAR_OWNERS.has(owner)) return undefined;
  for (const [po, pr] of POPULAR_PARTS) {
    const maxOwner = po.length >= 8 ? 2 : 1;
    // Lengths that differ by more than the allowed edits cannot match: no distance to compute.
    if (po.length < 4 || Math.abs(owner.length - po.length) > maxOwner) continue;
    if (repo !== pr && Math.abs(repo.length - pr.length) > 1) continue;
    if (distance(owner, po) <= maxOwner && (repo === pr || distance(repo, pr) <= 1)) return `${po}/${pr}`;
  }
  return undefined;
}

/** True when the owner's actions may be referenced by tag under the options. */
function trusted(wf: Wf, owner: string): boolean {
  const o = owner.toLowerCase();
  if (wf.opts.trustedOwners.some((t) => t.toLowerCase() === o)) return true;
  if (wf.opts.sameOwner && wf.opts.owner !== undefined && wf.opts.owner.toLowerCase() === o) return true;
  return GITHUB_OWNED.has(o) && !wf.opts.strictPinning;
}

// SHA → version comments seen in this file, per action (for comment consistency).
type Seen = Map<string, { version: string; line: number }>;
const seenByFile = new WeakMap<Wf, Seen>();

function sameVersion(a: string, b: string): boolean {
  const x = a.replace(/^v/i, '');
  const y = b.replace(/^v/i, '');
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

function checkComment(
  wf: Wf,
  action: string,
  sha: string,
  comment: string,
  line: number,
  where: string,
): void {
  const known = KNOWN_TAGS.get(action.toLowerCase())?.get(sha.toLowerCase());
  const pos = wf.rep.find(line, line, comment);
  if (known !== undefined && !sameVersion(known, comment)) {
    wf.rep.add(
      GHA_REF_MISMATCH,
      pos,
      `${where} pins ${action}@${sha.slice(0, 12)}…, which is ${known}, but the comment says ${comment}.`,
      `mismatch:${action}@${sha}:${comment}`,
    );
    return;
  }
  let seen = seenByFile.get(wf);
  if (!seen) seenByFile.set(wf, (seen = new Map<string, { version: string; line: number }>()));
  const bySha = seen.get(`${action}@${sha}`.toLowerCase());
  const byVersion = seen.get(`${action}#${comment}`.toLowerCase());
  if (bySha && !sameVersion(bySha.version, comment)) {
    wf.rep.add(
      GHA_REF_MISMATCH,
      pos,
      `${where} pins ${action}@${sha.slice(0, 12)}… as ${comment}, but line ${bySha.line} pins the same commit as ${bySha.version}: one comment is wrong.`,
      `mismatch:${action}@${sha}:${comment}`,
    );
  } else if (
    byVersion &&
    byVersion.version.toLowerCase() !== sha.toLowerCase() &&
    /\d+\.\d+\.\d+/.test(comment)
  ) {
    wf.rep.add(
      GHA_REF_MISMATCH,
      pos,
      `${where} pins ${action} ${comment} to ${sha.slice(0, 12)}…, but line ${byVersion.line} pins ${comment} to ${byVersion.version.slice(0, 12)}…: one of them is not ${comment}.`,
      `mismatch:${action}@${sha}:${comment}`,
    );
  }
  seen.set(`${action}@${sha}`.toLowerCase(), { version: comment, line });
  seen.set(`${action}#${comment}`.toLowerCase(), { version: sha, line });
}

/** Checks one `uses:` reference of a step or of a job (reusable workflow). */
export function checkUses(wf: Wf, e: YEntry, where: string): void {
  const uses = str(e.value)?.trim();
  if (uses === undefined || uses === '') return;
  const line = e.value.line || e.keyLine;
  if (uses.startsWith('docker://')) {
    checkImage(wf, uses.slice('docker://'.length), line, where, `uses:${uses}`);
    return;
  }
  if (uses.startsWith('./') || uses.startsWith('.\\')) {
    if (/\/\.{1,2}\/|\/\//.test(uses))
      wf.rep.add(
        GHA_OBFUSCATION,
        wf.rep.find(line, line, uses),
        `${where} refers to ${uses} through a roundabout path.`,
        `obf:${uses}`,
      );
    return;
  }
  const at = uses.lastIndexOf('@');
  const ref = at >= 0 ? uses.slice(at + 1) : '';
  const target = at >= 0 ? uses.slice(0, at) : uses;
  const segs = target.split('/');
  const owner = segs[0] ?? '';
  const name = segs.slice(0, 2).join('/');
  const pos = wf.rep.find(line, line, uses);
  if (segs.slice(2).some((s) => s === '.' || s === '..' || s === '') || target.endsWith('/')) {
    wf.rep.add(
      GHA_OBFUSCATION,
      pos,
      `${where} refers to ${uses}: the \`.\`/\`..\`/empty path parts hide which action runs.`,
      `obf:${uses}`,
    );
  }
  const clean = [...segs.slice(0, 2), ...segs.slice(2).filter((s) => s !== '' && s !== '.')].join('/');
  const squat = typosquatOf(name);
  if (squat !== undefined)
    wf.rep.add(
      GHA_TYPOSQUAT,
      pos,
      `${where} uses ${name}, one typo away from the popular ${squat}.`,
      `typo:${name}`,
    );
  const comment = VERSION_COMMENT.exec(
    (wf.file.lines()[line - 1] ?? '').slice((wf.file.lines()[line - 1] ?? '').indexOf(uses) + uses.length),
  )?.[1];
  wf.uses.push({ action: clean, ref, line, where, ...(comment !== undefined ? { comment } : {}) });
  if (SHA.test(ref)) {
    if (comment !== undefined) checkComment(wf, clean, ref, comment, line, where);
    return;
  }
  const compromisedTag = COMPROMISED.some((c) => c.action === name.toLowerCase() && c.refs.includes(ref));
  if (ref !== '' && trusted(wf, owner) && !compromisedTag) return;
  wf.rep.add(
    GHA_UNPINNED,
    pos,
    ref === ''
      ? `${where} uses ${target} without any ref: it runs whatever the default branch holds.`
      : `${where} uses ${target}@${ref}, a ${/^v?\d/.test(ref) ? 'tag' : 'branch or tag'} that can be moved to other code.`,
    `uses:${target}@${ref}`,
    ref === '' || !/^v?\d/.test(ref) ? { severity: 'high' } : {},
  );
}
