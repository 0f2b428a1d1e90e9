import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../test/helpers/scan-result.js';
import { baselineFromFindings } from './baseline.js';
import { parseConfig } from './config.js';
import { createPolicyStage } from './stage.js';
import type { ScanWarning } from '../core/warning.js';

const config = parseConfig(
  'exceptions:\n  - rule: "iac/*"\n    reason: sandbox\n    owner: ops\n    expires: 2026-01-31\n  - path: "old/**"\n    reason: legacy\n    owner: web\n    expires: 2027-01-31\n',
);

describe('createPolicyStage', () => {
  it('applies exceptions and the baseline, and reports what it did', () => {
    const iac = makeFinding({ ruleId: 'iac/k8s-privileged', analyzer: 'iac', fingerprint: 'iac1' });
    const sqli = makeFinding({ fingerprint: 'sql1' });
    const s = createPolicyStage(config, {
      now: new Date('2026-01-15T00:00:00Z'),
      baseline: baselineFromFindings('base.json', [sqli]),
    });
    const warnings: ScanWarning[] = [];
    const out = s.stage([iac, sqli], warnings);
    expect(out.map((f) => f.suppression?.kind)).toEqual(['exception', 'baseline']);
    expect(s.report()).toMatchObject({
      configFile: 'vanguard.yaml',
      exceptionSuppressed: 1,
      baseline: { source: 'base.json', unchanged: 1, new: 1 },
    });
    expect(s.report().staleExceptions.map((e) => e.index)).toEqual([1]);
    expect(warnings).toEqual([]);
  });

  it('lets an expired exception go and names it', () => {
    const iac = makeFinding({ ruleId: 'iac/k8s-privileged', analyzer: 'iac' });
    const s = createPolicyStage(config, { now: new Date('2026-02-01T00:00:00Z') });
    expect(s.stage([iac], [])[0]!.suppression).toBeUndefined();
    expect(s.report().expiredExceptions.map((e) => e.index)).toEqual([0]);
    expect(s.report().baseline).toBeUndefined();
  });
});
