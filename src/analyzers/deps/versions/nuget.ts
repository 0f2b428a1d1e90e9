import { compareGeneric, compareNumeric } from './generic.js';
import { comparePrerelease } from './semver.js';

const NUGET_RE =
  /^\[?v?(\d{1,40}(?:\.\d{1,40}){0,3})(?:-([0-9A-Za-z.-]{1,256}))?(?:\+[0-9A-Za-z.-]{0,256})?\]?$/;

/** NuGet ordering: up to four numbers (missing = 0), prerelease labels case-insensitively, metadata ignored. */
export function compareNuget(a: string, b: string): number {
  const x = NUGET_RE.exec(a.trim());
  const y = NUGET_RE.exec(b.trim());
  if (!x || !y) {
    if (x) return 1;
    if (y) return -1;
    return compareGeneric(a, b);
  }
  const rx = x[1]!.split('.');
  const ry = y[1]!.split('.');
  for (let i = 0; i < 4; i++) {
    const c = compareNumeric(rx[i] ?? '0', ry[i] ?? '0');
    if (c !== 0) return c;
  }
  return comparePrerelease(x[2] ? x[2].split('.') : [], y[2] ? y[2].split('.') : [], true);
}
