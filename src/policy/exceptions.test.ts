import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../test/helpers/scan-result.js';
import type { ExceptionEntry } from './config-schema.js';
import { applyExceptions, exceptionWarnings, isExpired } from './exceptions.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const base = { reason: 'test account, rotated weekly', owner: 'alice@example.com', expires: '2026-12-31' };

const envSecret = makeFinding({
  ruleId: 'secrets/aws-access-key',
  analyzer: 'secrets',
  location: { path: 'config/dev.env', startLine: 3 },
});
const lodash = makeFinding({
  ruleId: 'deps/GHSA-35jh-r3h4-6jhm',
  analyzer: 'deps',
  location: { path: 'package-lock.json', startLine: 40 },
  package: {
    ecosystem: 'npm',
    name: 'lodash',
    version: '4.17.20',
    purl: 'pkg:npm/lodash@4.17.20',
    fixedIn: ['4.17.21'],
    advisories: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'],
    direct: true,
  },
});
const sqli = makeFinding({ location: { path: 'src/users.js', startLine: 12 } });

function suppressedBy(e: Partial<ExceptionEntry>): string[] {
  const out = applyExceptions([envSecret, lodash, sqli], [{ ...base, ...e }], NOW);
  return out.findings.filter((f) => f.suppression?.kind === 'exception').map((f) => f.ruleId);
}

