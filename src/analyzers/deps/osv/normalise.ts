import { normalisePypiName } from '../versions/pep440.js';

/**
 * The key a package name is indexed and looked up by, per ecosystem: PEP 503 for PyPI, lower case where the
 * registry is case-insensitive (npm, Packagist, NuGet, RubyGems, Maven group:artifact), Go module paths and
 * crate names as written.
 */
export function normaliseName(ecosystem: string, name: string): string {
  const eco = ecosystem.split(':')[0];
  switch (eco) {
    case 'PyPI':
      return normalisePypiName(name);
    case 'npm':
    case 'Packagist':
    case 'NuGet':
    case 'Maven':
      return name.trim().toLowerCase();
    case 'Go':
      return name.trim().replace(/\/+$/, '');
    default:
      return name.trim();
  }
}

/** OSV versions for an ecosystem as lockfiles write them (Go drops the `v`, Packagist drops a leading `v`). */
export function normaliseVersion(ecosystem: string, version: string): string {
  const v = version.trim();
  if (ecosystem === 'Go') return v.replace(/^v/, '');
  if (ecosystem === 'Packagist') return v.replace(/^v(?=\d)/, '');
  return v;
}
