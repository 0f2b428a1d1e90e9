import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheck } from './crosscheck.js';
import { deriveThreats } from './derive.js';
import { iacUnits } from './iac-facts.js';
import { loadThreatModel } from './load.js';
import { threatMarkdown, threatTable } from './report.js';

const text = readFileSync(new URL('./fixtures/threatmodel.yaml', import.meta.url), 'utf8');
const model = loadThreatModel(text, 'threatmodel.yaml');
const derivation = deriveThreats(model, new Date('2026-11-22T00:00:00Z'));
const tf = readFileSync(new URL('./fixtures/repo/infra/main.tf', import.meta.url), 'utf8');
const drift = crossCheck([model], iacUnits('infra/main.tf', tf));

describe('threat reports', () => {
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
