import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparatorFor,
  compareGo,
  compareMaven,
  compareNuget,
  comparePackagist,
  comparePep440,
  compareRubygems,
  compareSemver,
  type Comparator,
} from './index.js';
import { sign } from './generic.js';
import { normalisePypiName } from './pep440.js';

const num = fc.integer({ min: 0, max: 30 }).map(String);
const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** Version-like strings per ecosystem, including junk so the fallback order is exercised too. */
const ARBS: Record<string, fc.Arbitrary<string>> = {
  semver: fc
    .tuple(
      num,
      num,
      num,
      fc.option(fc.array(fc.oneof(num, pick('alpha', 'beta', 'rc', 'x-1')), { minLength: 1, maxLength: 3 })),
    )
    .map(([a, b, c, p]) => `${a}.${b}.${c}${p ? '-' + p.join('.') : ''}`),
  pep440: fc
    .tuple(
      fc.option(pick('1!', '2!')),
      fc.array(num, { minLength: 1, maxLength: 4 }),
      fc.option(fc.tuple(pick('a', 'b', 'rc', 'alpha', 'c'), num)),
      fc.option(num),
      fc.option(num),
      fc.option(pick('+ubuntu.1', '+1', '+abc.2')),
    )
    .map(
      ([e, r, pre, post, dev, local]) =>
        `${e ?? ''}${r.join('.')}${pre ? pre[0] + pre[1] : ''}${post ? '.post' + post : ''}${dev ? '.dev' + dev : ''}${local ?? ''}`,
    ),
  maven: fc
    .tuple(
      fc.array(num, { minLength: 1, maxLength: 4 }),
      fc.option(pick('-alpha-1', '-beta2', '-RC1', '-SNAPSHOT', '.Final', '-sp1', '-foo', '-M3')),
    )
    .map(([r, q]) => r.join('.') + (q ?? '')),
  go: fc
    .tuple(
      num,
      num,
      num,
      fc.option(pick('-0.20191109021931-daa7c04131f5', '-20200101000000-abcdef123456', '-rc.1')),
      fc.boolean(),
    )
    .map(([a, b, c, p, inc]) => `v${a}.${b}.${c}${p ?? ''}${inc ? '+incompatible' : ''}`),
  rubygems: fc
    .tuple(
      fc.array(num, { minLength: 1, maxLength: 4 }),
      fc.option(pick('.pre', '.rc1', '.beta.2', '-alpha')),
    )
    .map(([r, p]) => r.join('.') + (p ?? '')),
  packagist: fc
    .tuple(
      fc.array(num, { minLength: 1, maxLength: 4 }),
      fc.option(pick('-beta1', '-RC2', '-alpha', '-dev', '-patch1', '-p2')),
    )
    .map(([r, p]) => 'v' + r.join('.') + (p ?? '')),
  nuget: fc
    .tuple(
      fc.array(num, { minLength: 1, maxLength: 4 }),
      fc.option(pick('-beta', '-Beta.2', '-rc.1', '-preview.1.2')),
    )
    .map(([r, p]) => r.join('.') + (p ?? '')),
};

const CASES: [string, Comparator, fc.Arbitrary<string>, [string, string][]][] = [
  [
    'npm/Cargo semver',
    compareSemver,
    ARBS.semver!,
    [
      ['1.0.0-alpha', '1.0.0-alpha.1'],
      ['1.0.0-alpha.beta', '1.0.0-beta'],
      ['1.0.0-rc.1', '1.0.0'],
      ['1.9.0', '1.10.0'],
      ['0.9.9', '1.0.0'],
    ],
  ],
  [
    'PyPI PEP 440',
    comparePep440,
    ARBS.pep440!,
    [
      ['1.0.dev0', '1.0a0'],
      ['1.0a1', '1.0b1'],
      ['1.0rc1', '1.0'],
      ['1.0', '1.0.post1'],
      ['1.0', '1.0+local'],
      ['1.0+abc', '1.0+5'],
      ['2.0', '1!1.0'],
      ['1.0.post1.dev1', '1.0.post1'],
      ['1.0a1.dev1', '1.0a1'],
      ['3.2.12', '3.2.13'],
      ['1.0', '1.0.1'],
    ],
  ],
  [
    'Maven',
    compareMaven,
    ARBS.maven!,
    [
      ['1.0-alpha-1', '1.0-beta'],
      ['1.0-beta', '1.0-RC1'],
      ['1.0-RC1', '1.0-SNAPSHOT'],
      ['1.0-SNAPSHOT', '1.0'],
      ['1.0', '1.0-sp1'],
      ['2.14.1', '2.15.0'],
      ['2.9.10', '2.12.0'],
      ['1.0', '1.0.1'],
      // A null item before `-` is dropped: these are 1-alpha < 1-beta and 2-alpha < 2-beta to Maven.
      ['1.0-alpha', '1-beta'],
      ['2.0.0-alpha', '2.0-beta'],
      ['1.0-alpha-1', '1-sp1'],
      ['1-foo2', '1-foo10'],
      ['1-sp-1', '1-ga-1'],
      ['1.0a1', '1.0b1'],
      ['1-1', '1.1'],
    ],
  ],
  [
    'Go',
    compareGo,
    ARBS.go!,
    [
      ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-abcdef123456'],
      ['v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5'],
      ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4'],
      ['v2.0.0+incompatible', 'v2.1.0'],
      ['0.17.0', 'v0.18.0'],
    ],
  ],
  [
    'RubyGems',
    compareRubygems,
    ARBS.rubygems!,
    [
      ['1.0.a', '1.0'],
      ['1.0.0.pre', '1.0.0'],
      ['1.0.b1', '1.0.rc1'],
      ['1.9', '1.10'],
      ['7.0.4.2', '7.0.4.3'],
    ],
  ],
  [
    'Packagist',
    comparePackagist,
    ARBS.packagist!,
    [
      ['1.0.0-dev', '1.0.0-alpha'],
      ['1.0.0-alpha', '1.0.0-beta1'],
      ['1.0.0-beta1', '1.0.0-RC1'],
      ['1.0.0-RC1', '1.0.0'],
      ['1.0.0', '1.0.0-p1'],
      ['v8.75.0', '8.75.1'],
    ],
  ],
  [
    'NuGet',
    compareNuget,
    ARBS.nuget!,
    [
      ['1.0.0-beta', '1.0.0'],
      ['1.0.0-alpha', '1.0.0-Beta'],
      ['1.0', '1.0.0.1'],
      ['12.0.3', '13.0.1'],
      ['1.0.0-beta.2', '1.0.0-beta.10'],
    ],
  ],
];

