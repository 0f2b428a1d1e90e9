import { compareGeneric } from './generic.js';
import { compareGo } from './go.js';
import { compareMaven } from './maven.js';
import { compareNuget } from './nuget.js';
import { comparePackagist } from './packagist.js';
import { comparePep440 } from './pep440.js';
import { compareRubygems } from './rubygems.js';
import { compareSemver } from './semver.js';

export type Comparator = (a: string, b: string) => number;

/** Version ordering per OSV ecosystem name; ecosystems without a grammar here use a generic ordering. */
const BY_ECOSYSTEM: Record<string, Comparator> = {
  npm: compareSemver,
  'crates.io': compareSemver,
  PyPI: comparePep440,
  Go: compareGo,
  Maven: compareMaven,
  RubyGems: compareRubygems,
  Packagist: comparePackagist,
  NuGet: compareNuget,
};

/** The comparator for an OSV ecosystem (e.g. 'PyPI'); unknown ones get a generic numeric/lexical order. */
export function comparatorFor(ecosystem: string): Comparator {
  return BY_ECOSYSTEM[ecosystem.split(':')[0] ?? ecosystem] ?? compareGeneric;
}

/** True when the ecosystem has a real version grammar here (matching on a generic order is best effort). */
export function hasOrdering(ecosystem: string): boolean {
  return Object.hasOwn(BY_ECOSYSTEM, ecosystem.split(':')[0] ?? ecosystem);
}

export {
  compareSemver,
  comparePep440,
  compareGo,
  compareMaven,
  compareRubygems,
  comparePackagist,
  compareNuget,
};
