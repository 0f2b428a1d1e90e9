import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { UsageError } from '../core/errors.js';
import { applyBaseline, baselineFromFindings, loadBaseline, parseBaseline } from './baseline.js';

describe('baseline', () => {
  const old = makeFinding({ fingerprint: 'aaa', location: { startLine: 10 } });
  const moved = { ...old, location: { ...old.location, startLine: 30 } };
  const fresh = makeFinding({ fingerprint: 'bbb' });

  it('marks findings known to the baseline as unchanged and suppressed, new ones as new', () => {
    const b = parseBaseline(JSON.stringify(makeResult([old])), 'base.json');
    const out = applyBaseline([moved, fresh], b);
    expect(out.findings.map((f) => f.baselineState)).toEqual(['unchanged', 'new']);
    expect(out.findings[0]!.suppression).toEqual({ kind: 'baseline', reason: 'in baseline base.json' });
    expect(out.findings[1]!.suppression).toBeUndefined();
    expect([out.unchanged, out.new]).toEqual([1, 1]);
  });

  it('keeps an earlier suppression on a known finding', () => {
    const inline = { ...old, suppression: { kind: 'inline' as const, reason: 'fixture' } };
    const out = applyBaseline([inline], baselineFromFindings('origin/main', [old]));
    expect(out.findings[0]!.suppression?.kind).toBe('inline');
    expect(out.findings[0]!.baselineState).toBe('unchanged');
  });

  it('reads SARIF partial fingerprints', () => {
    const sarif = {
      version: '2.1.0',
      runs: [{ results: [{ partialFingerprints: { 'vanguard/v1': 'aaa' } }] }],
    };
    expect([...parseBaseline(JSON.stringify(sarif), 'x.sarif').fingerprints]).toEqual(['aaa']);
  });

  it('rejects files that are not reports', async () => {
    expect(() => parseBaseline('not json', 'b.json')).toThrow(UsageError);
    expect(() => parseBaseline('{"hello": 1}', 'b.json')).toThrow(/neither a vanguard JSON report/);
    expect(() => parseBaseline('{"findings": [{}]}', 'b.json')).toThrow(/without a fingerprint/);
    await expect(loadBaseline('/nonexistent/base.json')).rejects.toThrow(/cannot read baseline/);
  });

  it('loads a baseline file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vg-baseline-'));
    try {
      await writeFile(join(dir, 'b.json'), JSON.stringify(makeResult([old, fresh])));
      expect((await loadBaseline(join(dir, 'b.json'))).fingerprints.size).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
