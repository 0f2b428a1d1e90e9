import { describe, expect, it } from 'vitest';
import { hostileFinding } from '../../test/helpers/hostile.js';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { junitReport, xmlEscape } from './junit.js';

const opts = { tty: false };

describe('junit report', () => {
  it('has a failing case per blocking finding, passing ones below the gate, skipped suppressed ones', () => {
    const result = makeResult(
      [
        makeFinding({ severity: 'critical' }),
        makeFinding({ severity: 'low' }),
        makeFinding({ severity: 'high', suppression: { kind: 'exception', reason: 'accepted' } }),
      ],
      {
        failOn: 'high',
        failed: true,
        reason: 'failed: 1 finding at or above high (1 critical)',
        blocking: 1,
      },
    );
    result.analyzers.push({
      id: 'secrets',
      status: 'partial',
      filesAnalyzed: 3,
      findings: 0,
      durationMs: 5,
      errors: [{ path: 'big.bin', code: 'PARSE', message: 'bad <input>' }],
    });
    const xml = junitReport(result, opts);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vanguard" tests="5" failures="2" errors="1" skipped="1"',
      ),
    ).toBe(true);
    expect(xml).toContain('<testsuite name="vanguard code" tests="3" failures="1" errors="0" skipped="1"');
    expect(xml).toContain(
      '<failure message="req.query.id flows into db.query without parameters." type="critical">',
    );
    expect(xml).toContain('<skipped message="suppressed (exception): accepted"/>');
    expect(xml).toContain('<error message="bad &lt;input&gt;" type="PARSE"/>');
    expect(xml).toMatch(
      /<testcase classname="vanguard.gate" name="policy gate">\s*<failure message="failed: 1 finding at or above high \(1 critical\)"/,
    );
  });

  it('passes with one case per quiet analyzer', () => {
    const xml = junitReport(makeResult([]), opts);
    expect(xml).toContain('<testcase classname="vanguard.code" name="no findings (10 files)"/>');
    expect(xml).toContain('failures="0"');
  });

  it('escapes hostile content and drops characters XML cannot hold', () => {
    const xml = junitReport(makeResult([hostileFinding()]), opts);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0000');
    expect(xml).not.toContain('\u001b');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Every quote inside attribute values is escaped: attributes parse as name="value" pairs only.
    for (const tag of xml.match(/<testcase [^>]*>/g) ?? [])
      expect(tag).toMatch(/^<testcase( [a-z]+="[^"<>]*")+>$/);
    expect(xmlEscape(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });
});
