import { compareGeneric, compareNumeric } from './generic.js';

// Composer's VersionParser::normalize, reduced to what ordering needs: up to 4 numbers and a stability.
const COMPOSER_RE =
  /^v?(\d{1,40})(?:\.(\d{1,40}))?(?:\.(\d{1,40}))?(?:\.(\d{1,40}))?(?:[._-]?(stable|beta|b|rc|alpha|a|patch|pl|p|dev)(?:[.-]?(\d{1,40}))?)?(?:[.-]?dev)?$/i;

const STABILITY: Record<string, number> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  stable: 4,
  patch: 5,
  pl: 5,
  p: 5,
};

/** Packagist (Composer) ordering: 4 release numbers, then dev < alpha < beta < RC < stable < patch. */
export function comparePackagist(a: string, b: string): number {
  const x = COMPOSER_RE.exec(a.trim());
  const y = COMPOSER_RE.exec(b.trim());
  if (!x || !y) {
    if (x) return 1;
    if (y) return -1;
    return compareGeneric(a, b);
  }
  for (let i = 1; i <= 4; i++) {
    const c = compareNumeric(x[i] ?? '0', y[i] ?? '0');
    if (c !== 0) return c;
  }
  const sx = STABILITY[(x[5] ?? 'stable').toLowerCase()] ?? 4;
  const sy = STABILITY[(y[5] ?? 'stable').toLowerCase()] ?? 4;
  if (sx !== sy) return sx < sy ? -1 : 1;
  return compareNumeric(x[6] ?? '0', y[6] ?? '0');
}
