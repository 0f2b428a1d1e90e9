import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's report is plain JavaScript with no declarations.
import { renderDoc } from '../bench/accuracy/report.mjs';

interface Item {
  f: {
    severity: string;
    confidence?: string;
    role?: string;
    ruleId: string;
    analyzer: string;
    location: { path: string; startLine: number };
  };
  verdict: { ok: boolean; why: string };
}
const item = (severity: string, role: string | undefined, ok: boolean, ruleId: string): Item => ({
  f: { severity, role, ruleId, analyzer: 'code', location: { path: 'a.py', startLine: 1 } },
  verdict: { ok, why: 'judged' },
});

describe('accuracy bench report: the noise share', () => {
  it('counts findings a user sees at info in tests, and shows the share without them beside it', () => {
    const findings = [
      ...Array.from({ length: 4 }, () => item('info', 'test', false, 'secrets/private-key')),
      item('high', undefined, true, 'code/py-sql-injection'),
      ...['a', 'b', 'c', 'd', 'e'].map((r) => item('low', undefined, false, `code/${r}`)),
    ];
    const doc = (renderDoc as (m: unknown[], meta: unknown) => { markdown: string })(
      [{ target: 'app', pinned: true, files: 1, findings }],
      { date: new Date(0), load: [1], seconds: 1 },
    );
    expect(doc.markdown).toContain(
      '✗ **not met** app: no noise class above a third of its findings: 40% (16% without the 4 at info in tests)',
    );
  });
});

describe('accuracy bench report: the confidence tiers', () => {
  it('gives each confidence its precision and what a --min-confidence gate keeps', () => {
    const at = (confidence: string, ok: boolean): Item => {
      const x = item('medium', undefined, ok, 'code/js-xss-audit');
      x.f.confidence = confidence;
      return x;
    };
    const findings = [
      at('high', true),
      at('high', true),
      at('high', false),
      at('medium', true),
      at('medium', false),
      at('low', false),
    ];
    const doc = (renderDoc as (m: unknown[], meta: unknown) => { markdown: string })(
      [{ target: 'app', pinned: true, files: 1, findings }],
      { date: new Date(0), load: [1], seconds: 1 },
    );
    expect(doc.markdown).toContain('| high | 3 | 3 | 2 | 66% | high: 2 of 3 | 66% |');
    expect(doc.markdown).toContain('| medium | 2 | 2 | 1 | 50% | medium: 3 of 5 | 60% |');
    expect(doc.markdown).toContain('| low | 1 | 1 | 0 | 0% | low: 3 of 6 | 50% |');
  });
});
