import { describe, expect, it } from 'vitest';
import { PRINCIPLES, SEVERITIES } from '../../core/finding.js';
import { ruleOwasp } from '../../core/rule.js';
import { pipelineAnalyzer } from '../pipeline/index.js';
import { iacAnalyzer } from './index.js';

describe('iac and pipeline rule catalogue', () => {
  for (const a of [iacAnalyzer, pipelineAnalyzer]) {
    for (const r of a.rules) {
      it(`${r.id} is complete`, () => {
        expect(r.id.startsWith(`${a.id}/`)).toBe(true);
        expect(r.analyzer).toBe(a.id);
        expect(r.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
        expect(r.cwe.length).toBeGreaterThan(0);
        expect(ruleOwasp(r).length, 'every CWE maps to an OWASP 2025 category').toBeGreaterThan(0);
        expect(r.principles.length).toBeGreaterThan(0);
        for (const p of r.principles) expect(PRINCIPLES).toContain(p);
        expect(SEVERITIES).toContain(r.severity);
        expect(r.title.length).toBeGreaterThan(5);
        expect(r.description.length).toBeGreaterThan(30);
        expect(r.remediation.length).toBeGreaterThan(30);
      });
    }
  }
});
