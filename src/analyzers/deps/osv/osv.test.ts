import { OSV_DIR } from '../../../../test/helpers/advisories.js';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cvss3, cvss4 } from './cvss.js';
import { matchPackage, rangeIncludes, recordAffects } from './match.js';
import { advisorySeverity } from './severity.js';
import { isOsvRecord, type OsvRecord } from './types.js';
import { compareSemver } from '../versions/semver.js';
import { compareMaven } from '../versions/maven.js';

/** The real OSV records in test/fixtures/osv (GitHub Advisory Database, CC-BY-4.0). */
const REAL: OsvRecord[] = readdirSync(OSV_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(OSV_DIR, f), 'utf8')) as OsvRecord);
const byId = (id: string): OsvRecord => REAL.find((r) => r.id === id)!;

describe('real OSV records', () => {
  it('all load and validate', () => {
    expect(REAL.length).toBeGreaterThanOrEqual(60);
    for (const r of REAL) expect(isOsvRecord(r), r.id).toBe(true);
  });

  const CASES: [string, string, string, string[], string | undefined][] = [
    // ecosystem, name (as a lockfile writes it), version, expected advisory ids, smallest fix of the first
    ['PyPI', 'django', '3.2.12', ['GHSA-2gwj-7jmv-h26r', 'GHSA-p64x-8rxx-wf6q'], '3.2.13'],
    [
      'npm',
      'lodash',
      '4.17.15',
      ['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw'],
      '4.17.21',
    ],
    [
      'Maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
      ['GHSA-7rjr-3q55-vv33', 'GHSA-jfh8-c2jp-5v3q', 'GHSA-p6xc-xr62-6r2g'],
      '2.16.0',
    ],
    ['Go', 'github.com/gin-gonic/gin', 'v1.9.0', ['GHSA-2c4m-59x9-fr2g'], undefined],
    ['Go', 'golang.org/x/net', 'v0.15.0', ['GHSA-4374-p667-p6c8', 'GHSA-qppj-fm5r-hxr3'], '0.17.0'],
    ['crates.io', 'tokio', '1.18.0', ['GHSA-7rrj-xr53-82p7'], '1.18.4'],
    ['RubyGems', 'actionpack', '7.0.4', ['GHSA-4g8v-vg43-wpgf', 'GHSA-8xww-x3g3-6jcv'], undefined],
    ['NuGet', 'System.Data.SqlClient', '4.8.5', ['GHSA-98g6-xh36-x2p7'], '4.8.6'],
    ['npm', 'axios', '1.7.2', ['GHSA-8hc4-vh64-cxmj'], '1.7.4'],
  ];
  it.each(CASES)('%s %s@%s', (ecosystem, name, version, ids, fix) => {
    const m = matchPackage(REAL, { ecosystem, name, version });
    expect(m.map((x) => x.id).sort()).toEqual(ids);
    if (fix !== undefined)
      expect(m.find((x) => x.id === ids[0])?.smallestFix ?? m[0]!.smallestFix).toBeDefined();
    const first = m.find((x) => x.id === ids[0])!;
    if (fix === undefined) expect(first.smallestFix === undefined || first.fixed.length > 0).toBe(true);
    else expect([first.smallestFix, ...m.map((x) => x.smallestFix)]).toContain(fix);
    expect(first.ids).toContain(first.records[0]!.aliases?.[0] ?? first.id);
  });

  it('does not match fixed versions or other packages', () => {
    expect(
      matchPackage(REAL, { ecosystem: 'Packagist', name: 'laravel/framework', version: '8.75.0' }),
    ).toEqual([]);
    expect(matchPackage(REAL, { ecosystem: 'npm', name: 'lodash', version: '4.17.21' })).toEqual([]);
    expect(
      matchPackage(REAL, { ecosystem: 'PyPI', name: 'django', version: '3.2.13' }).map((m) => m.id),
    ).not.toContain('GHSA-2gwj-7jmv-h26r');
    expect(matchPackage(REAL, { ecosystem: 'npm', name: 'django', version: '3.2.12' })).toEqual([]);
  });

  it('fills the smallest fix that leaves every merged record behind', () => {
    const [m] = matchPackage([byId('GHSA-jfh8-c2jp-5v3q')], {
      ecosystem: 'Maven',
      name: 'org.apache.logging.log4j:log4j-core',
      version: '2.14.1',
    });
    expect(m!.fixed).toEqual(['2.3.1', '2.12.2', '2.15.0']);
    expect(m!.smallestFix).toBe('2.15.0');
  });

  it('rates severity from the CVSS vector, else the database', () => {
    expect(advisorySeverity(byId('GHSA-jfh8-c2jp-5v3q'))).toMatchObject({
      severity: 'critical',
      source: 'CVSS 3.1 10.0',
    });
    expect(advisorySeverity(byId('GHSA-5crp-9r3c-p9vr'))).toMatchObject({
      severity: 'low',
      source: 'database rating LOW',
    });
    // v3.1 and v4.0 vectors both present: the v3.1 score, as the database's MODERATE rating follows it.
    expect(advisorySeverity(byId('GHSA-cm22-4g7w-348p'))).toMatchObject({
      severity: 'medium',
      source: 'CVSS 3.1 5.0',
    });
    // Only a v4.0 vector: its score by the v4.0 specification (9.3), not the v3.1 equations (9.8).
    const v4only = { ...byId('GHSA-jfh8-c2jp-5v3q'), affected: [] };
    v4only.severity = [
      { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
    ];
    expect(advisorySeverity(v4only)).toMatchObject({ severity: 'critical', source: 'CVSS 4.0 9.3' });
  });
});

describe('OSV semantics on synthetic records', () => {
  const base = (extra: Partial<OsvRecord>, events: object[], type = 'ECOSYSTEM'): OsvRecord => ({
    id: 'TEST-1',
    modified: '2024-01-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'PyPI', name: 'Some_Pkg' }, ranges: [{ type, events }] }],
    ...extra,
  });
  const pkg = (version: string) => ({ ecosystem: 'PyPI', name: 'some-pkg', version });

  it('introduced/fixed is half-open', () => {
    const r = base({}, [{ introduced: '1.0' }, { fixed: '1.5' }]);
    expect([
      recordAffects(r, pkg('0.9')),
      recordAffects(r, pkg('1.0')),
      recordAffects(r, pkg('1.4.9')),
      recordAffects(r, pkg('1.5')),
    ]).toEqual([false, true, true, false]);
  });
  it('last_affected is inclusive', () => {
    const r = base({}, [{ introduced: '0' }, { last_affected: '2.0' }]);
    expect([recordAffects(r, pkg('2.0')), recordAffects(r, pkg('2.0.post1'))]).toEqual([true, false]);
  });
  it('several introduced/fixed pairs in one range', () => {
    const r = base({}, [{ introduced: '1.0' }, { fixed: '1.2' }, { introduced: '2.0' }, { fixed: '2.1' }]);
    expect(['1.1', '1.5', '2.0.1', '3.0'].map((v) => recordAffects(r, pkg(v)))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
  it('limit bounds the range', () => {
    const range = { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '3.0' }] };
    expect(rangeIncludes(range, '2.9', compareSemver)).toBe(true);
    expect(rangeIncludes(range, '3.0', compareSemver)).toBe(false);
  });
  it('explicit versions match without ranges', () => {
    const r: OsvRecord = {
      id: 'T',
      modified: 'x',
      affected: [{ package: { ecosystem: 'PyPI', name: 'some.pkg' }, versions: ['1.0.0'] }],
    };
    expect(recordAffects(r, pkg('1.0'))).toBe(true);
    expect(recordAffects(r, pkg('1.0.1'))).toBe(false);
  });
  it('SEMVER ranges compare as SemVer regardless of ecosystem', () => {
    const r: OsvRecord = {
      id: 'T',
      modified: 'x',
      affected: [
        {
          package: { ecosystem: 'Maven', name: 'g:a' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.10.0' }] }],
        },
      ],
    };
    expect(recordAffects(r, { ecosystem: 'Maven', name: 'G:A', version: '1.9.0' })).toBe(true);
    expect(compareMaven('1.10.0', '1.9.0')).toBe(1);
  });
  it('GIT ranges are ignored (no commit-level matching for packages)', () => {
    expect(recordAffects(base({}, [{ introduced: '0' }], 'GIT'), pkg('1.0'))).toBe(false);
  });
  it('withdrawn records never match', () => {
    expect(
      recordAffects(base({ withdrawn: '2024-02-01T00:00:00Z' }, [{ introduced: '0' }]), pkg('1.0')),
    ).toBe(false);
  });
  it('merges records that alias each other into one match', () => {
    const ghsa = { ...byId('GHSA-2gwj-7jmv-h26r') };
    const pysec: OsvRecord = {
      id: 'PYSEC-2022-190',
      modified: '2022-04-12T00:00:00Z',
      aliases: ['CVE-2022-28346'],
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'django' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '3.2' }, { fixed: '3.2.13' }] }],
        },
      ],
    };
    const m = matchPackage([ghsa, pysec], { ecosystem: 'PyPI', name: 'Django', version: '3.2.12' });
    expect(m).toHaveLength(1);
    expect(m[0]!.id).toBe('GHSA-2gwj-7jmv-h26r');
    expect(m[0]!.ids).toEqual(['CVE-2022-28346', 'GHSA-2gwj-7jmv-h26r', 'PYSEC-2022-190']);
  });
});

describe('CVSS', () => {
  const V3: [string, number][] = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 5.5],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L', 5.0],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ];
  it.each(V3)('%s = %d', (v, s) => expect(cvss3(v)?.score).toBe(s));
  it('rejects incomplete vectors', () => {
    expect(cvss3('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
    expect(cvss3('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
  });
  // Scores as FIRST's CVSS v4.0 calculator (first.org/cvss/calculator/4-0) gives them; the NVD lists
  // CVE-2024-7657 with the 5.3 vector below.
  const V4: [string, number][] = [
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H', 7.9],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', 5.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
  ];
  it.each(V4)('%s = %d', (v, s) =>
    expect(cvss4(v)).toEqual({ score: s, version: '4.0', nomenclature: 'CVSS-B', vector: v }),
  );
  it('scores v4 threat metrics as CVSS-BT and rejects incomplete or unknown v4 metrics', () => {
    expect(cvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U')).toMatchObject({
      score: 9.1,
      nomenclature: 'CVSS-BT',
    });
    expect(cvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X')?.nomenclature).toBe(
      'CVSS-B',
    );
    expect(cvss4('CVSS:4.0/AV:N/AC:L')).toBeUndefined();
    expect(cvss4('CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
    expect(cvss4('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
});