describe('applyExceptions', () => {
  it('matches by path glob', () => {
    expect(suppressedBy({ path: 'config/*.env' })).toEqual(['secrets/aws-access-key']);
    expect(suppressedBy({ path: 'config/**' })).toEqual(['secrets/aws-access-key']);
    expect(suppressedBy({ path: '*.env' })).toEqual([]);
  });

  it('matches by rule id or glob', () => {
    expect(suppressedBy({ rule: 'secrets/*' })).toEqual(['secrets/aws-access-key']);
    expect(suppressedBy({ rule: 'code/js-sql-injection' })).toEqual(['code/js-sql-injection']);
  });

  it('matches by fingerprint', () => {
    expect(suppressedBy({ fingerprint: sqli.fingerprint })).toEqual(['code/js-sql-injection']);
  });

  it('matches by package name, name@version, purl with and without version', () => {
    for (const p of ['lodash', 'lodash@4.17.20', 'pkg:npm/lodash', 'pkg:npm/lodash@4.17.20']) {
      expect(suppressedBy({ package: p }), p).toEqual(['deps/GHSA-35jh-r3h4-6jhm']);
    }
    for (const p of ['lodash@4.17.21', 'pkg:npm/lodash@4.17.21', 'pkg:npm/lodash-es', 'pkg:pypi/lodash']) {
      expect(suppressedBy({ package: p }), p).toEqual([]);
    }
  });

  it('matches by advisory id, including aliases, case-insensitively', () => {
    expect(suppressedBy({ advisory: 'GHSA-35jh-r3h4-6jhm' })).toEqual(['deps/GHSA-35jh-r3h4-6jhm']);
    expect(suppressedBy({ advisory: 'cve-2021-23337' })).toEqual(['deps/GHSA-35jh-r3h4-6jhm']);
    expect(suppressedBy({ advisory: 'CVE-2020-8203' })).toEqual([]);
  });

  it('does not let one advisory exception hide the other advisories of a package finding', () => {
    const vuln = (id: string, aliases: string[]) => ({
      id,
      aliases: [id, ...aliases].sort(),
      severity: 'high' as const,
      summary: id,
      fixedIn: ['4.17.21'],
    });
    const consolidated = makeFinding({
      ruleId: 'deps/vulnerable-package',
      analyzer: 'deps',
      location: { path: 'package-lock.json', startLine: 40 },
      package: {
        ...lodash.package!,
        advisories: ['CVE-2020-8203', 'CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw'],
        vulnerabilities: [
          vuln('GHSA-35jh-r3h4-6jhm', ['CVE-2021-23337']),
          vuln('GHSA-p6mc-m468-83gw', ['CVE-2020-8203']),
        ],
      },
    });
    const single = makeFinding({
      ...consolidated,
      package: {
        ...consolidated.package!,
        vulnerabilities: [vuln('GHSA-35jh-r3h4-6jhm', ['CVE-2021-23337'])],
      },
    });
    const hit = (f: typeof single, advisory: string) =>
      applyExceptions([f], [{ ...base, advisory }], NOW).findings[0]!.suppression?.kind;
    expect(hit(consolidated, 'CVE-2021-23337')).toBeUndefined();
    expect(hit(single, 'cve-2021-23337')).toBe('exception');
    expect(applyExceptions([consolidated], [{ ...base, package: 'lodash' }], NOW).suppressed).toBe(1);
  });

  it('requires every given matcher to match', () => {
    expect(suppressedBy({ rule: 'secrets/*', path: 'config/*.env' })).toEqual(['secrets/aws-access-key']);
    expect(suppressedBy({ rule: 'secrets/*', path: 'src/**' })).toEqual([]);
  });

  it('sets reason, expiry and owner and leaves the input untouched', () => {
    const out = applyExceptions([envSecret], [{ ...base, path: 'config/*.env' }], NOW);
    expect(out.findings[0]!.suppression).toEqual({
      kind: 'exception',
      reason: base.reason,
      expires: '2026-12-31',
      owner: 'alice@example.com',
    });
    expect(envSecret.suppression).toBeUndefined();
    expect(out.suppressed).toBe(1);
  });

  it('stops suppressing after the last day and names the expired exception', () => {
    const e = { ...base, path: 'config/*.env', expires: '2026-06-14' };
    const onLastDay = applyExceptions([envSecret], [{ ...e, expires: '2026-06-15' }], NOW);
    expect(onLastDay.findings[0]!.suppression?.kind).toBe('exception');
    const after = applyExceptions([envSecret], [e], NOW);
    expect(after.findings[0]!.suppression).toBeUndefined();
    expect(after.expired).toEqual([
      {
        index: 0,
        match: { path: 'config/*.env' },
        reason: base.reason,
        owner: base.owner,
        expires: '2026-06-14',
        matched: 1,
      },
    ]);
    expect(after.stale).toEqual([]);
    expect(exceptionWarnings(after)[0]).toMatchObject({
      code: 'exception-expired',
      message: expect.stringContaining('expired on 2026-06-14; 1 finding is no longer suppressed') as string,
    });
  });

  it('reports exceptions that match nothing as stale', () => {
    const out = applyExceptions(
      [sqli],
      [
        { ...base, rule: 'code/*' },
        { ...base, path: 'legacy/**' },
      ],
      NOW,
    );
    expect(out.stale.map((s) => s.index)).toEqual([1]);
    expect(exceptionWarnings(out)).toEqual([
      {
        code: 'exception-stale',
        message:
          'exceptions[1] (path: legacy/**; owner alice@example.com) matches no finding; remove it or fix its matchers',
      },
    ]);
  });

  it('keeps an inline suppression but counts the exception as used', () => {
    const inline = { ...sqli, suppression: { kind: 'inline' as const, reason: 'constant input' } };
    const out = applyExceptions([inline], [{ ...base, rule: 'code/*' }], NOW);
    expect(out.findings[0]!.suppression?.kind).toBe('inline');
    expect(out.stale).toEqual([]);
  });

  it('uses the first exception in force when several match', () => {
    const out = applyExceptions(
      [sqli],
      [
        { ...base, rule: 'code/*', expires: '2026-01-01', reason: 'old' },
        { ...base, rule: 'code/*', reason: 'new' },
      ],
      NOW,
    );
    expect(out.findings[0]!.suppression?.reason).toBe('new');
    expect(out.expired.map((e) => e.index)).toEqual([0]);
  });
});

describe('isExpired', () => {
  it('treats the expiry date as the last valid day in UTC', () => {
    expect(isExpired({ expires: '2026-06-15' }, new Date('2026-06-15T23:59:59Z'))).toBe(false);
    expect(isExpired({ expires: '2026-06-15' }, new Date('2026-06-16T00:00:00Z'))).toBe(true);
  });
});
