import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRIFT_RULES } from '../crosscheck.js';
import { deriveThreats, THREAT_RULE_METAS } from '../derive.js';
import { loadThreatModel } from '../load.js';
import { owaspForCwes } from '../../core/taxonomy.js';
import { EXAMPLE_HEADER, EXAMPLES } from './examples.js';
import { THREAT_RULES } from './index.js';

const threatsOf = (body: string, rule: string): number[] =>
  deriveThreats(loadThreatModel(EXAMPLE_HEADER + body, 'threatmodel.yaml'))
    .threats.filter((t) => t.rule.id === rule)
    .map((t) => t.line);

const markedLines = (body: string): number[] => {
  const offset = EXAMPLE_HEADER.split('\n').length - 1;
  return body.split('\n').flatMap((l, i) => (l.includes('# threat') ? [offset + i + 1] : []));
};

describe('threat rule library', () => {
  it('has at least 30 rules with unique ids', () => {
    expect(THREAT_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(THREAT_RULES.map((r) => r.id)).size).toBe(THREAT_RULES.length);
  });

  it('gives every rule a CWE with an OWASP category, principles and mitigations', () => {
    for (const r of THREAT_RULES) {
      expect(owaspForCwes(r.cwe), r.id).not.toEqual([]);
      expect(r.principles.length, r.id).toBeGreaterThan(0);
      expect(r.stride.length, r.id).toBeGreaterThan(0);
      expect(r.mitigations.length, r.id).toBeGreaterThan(0);
      for (const m of r.mitigations) expect(m.principles.length, r.id).toBeGreaterThan(0);
    }
    for (const m of THREAT_RULE_METAS) expect(m.phase).toBe('design');
  });

  it('is documented in docs/threat-model.md, rule by rule', () => {
    const doc = readFileSync(new URL('../../../docs/threat-model.md', import.meta.url), 'utf8');
    for (const r of THREAT_RULES) expect(doc, r.id).toContain(`| \`${r.id}\` |`);
    for (const r of Object.values(DRIFT_RULES))
      expect(doc, r.id).toContain(`| \`${r.id.replace('threats/', '')}\` |`);
  });

  it('has an example pair for every rule and no example without a rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(THREAT_RULES.map((r) => r.id).sort());
  });

  describe.each(THREAT_RULES.map((r) => [r.id] as const))('%s', (id) => {
    const ex = EXAMPLES[id];
    it('fires on the marked lines of the bad model', () => {
      expect(ex, `rule ${id} has no example`).toBeDefined();
      const expected = markedLines(ex?.bad ?? '');
      expect(expected.length).toBeGreaterThan(0);
      expect(threatsOf(ex?.bad ?? '', id)).toEqual(expected);
    });
    it('stays quiet on the good look-alike', () => {
      expect(threatsOf(ex?.good ?? '', id)).toEqual([]);
    });
  });
});
