import { describe, expect, it } from 'vitest';
import { hostileFinding } from '../../test/helpers/hostile.js';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { exceptionWarnings } from '../policy/exceptions.js';
import { escapeData, escapeProperty, githubReport } from './github.js';
import { scanWarning } from '../core/warning.js';

const opts = { tty: false };

describe('github annotations', () => {
  it('writes one annotation per unsuppressed finding with file, line and level, then the gate', () => {
    const high = makeFinding({
      severity: 'high',
      location: { path: 'src/a.js', startLine: 4, startColumn: 3, endColumn: 9 },
    });
    const medium = makeFinding({
      severity: 'medium',
      location: { path: 'src/b.js', startLine: 8, endLine: 10, startColumn: 2 },
    });
    const low = makeFinding({ severity: 'low' });
    const suppressed = makeFinding({ suppression: { kind: 'baseline', reason: 'in baseline' } });
    const out = githubReport(
      makeResult([high, medium, low, suppressed], {
        failed: true,
        reason: 'failed: 1 finding at or above high (1 high)',
      }),
      opts,
    );
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::error file=src\/a\.js,line=4,col=3,endColumn=9,title=high%3A SQL built from request input \(code\/js-sql-injection\)::req\.query\.id flows/,
    );
    expect(lines[0]).toContain('%0A%0AFix%3A'.replace('%3A', ':'));
    expect(lines[1]).toMatch(/^::warning file=src\/b\.js,line=8,endLine=10,title=/);
    expect(lines[1]).not.toContain('col=');
    expect(lines[2]).toMatch(/^::notice /);
    expect(lines[3]).toBe('::error title=Vanguard gate::failed: 1 finding at or above high (1 high)');
  });

  it('escapes properties and data so content cannot end the command or add properties', () => {
    const out = githubReport(makeResult([hostileFinding()]), opts);
    const first = out.split('\n')[0]!;
    expect(out.trimEnd().split('\n')).toHaveLength(2);
    expect(first).toContain('file=web/a%2Cb%3Ac%25d.js,line=7,');
    const [head, ...rest] = first.split('::').filter(Boolean);
    expect(head!.split(',').every((p) => /^[a-zA-Z]+=/.test(p) || p.startsWith('error '))).toBe(true);
    // The data part may contain "::", but no raw newline or carriage return.
    expect(rest.join('::')).not.toMatch(/[\r\n]/);
    expect(first).not.toContain('\u0000');
  });

  it('names expired and stale exceptions at the configuration file', () => {
    const ref = {
      index: 1,
      match: { rule: 'code/*' },
      reason: 'legacy',
      owner: 'ops',
      expires: '2026-01-31',
      matched: 2,
    };
    const out = githubReport(
      makeResult(
        [],
        {},
        {
          policy: {
            configFile: 'vanguard.yaml',
            expiredExceptions: [ref],
            staleExceptions: [{ ...ref, index: 3, matched: 0 }],
            exceptionSuppressed: 0,
          },
        },
      ),
      opts,
    );
    expect(out).toContain(
      '::warning file=vanguard.yaml,title=Expired exception::exceptions[1] (owner ops) expired on 2026-01-31; 2 finding(s)',
    );
    expect(out).toContain(
      '::notice file=vanguard.yaml,title=Stale exception::exceptions[3] (owner ops) matches no finding',
    );
  });

  it('does not repeat policy lines that are also in the warnings', () => {
    const ref = {
      index: 0,
      match: { rule: 'code/*' },
      reason: 'legacy',
      owner: 'ops',
      expires: '2026-01-31',
      matched: 0,
    };
    const policy = {
      configFile: 'vanguard.yaml',
      expiredExceptions: [],
      staleExceptions: [ref],
      exceptionSuppressed: 0,
    };
    const warnings = [
      ...exceptionWarnings({ expired: [], stale: [ref] }),
      scanWarning('diff-scope', 'diff: 2 changed file(s) since main'),
    ];
    const out = githubReport(makeResult([], {}, { policy, warnings }), opts);
    expect(out.match(/matches no finding/g)).toHaveLength(1);
    expect(out).toContain('::warning title=vanguard::diff: 2 changed file(s) since main');
  });

  it('points at unused inline suppressions', () => {
    const suppressions = [
      { path: 'src/a.js', line: 4, ruleId: 'code/js-eval', reason: 'trusted input', used: false },
      { path: 'src/b.js', line: 9, ruleId: 'code/js-eval', reason: 'constant', used: true },
    ];
    const out = githubReport(makeResult([], {}, { suppressions }), opts);
    expect(out).toContain(
      '::notice file=src/a.js,line=4,title=Unused inline suppression::vanguard-ignore for code/js-eval',
    );
    expect(out).not.toContain('src/b.js');
  });

  it('escapes like @actions/core', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