describe.each(CASES)('%s ordering', (_name, cmp, arb, known) => {
  const anyVersion = fc.oneof(
    { weight: 5, arbitrary: arb },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );

  it('is reflexive', () => {
    fc.assert(fc.property(anyVersion, (a) => cmp(a, a) === 0));
  });
  it('is antisymmetric', () => {
    fc.assert(fc.property(anyVersion, anyVersion, (a, b) => sign(cmp(a, b)) === -sign(cmp(b, a))));
  });
  it('is transitive', () => {
    // Maven's own order has cycles among odd strings (see maven.ts), so for Maven only the
    // versions as published are checked; the other ecosystems must order any string.
    const version = cmp === compareMaven ? arb : anyVersion;
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(cmp);
        return cmp(x!, y!) <= 0 && cmp(y!, z!) <= 0 && cmp(x!, z!) <= 0;
      }),
      { numRuns: 500 },
    );
  });
  it('orders the known pairs', () => {
    for (const [lo, hi] of known) {
      expect(sign(cmp(lo, hi)), `${lo} < ${hi}`).toBe(-1);
      expect(sign(cmp(hi, lo)), `${hi} > ${lo}`).toBe(1);
    }
  });
});

describe('Maven follows ComparableVersion where its order is not transitive', () => {
  it('keeps the cycle Maven has among odd versions', () => {
    // `1.0.alpha` < `1` < `1.sp` < `1.0.alpha`, as `mvn` orders them.
    expect(compareMaven('1.0.alpha', '1')).toBe(-1);
    expect(compareMaven('1', '1.sp')).toBe(-1);
    expect(compareMaven('1.sp', '1.0.alpha')).toBe(-1);
  });
});

describe('equal spellings', () => {
  it('treats equivalent versions as equal', () => {
    expect(comparePep440('1.0', '1.0.0')).toBe(0);
    expect(comparePep440('1.0alpha1', '1.0a1')).toBe(0);
    expect(comparePep440('1.0-1', '1.0.post1')).toBe(0);
    expect(compareMaven('1.0.0', '1')).toBe(0);
    expect(compareMaven('1.0-final', '1.0')).toBe(0);
    for (const v of ['1.ga', '1-ga', '1-0', '1.0', '1.final', '1.', '1-', '1.0.0-0.0.0'])
      expect(compareMaven(v, '1'), v).toBe(0);
    expect(compareMaven('1.0.0-foo.0.0', '1-foo')).toBe(0);
    expect(compareMaven('1.0a', '1.0-a')).toBe(0); // `a` is alpha only before a number
    expect(compareMaven('1.0a1', '1.0-alpha-1')).toBe(0);
    expect(compareGo('v1.2.3+incompatible', '1.2.3')).toBe(0);
    expect(compareNuget('1.0.0-BETA', '1.0.0-beta')).toBe(0);
    expect(compareRubygems('1.0.0', '1.0')).toBe(0);
  });
  it('picks comparators by OSV ecosystem name', () => {
    expect(comparatorFor('PyPI')).toBe(comparePep440);
    expect(comparatorFor('Debian:11')('1.2', '1.10')).toBe(-1);
  });
  it('normalises PyPI names per PEP 503', () => {
    expect(normalisePypiName('Django')).toBe('django');
    expect(normalisePypiName('zope.Interface__x')).toBe('zope-interface-x');
  });
});
