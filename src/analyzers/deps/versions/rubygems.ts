import { compareGeneric, compareNumeric } from './generic.js';

const GEM_RE =
  /^[0-9]{1,40}(?:\.[0-9a-zA-Z]{1,40}){0,30}(?:-[0-9A-Za-z-]{1,40}(?:\.[0-9A-Za-z-]{1,40}){0,30})?$/;

/** Gem::Version segments: digit runs and letter runs; a `-` means a prerelease (`.pre.`). */
function segments(v: string): string[] {
  const s = v.trim().replace(/-/g, '.pre.');
  const segs = s.match(/\d+|[a-z]+/gi) ?? [];
  // Gem::Version#canonical_segments drops zeros that precede the prerelease part or end the version.
  const firstStr = segs.findIndex((x) => !/^\d/.test(x));
  const rel = firstStr < 0 ? segs : segs.slice(0, firstStr);
  const pre = firstStr < 0 ? [] : segs.slice(firstStr);
  while (rel.length > 1 && /^0+$/.test(rel[rel.length - 1]!)) rel.pop();
  return [...rel, ...pre];
}

/** RubyGems ordering (Gem::Version#<=>): any letter makes a prerelease, which sorts before the release. */
export function compareRubygems(a: string, b: string): number {
  const va = GEM_RE.test(a.trim());
  const vb = GEM_RE.test(b.trim());
  if (!va || !vb) {
    if (va) return 1;
    if (vb) return -1;
    return compareGeneric(a, b);
  }
  const x = segments(a);
  const y = segments(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i] ?? '0';
    const q = y[i] ?? '0';
    if (p === q) continue;
    const np = /^\d/.test(p);
    const nq = /^\d/.test(q);
    if (np && nq) {
      const c = compareNumeric(p, q);
      if (c !== 0) return c;
    } else if (np !== nq) {
      return np ? 1 : -1;
    } else {
      return p < q ? -1 : 1;
    }
  }
  return 0;
}
