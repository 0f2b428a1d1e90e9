import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from './rules.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const PRODUCT = 'acmecorp';

function scan(text: string, path: string) {
  return scanText(text, path, [PRODUCT]);
}

describe('secret rule catalogue', () => {
  it('has at least 100 credential types with unique ids', () => {
    const ids = SECRET_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(100);
    for (const r of SECRET_RULES) {
      expect(r.meta.id).toMatch(/^secrets\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.meta.cwe.length).toBeGreaterThan(0);
      expect(r.meta.principles).toContain('authentication');
    }
  });

  it('every rule has bad and good examples', () => {
    const missing = SECRET_RULES.filter((r) => r.examples.bad.length === 0 || r.examples.good.length === 0);
    expect(missing.map((r) => r.meta.id)).toEqual([]);
  });

  describe.each(SECRET_RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const path = rule.examples.path ?? 'config/app.conf';
    it.each(rule.examples.bad.map((t, i) => [i, t] as const))(
      'fires on bad example %i on the right line and column',
      (i, template) => {
        const text = `# settings\n\n${expandTemplate(template, seededRandom(i + 1), PRODUCT)}\n`;
        const found = scan(text, path).filter((d) => d.ruleId === id);
        expect(found, text).toHaveLength(1);
        const d = found[0]!;
        const lines = text.split('\n');
        const at = lines[d.line - 1]!.slice(d.column - 1);
        if (rule.locateAtMatch) expect(at.startsWith('-----BEGIN') || at.startsWith('PuTTY')).toBe(true);
        else expect(at.startsWith(d.secret.split('\n')[0]!), `${at} / ${d.secret}`).toBe(true);
        expect(d.snippet).not.toContain(d.secret);
      },
    );
    it.each(rule.examples.good.map((t, i) => [i, t] as const))(
      'stays quiet on look-alike %i',
      (i, template) => {
        const text = expandTemplate(template, seededRandom(i + 100), PRODUCT);
        expect(
          scan(text, path).filter((d) => d.ruleId === id),
          text,
        ).toEqual([]);
      },
    );
  });
});
