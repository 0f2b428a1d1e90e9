import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveThreats, severityOf, threatToFinding } from './derive.js';
import { loadThreatModel } from './load.js';

const text = readFileSync(new URL('./fixtures/threatmodel.yaml', import.meta.url), 'utf8');
const model = loadThreatModel(text, 'docs/threatmodel.yaml');

describe('deriveThreats and risk tracking', () => {
  it('gives stable ids of rule and subject, located at the asset or flow line', () => {
    const { threats } = deriveThreats(model, new Date('2026-11-22T00:00:00Z'));
    const t = threats.find((x) => x.id === 'unencrypted-flow-across-boundary@storefront-orders');
    expect(t).toBeDefined();
    expect(t?.line).toBe(model.flows.find((f) => f.id === 'storefront-orders')?.line);
    expect(t?.impact).toBe(2); // carries confidential customer data
    expect(t?.severity).toBe('medium');
    expect(new Set(threats.map((x) => x.id)).size).toBe(threats.length);
  });

  it('keeps an acceptance until its expiry day and reopens it after', () => {
    const before = deriveThreats(model, new Date('2026-12-31T22:00:00Z')).threats.find(
      (t) => t.id === 'secrets-without-vault@orders',
    );
    expect(before?.status).toBe('accepted');
    const after = deriveThreats(model, new Date('2027-01-01T00:00:01Z')).threats.find(
      (t) => t.id === 'secrets-without-vault@orders',
    );
    expect(after?.status).toBe('open');
    expect(after?.expiredOn).toBe('2026-12-31');
    const f = threatToFinding(after!, model.file);
    expect(f.suppression).toBeUndefined();
    expect(f.message).toContain('acceptance expired on 2026-12-31');
  });

  it('marks false positives and mitigations as suppressed findings with the reason', () => {
    const { threats } = deriveThreats(model, new Date('2026-11-22T00:00:00Z'));
    const fp = threats.find((t) => t.id === 'missing-identity-provider@storefront');
    expect(fp?.status).toBe('false-positive');
    const f = threatToFinding(fp!, model.file);
    expect(f.suppression).toEqual({
      kind: 'exception',
      reason: expect.stringContaining('false-positive: Login is delegated') as unknown,
    });
    const acc = threatToFinding(
      threats.find((t) => t.id === 'secrets-without-vault@orders')!,
      model.file,
    );
    expect(acc.suppression).toMatchObject({
      kind: 'exception',
      expires: '2026-12-31',
      reason: expect.stringContaining('accepted by platform-team') as unknown,
    });
  });

  it('reports tracking entries that match no threat', () => {
    const m = loadThreatModel(
      text.replace('secrets-without-vault@orders', 'secrets-without-vault@gone'),
      'threatmodel.yaml',
    );
    expect(deriveThreats(m).staleDecisions.map((d) => d.id)).toEqual(['secrets-without-vault@gone']);
  });

  it('builds design-phase findings with CWE, OWASP, principles and mitigations', () => {
    const { threats } = deriveThreats(model);
    const t = threats.find((x) => x.rule.id === 'unencrypted-flow-across-boundary')!;
    const f = threatToFinding(t, model.file);
    expect(f).toMatchObject({
      ruleId: 'threats/unencrypted-flow-across-boundary',
      analyzer: 'threats',
      phase: 'design',
      cwe: [319],
      owasp: ['A04:2025'],
      principles: ['encryption', 'zoning-containment'],
      location: { path: 'docs/threatmodel.yaml', startLine: t.line },
      fingerprintKey: t.id,
    });
    expect(f.remediation).toContain('TLS');
  });

  it('rates likelihood × impact', () => {
    expect([1, 2, 3, 4, 6, 9].map(severityOf)).toEqual([
      'info',
      'low',
      'medium',
      'medium',
      'high',
      'critical',
    ]);
  });
});
