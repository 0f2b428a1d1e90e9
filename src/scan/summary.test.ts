import { describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { markdownReport } from '../report/markdown.js';
import { tableReport } from '../report/table.js';
import { parseReport } from '../server/ingest/parse.js';
import { summarize } from './summary.js';

const GATE = { failOn: 'high' as const, failed: false, reason: 'passed', blocking: 0 };
const SHELL =
  'the route is behind the login (authenticateToken) that also opens the shell at server/index.js:888';

describe('findings not reported by design (summary.ts)', () => {
  const findings = [
    makeFinding({ severity: 'medium' }),
    makeFinding({ ruleId: 'code/js-path-traversal', suppression: { kind: 'by-design', reason: SHELL } }),
    makeFinding({ ruleId: 'code/js-log-injection', suppression: { kind: 'by-design', reason: SHELL } }),
    makeFinding({ suppression: { kind: 'inline', reason: 'reviewed' } }),
  ];

  it('counts them apart from the reported findings, by reason, within the suppressed ones', () => {
    const s = summarize(findings, GATE);
    expect(s.total).toBe(1);
    expect(s.suppressed).toBe(3);
    expect(s.byDesign).toEqual([{ reason: SHELL, findings: 2 }]);
    expect(summarize(findings.slice(0, 1), GATE).byDesign).toBeUndefined();
  });

  it('says so in the table, naming the reason, and keeps them out of the findings listed', () => {
    const result = makeResult(findings, undefined, { summary: summarize(findings, GATE) });
    const text = tableReport(result, { tty: false });
    expect(text).toContain(`Not reported, by design: 2 findings: ${SHELL}`);
    expect(text).not.toContain('code/js-path-traversal');
    expect(markdownReport(result, { tty: false })).toContain('Not reported, by design: 2 finding(s)');
  });

  it('is accepted by the server with its reason', () => {
    const parsed = parseReport(makeResult(findings, undefined, { summary: summarize(findings, GATE) }));
    const accepted = parsed.findings.filter((f) => f.accepted?.reason.startsWith('by design'));
    expect(accepted).toHaveLength(2);
  });
});
