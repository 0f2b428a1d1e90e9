import { compareGeneric, compareIdentifiers, compareNumeric } from './generic.js';

/** A parsed PEP 440 version; numbers kept as digit strings so huge values never overflow. */
export interface Pep440 {
  epoch: string;
  release: string[];
  pre?: { kind: 'a' | 'b' | 'rc'; n: string };
  post?: string;
  dev?: string;
  local: string[];
}

// The PEP 440 appendix grammar, with bounded repetitions (input is untrusted).
const PEP440_RE = new RegExp(
  '^v?(?:(\\d{1,20})!)?(\\d{1,40}(?:\\.\\d{1,40}){0,30})' +
    '(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d{0,40}))?' +
    '(?:-(\\d{1,40})|[-_.]?(post|rev|r)[-_.]?(\\d{0,40}))?' +
    '(?:[-_.]?(dev)[-_.]?(\\d{0,40}))?' +
    '(?:\\+([a-z0-9]{1,64}(?:[-_.][a-z0-9]{1,64}){0,20}))?$',
);

/** Parses a version the way `packaging.version.Version` does (normalised spellings accepted). */
export function parsePep440(v: string): Pep440 | undefined {
  const m = PEP440_RE.exec(v.trim().toLowerCase());
  if (!m) return undefined;
  const out: Pep440 = { epoch: m[1] ?? '0', release: m[2]!.split('.'), local: [] };
  if (m[3] !== undefined) {
    const k = m[3];
    const kind = k === 'alpha' || k === 'a' ? 'a' : k === 'beta' || k === 'b' ? 'b' : 'rc';
    out.pre = { kind, n: m[4] || '0' };
  }
  if (m[5] !== undefined) out.post = m[5];
  else if (m[6] !== undefined) out.post = m[7] || '0';
  if (m[8] !== undefined) out.dev = m[9] || '0';
  if (m[10] !== undefined) out.local = m[10].split(/[-_.]/);
  return out;
}

const PRE_RANK = { a: 0, b: 1, rc: 2 } as const;

/** PEP 440 ordering: epoch, release (trailing zeros ignored), pre, post, dev, local. Invalid sorts first. */
export function comparePep440(a: string, b: string): number {
  const x = parsePep440(a);
  const y = parsePep440(b);
  if (!x || !y) {
    if (x) return 1;
    if (y) return -1;
    return compareGeneric(a, b);
  }
  return (
    compareNumeric(x.epoch, y.epoch) ||
    compareRelease(x.release, y.release) ||
    comparePre(x, y) ||
    comparePost(x, y) ||
    compareDev(x, y) ||
    compareLocal(x.local, y.local)
  );
}

function compareRelease(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumeric(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

// A dev release without pre/post sorts before any prerelease of the same release (1.0.dev0 < 1.0a0).
function preKey(v: Pep440): [number, string] {
  if (v.pre) return [PRE_RANK[v.pre.kind], v.pre.n];
  if (v.post === undefined && v.dev !== undefined) return [-1, '0'];
  return [3, '0'];
}

function comparePre(x: Pep440, y: Pep440): number {
  const [kx, nx] = preKey(x);
  const [ky, ny] = preKey(y);
  return kx !== ky ? (kx < ky ? -1 : 1) : compareNumeric(nx, ny);
}

function comparePost(x: Pep440, y: Pep440): number {
  if (x.post === undefined || y.post === undefined) {
    return x.post === y.post ? 0 : x.post === undefined ? -1 : 1;
  }
  return compareNumeric(x.post, y.post);
}

function compareDev(x: Pep440, y: Pep440): number {
  if (x.dev === undefined || y.dev === undefined) {
    return x.dev === y.dev ? 0 : x.dev === undefined ? 1 : -1;
  }
  return compareNumeric(x.dev, y.dev);
}

// Local segments: numeric > alphanumeric, numbers by value, strings lexically, a longer prefix-equal local wins.
function compareLocal(a: string[], b: string[]): number {
  return compareIdentifiers(a, b, false);
}

/** PEP 503 project-name normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalisePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
