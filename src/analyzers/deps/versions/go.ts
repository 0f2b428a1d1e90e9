import { compareSemver } from './semver.js';

/** Go module version ordering: SemVer with a `v` prefix, `+incompatible` ignored, pseudo-versions as prereleases. */
export function compareGo(a: string, b: string): number {
  return compareSemver(normaliseGoVersion(a), normaliseGoVersion(b));
}

/** Strips the `v` prefix and `+incompatible` so Go versions compare and print like OSV's. */
export function normaliseGoVersion(v: string): string {
  return v
    .trim()
    .replace(/^v/, '')
    .replace(/\+incompatible$/, '');
}
