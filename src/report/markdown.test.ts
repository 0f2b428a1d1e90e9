import { describe, expect, it } from 'vitest';
import { hostileFinding } from '../../test/helpers/hostile.js';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { markdownReport, mdCode, mdFence, mdText } from './markdown.js';

const opts = { tty: false };

describe('markdown report', () => {
  const newHigh = makeFinding({
    severity: 'high',
    baselineState: 'new',
    location: { path: 'src/orders.js', startLine: 5 },
  });
  const newHigh2 = makeFinding({
    severity: 'high',
    baselineState: 'new',
    location: { path: 'src/users.js', startLine: 9 },
  });
  const newCritical = makeFinding({
    ruleId: 'secrets/aws-access-key',
    analyzer: 'secrets',
    title: 'AWS access key',
    severity: 'critical',
    baselineState: 'new',
    cwe: [798],
  });
  const known = makeFinding({
    ruleId: 'iac/k8s-privileged',
    analyzer: 'iac',
    severity: 'medium',
    baselineState: 'unchanged',
    suppression: { kind: 'baseline', reason: 'in baseline' },
    location: { path: 'k8s/deploy.yaml', startLine: 20 },
  });
  const excepted = makeFinding({
    ruleId: 'deps/GHSA-35jh-r3h4-6jhm',
    analyzer: 'deps',
    severity: 'high',
    suppression: { kind: 'exception', reason: 'not reachable', expires: '2026-12-31' },
  });
  const result = makeResult(
    [newCritical, newHigh, newHigh2, known, excepted],
    { failed: true, reason: 'failed: 3 findings at or above high (1 critical, 2 high)', blocking: 3 },
    {
      policy: {
        expiredExceptions: [],
        staleExceptions: [
          {
            index: 2,
            match: { path: 'legacy/**' },
            reason: 'r',
            owner: 'ops',
            expires: '2027-01-01',
            matched: 0,
          },
        ],
        exceptionSuppressed: 1,
        baseline: { source: 'origin/main', unchanged: 1, new: 3 },
      },
    },
  );
  const md = markdownReport(result, opts);

  it('leads with the gate verdict and its reason', () => {
    expect(md.split('\n')[0]).toBe('## ❌ Vanguard: gate failed');
    expect(md).toContain('> failed: 3 findings at or above high (1 critical, 2 high)');
  });

  it('lists new findings first, grouped by rule, most severe group first', () => {
    const newSection = md.indexOf('### New findings (3)');
    const secretGroup = md.indexOf('AWS access key');
    const sqlGroup = md.indexOf('SQL built from request input');
    const baselineSection = md.indexOf('Findings already in the baseline (1)');
    expect(newSection).toBeGreaterThan(-1);
    expect(newSection).toBeLessThan(secretGroup);
    expect(secretGroup).toBeLessThan(sqlGroup);
    expect(sqlGroup).toBeLessThan(baselineSection);
    // Both SQL findings are in one group with a count.
    expect(md).toContain('(`code/js-sql-injection`, 2)');
    expect(md.match(/#### /g)).toHaveLength(2);
  });

  it('gives the fix and links in a collapsed section', () => {
    expect(md).toContain('<details><summary>How to fix</summary>');
    expect(md).toContain('Use a parameterised query');
    expect(md).toContain('[CWE-89](https://cwe.mitre.org/data/definitions/89.html)');
    expect(md).toContain('[rule documentation](https://vanguard.example/rules/code/js-sql-injection)');
  });

  it('collapses suppressed findings with their reason, and lists stale exceptions', () => {
    expect(md).toMatch(
      /<summary>Suppressed findings \(1\)<\/summary>[\s\S]*exception: not reachable \(until 2026-12-31\)/,
    );
    expect(md).toContain('Stale exceptions');
    expect(md).toContain('path `legacy/**`');
  });

  it('says so when nothing is new', () => {
    const quiet = markdownReport(
      makeResult(
        [known],
        {},
        {
          policy: {
            expiredExceptions: [],
            staleExceptions: [],
            exceptionSuppressed: 0,
            baseline: { source: 'base.json', unchanged: 1, new: 0 },
          },
        },
      ),
      opts,
    );
    expect(quiet).toContain('## ✅ Vanguard: gate passed');
    expect(quiet).toContain('No new findings compared with `base.json`.');
  });

  it('cannot be made to render markup, links or mentions by a finding', () => {
    const full = markdownReport(makeResult([hostileFinding()]), opts);
    // The snippet is shown verbatim in a fenced code block, which GitHub renders as text.
    const fence = /^(`{3,})\n[\s\S]*?\n\1$/gm;
    expect(full.match(fence)).toHaveLength(1);
    const out = full.replace(fence, '');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('[click](');
    expect(out).not.toContain('@octocat');
    expect(out).not.toContain('\u0000');
    // The message stays on one list line.
    const line = out.split('\n').find((l) => l.includes('Reflected'))!;
    expect(line.startsWith('- ')).toBe(true);
  });

  it('escapes helpers correctly', () => {
    expect(mdText('a*b_c <b> @x [y](z)')).toBe('a\\*b\\_c &lt;b&gt; &#64;x \\[y\\](z)');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdFence('a\n```\n<b>')).toBe('````\na\n```\n<b>\n````');
  });

  it('stays under the GitHub comment limit with many findings', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      makeFinding({ ruleId: `code/rule-${i % 300}`, location: { path: `src/f${i}.js`, startLine: i + 1 } }),
    );
    const out = markdownReport(makeResult(many), opts);
    expect(out.length).toBeLessThan(65_536);
    expect(out).toContain('Output truncated');
  });
});

describe('markdown report size', () => {
  it('stays under the GitHub limit with many exceptions and suppressions too', () => {
    const ref = (i: number) => ({
      index: i,
      match: { path: `src/dir${i}/**`, rule: `code/rule-${i}` },
      reason: 'a reason that is fairly long '.repeat(3),
      owner: 'team',
      expires: '2026-01-01',
      matched: i % 2,
    });
    const many = Array.from({ length: 3000 }, (_, i) =>
      makeFinding({
        ruleId: `code/rule-${i % 300}`,
        location: { path: `src/f${i}.js`, startLine: i + 1 },
        ...(i % 3 === 0 ? { suppression: { kind: 'baseline' as const, reason: 'in baseline' } } : {}),
      }),
    );
    const result = makeResult(
      many,
      {},
      {
        policy: {
          expiredExceptions: Array.from({ length: 300 }, (_, i) => ref(i)),
          staleExceptions: Array.from({ length: 300 }, (_, i) => ref(i)),
          exceptionSuppressed: 0,
        },
        suppressions: Array.from({ length: 500 }, (_, i) => ({
          path: `src/x${i}.js`,
          line: i,
          ruleId: 'code/x',
          reason: 'r',
          used: false,
        })),
      },
    );
    const out = markdownReport(result, { tty: false });
    expect(out.length).toBeLessThan(65_536);
    expect(out).toContain('**Expired exceptions**');
    // Every <details> that opens also closes.
    expect(out.match(/<details>/g)?.length).toBe(out.match(/<\/details>/g)?.length);
  });
});
