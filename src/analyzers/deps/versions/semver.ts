import { compareGeneric, compareIdentifiers, compareNumeric } from './generic.js';

interface SemVer {
  release: string[];
  pre: string[];
}

// Bounded quantifiers: the input is attacker-controlled lockfile text.
const SEMVER_RE =
  /^[v=\s]{0,4}(\d{1,40})\.(\d{1,40})\.(\d{1,40})(?:-([0-9A-Za-z.-]{1,256}))?(?:\+[0-9A-Za-z.-]{0,256})?$/;

/** Parses a SemVer 2.0 version (a leading `v` or `=` tolerated); undefined when it is not one. */
export function parseSemver(v: string): SemVer | undefined {
  const m = SEMVER_RE.exec(v.trim());
  if (!m) return undefined;
  return { release: [m[1]!, m[2]!, m[3]!], pre: m[4] ? m[4].split('.') : [] };
}

/** Compares prerelease identifiers as SemVer 2.0 §11 says (numeric < alphanumeric, fewer < more). */
export function comparePrerelease(
  a: readonly string[],
  b: readonly string[],
  caseInsensitive = false,
): number {
  // A release (no prerelease) sorts after any prerelease of the same version.
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  return compareIdentifiers(a, b, true, caseInsensitive);
}

/** SemVer 2.0 ordering (npm, crates.io, OSV `SEMVER` ranges); build metadata is ignored. */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) {
    // Invalid versions sort below valid ones so the order stays total.
    if (x) return 1;
    if (y) return -1;
    return compareGeneric(a, b);
  }
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(x.release[i]!, y.release[i]!);
    if (c !== 0) return c;
  }
  return comparePrerelease(x.pre, y.pre);
}
