import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheck } from './crosscheck.js';
import { deriveThreats } from './derive.js';
import { iacUnits } from './iac-facts.js';
import { loadThreatModel } from './load.js';
import { threatMarkdown, threatScanResult, threatTable } from './report.js';

const text = readFileSync(new URL('./fixtures/threatmodel.yaml', import.meta.url), 'utf8');
const model = loadThreatModel(text, 'threatmodel.yaml');
const derivation = deriveThreats(model, new Date('2026-11-22T00:00:00Z'));
const tf = readFileSync(new URL('./fixtures/repo/infra/main.tf', import.meta.url), 'utf8');
const drift = crossCheck([model], iacUnits('infra/main.tf', tf));

describe('threat reports', () => {
  it('builds a ScanResult whose gate counts only open findings', () => {
    const r = threatScanResult({
      model,
      derivation,
      drift,
      root: '/repo',
      startedAt: new Date(),
      failOn: 'high',
    });
    expect(r.findings).toHaveLength(derivation.threats.length + drift.length);
    expect(r.summary.suppressed).toBe(2);
    const openHighOrAbove = r.findings.filter(
      (f) => !f.suppression && ['critical', 'high'].includes(f.severity),
    ).length;
    expect(r.summary.gate).toMatchObject({ failOn: 'high', failed: true, blocking: openHighOrAbove });
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(r.findings.length);
    expect(r.rules.map((x) => x.id)).toEqual(
      expect.arrayContaining(['threats/model-drift-at-rest', 'threats/cleartext-credentials']),
    );
    expect(
      threatScanResult({ model, derivation, root: '/', startedAt: new Date(), failOn: 'none' }).summary.gate
        .failed,
    ).toBe(false);
  });

  it('Markdown holds the diagram, every threat, mitigations and the mismatches', () => {
    const md = threatMarkdown(model, derivation, drift);
    expect(md).toContain('```mermaid\nflowchart LR');
    for (const t of derivation.threats) expect(md).toContain(`\`${t.id}\``);
    expect(md).toContain('## Required mitigations');
    expect(md).toContain('threats/model-drift-at-rest');
  });

  it('the table lists each threat with status and rating', () => {
    const table = threatTable(model, derivation, false);
    for (const t of derivation.threats)
      expect(table).toMatch(new RegExp(`${t.status}\\s+${t.likelihood}×${t.impact}\\s+${t.id}`));
    expect(table).not.toContain('\u001b[');
    expect(threatTable(model, derivation, true)).toContain('\u001b[31m');
    const hostile = { ...model, title: 'shop\u001b[2J' };
    expect(threatTable(hostile, derivation, false)).toContain('threats in shop?[2J');
  });
});
