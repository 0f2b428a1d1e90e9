import { describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { REPORTERS } from './index.js';

// One taint-confirmed and one audit finding: every report must let a reader tell them apart.
const proven = makeFinding({ ruleId: 'code/py-sql-injection', confidence: 'high', tier: 'taint' });
const audit = makeFinding({
  ruleId: 'code/py-sql-injection-audit',
  severity: 'medium',
  confidence: 'medium',
  tier: 'audit',
  location: { path: 'app/db.py', startLine: 40 },
});
const result = makeResult([proven, audit]);
const render = (format: keyof typeof REPORTERS): string => REPORTERS[format](result, { tty: false });

describe('the tier of code findings in every report', () => {
  it('table, markdown and HTML say how each finding was established', () => {
    for (const format of ['table', 'markdown', 'html'] as const) {
      const text = render(format);
      expect(text, format).toContain('taint-confirmed, high confidence');
      expect(text, format).toContain('audit, not proven, medium confidence');
    }
  });

  it('JSON keeps the tier on the finding', () => {
    const json = JSON.parse(render('json')) as { findings: { ruleId: string; tier?: string }[] };
    expect(json.findings.map((f) => [f.ruleId, f.tier])).toEqual([
      ['code/py-sql-injection', 'taint'],
      ['code/py-sql-injection-audit', 'audit'],
    ]);
  });

  it('SARIF carries the tier in properties and ranks an audit finding lower', () => {
    const sarif = JSON.parse(render('sarif')) as {
      runs: { results: { ruleId: string; rank: number; properties: { tier?: string } }[] }[];
    };
    const results = sarif.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.properties.tier, r.rank])).toEqual([
      ['code/py-sql-injection', 'taint', 90],
      ['code/py-sql-injection-audit', 'audit', 50],
    ]);
  });

  it('GitLab reports name it in the details and the body', () => {
    const sast = JSON.parse(render('gitlab-sast')) as {
      vulnerabilities: { details?: { tier: { value: string } } }[];
    };
    expect(sast.vulnerabilities.map((v) => v.details?.tier.value)).toEqual([
      'taint-confirmed, high confidence',
      'audit, not proven, medium confidence',
    ]);
    const cq = JSON.parse(render('gitlab-codequality')) as { content: { body: string } }[];
    expect(cq[1]!.content.body).toContain('Found by: audit, not proven, medium confidence');
  });

  it('findings of other analyzers carry no tier', () => {
    const secret = makeFinding({ ruleId: 'secrets/aws-access-key', analyzer: 'secrets' });
    const text = tableOf(secret);
    expect(text).not.toContain('[');
  });
});

function tableOf(f: ReturnType<typeof makeFinding>): string {
  return REPORTERS.table(makeResult([f]), { tty: false }).split('\n')[0] ?? '';
}
