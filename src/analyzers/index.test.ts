import { describe, expect, it } from 'vitest';
import { ruleOwasp } from '../core/rule.js';
import { createRegistry } from './index.js';
import { AnalyzerRegistry } from './registry.js';

describe('analyzer registry', () => {
  const registry = createRegistry();

  it('registers every analyzer once, and refuses a second registration or an unknown name', () => {
    expect(registry.ids().sort()).toEqual(['code', 'deps', 'iac', 'pipeline', 'secrets', 'threats']);
    const twice = new AnalyzerRegistry().register(registry.get('iac'));
    expect(() => twice.register(registry.get('iac'))).toThrow(/registered twice/);
    expect(() => registry.get('nope')).toThrow(/unknown analyzer "nope"/);
  });

  it('has unique rule ids across all analyzers, each under its analyzer and fully described', () => {
    const seen = new Set<string>();
    for (const a of registry.all()) {
      for (const r of a.rules) {
        expect(seen.has(r.id), `duplicate rule ${r.id}`).toBe(false);
        seen.add(r.id);
        expect(r.id.startsWith(`${a.id}/`), r.id).toBe(true);
        expect(r.analyzer).toBe(a.id);
        expect(r.title && r.description && r.remediation, r.id).toBeTruthy();
        expect(r.principles.length, `${r.id} principles`).toBeGreaterThan(0);
        expect(ruleOwasp(r).length + r.cwe.length, `${r.id} taxonomy`).toBeGreaterThan(0);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });
});
