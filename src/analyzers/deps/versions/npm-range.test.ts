import { describe, expect, it } from 'vitest';
import { npmRangeAdmitsBelow, satisfiesNpmRange } from './npm-range.js';

describe('npm ranges, as npm resolves them', () => {
  it.each([
    ['4.18.2', '^4.17.1'],
    ['0.2.9', '^0.2.3'],
    ['0.0.3', '^0.0.3'],
    ['1.2.9', '~1.2.3'],
    ['1.9.0', '~1'],
    ['1.2.3', '1.2.3'],
    ['1.2.3', '=1.2.3'],
    ['1.4.0', '1.x'],
    ['2.0.0', '*'],
    ['2.0.0', ''],
    ['1.5.0', '>=1.2.0 <2'],
    ['1.5.0', '>= 1.2'],
    ['3.1.0', '^1.0.0 || ^3.0.0'],
    ['1.5.0', '1.2 - 1.7'],
    ['2.0.0-beta.2', '^2.0.0-beta.1'],
  ])('%s satisfies %s', (version, range) => {
    expect(satisfiesNpmRange(version, range)).toBe(true);
  });

  it.each([
    ['5.0.0', '^4.17.1'],
    ['0.3.0', '^0.2.3'],
    ['0.0.4', '^0.0.3'],
    ['1.3.0', '~1.2.3'],
    ['1.2.4', '1.2.3'],
    ['2.0.0', '1.x'],
    ['2.0.0', '>=1.2.0 <2'],
    ['1.8.0', '1.2 - 1.7'],
    // A prerelease satisfies only a range that names a prerelease of the same version.
    ['2.1.0-rc.1', '^2.0.0'],
  ])('%s does not satisfy %s', (version, range) => {
    expect(satisfiesNpmRange(version, range)).toBe(false);
  });

  it.each(['latest', 'git+https://github.com/a/b.git#main', 'file:../lib', 'workspace:*', 'github:a/b'])(
    'cannot judge %s (not a semver range)',
    (range) => {
      expect(satisfiesNpmRange('1.0.0', range)).toBeUndefined();
    },
  );

  it('stays linear on a hostile range', () => {
    expect(satisfiesNpmRange('1.0.0', `${'1 || '.repeat(5000)}1`)).toBeUndefined();
    expect(satisfiesNpmRange('1.0.0', '>'.repeat(500))).toBeUndefined();
  });

  it.each([
    ['^5.0.0', false],
    ['^5.1.0', false],
    ['>=5', false],
    ['5.x', false],
    ['5', false],
    ['~5.0.1', false],
    ['5.0.0 - 5.2.0', false],
    ['^5.0.0 || ^6.0.0', false],
    ['>4', false], // `>4` is `>=5.0.0`, as npm desugars it
    ['^4.17.1', true],
    ['^4.17.1 || ^5.0.0', true],
    ['^5.0.0-beta.1', true], // a prerelease of 5 is below 5.0.0
    ['*', true],
    ['', true],
    ['<6', true],
    ['>=4.0.0 <6', true],
  ])('%s admits a version below 5.0.0: %s', (range, below) => {
    expect(npmRangeAdmitsBelow(range, '5.0.0')).toBe(below);
  });

  it.each(['latest', 'npm:express@^5.0.0', 'file:../express'])('cannot say what %s admits', (range) => {
    expect(npmRangeAdmitsBelow(range, '5.0.0')).toBeUndefined();
  });
});
