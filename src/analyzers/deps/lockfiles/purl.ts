import type { Ecosystem } from './types.js';

const PURL_TYPE: Record<Ecosystem, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
  Maven: 'maven',
  NuGet: 'nuget',
};

// The purl spec's percent-encoding: everything but unreserved characters (and ':' which is allowed in names).
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ':');
}

/**
 * A package URL (purl spec) for a package; namespaces split per type (npm scope, Maven group, Go path).
 * An empty version gives the versionless purl the spec allows (a dependency whose version is unknown).
 */
export function purlFor(ecosystem: Ecosystem, name: string, version: string): string {
  const type = PURL_TYPE[ecosystem];
  let ns: string | undefined;
  let n = name;
  if (ecosystem === 'Maven') {
    const i = name.indexOf(':');
    if (i > 0) {
      ns = name.slice(0, i);
      n = name.slice(i + 1);
    }
  } else if (ecosystem === 'npm' || ecosystem === 'Go' || ecosystem === 'Packagist') {
    const i = name.lastIndexOf('/');
    if (i > 0) {
      ns = name.slice(0, i);
      n = name.slice(i + 1);
    }
  }
  if (ecosystem === 'PyPI') n = n.toLowerCase().replace(/[-_.]+/g, '-');
  const nsPart = ns ? ns.split('/').map(enc).join('/') + '/' : '';
  return `pkg:${type}/${nsPart}${enc(n)}${version === '' ? '' : `@${enc(version)}`}`;
}
