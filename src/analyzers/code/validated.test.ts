import { describe, expect, it } from 'vitest';
import { PreparedRules, validationFingerprint } from './engine.js';
import { parseRuleFile } from './load-rules.js';
import { markValidated, validatedRuleSets } from '../../core/validated-rules.js';

const ruleWith = (match: string): ReturnType<typeof parseRuleFile> =>
  parseRuleFile(
    'x.yaml',
    `rules:
  - { id: code/x, title: t, description: d, languages: [python], severity: low, confidence: low, cwe: [1],
      principles: [logging], message: m, remediation: r, match: ${match} }`,
  );

describe('validated rule sets', () => {
  it('remembers a rule set once its matchers compiled', () => {
    const set = { ...ruleWith("'eval($C)'"), sources: [], sanitizers: [] };
    const fingerprint = validationFingerprint(set);
    expect(validatedRuleSets()).not.toContain(fingerprint);
    new PreparedRules(set);
    expect(validatedRuleSets()).toContain(fingerprint);
  });

  it('skips only a rule set with the same matchers as one validated (a worker given the main process’s)', () => {
    const bad = { ...ruleWith('{ kind: no_such_kind_a }'), sources: [], sanitizers: [] };
    const other = { ...ruleWith('{ kind: no_such_kind_b }'), sources: [], sanitizers: [] };
    expect(() => new PreparedRules(bad)).toThrow(/code\/x: invalid matcher/);
    // As if another process had compiled these matchers without error: they are not compiled again.
    markValidated(validationFingerprint(bad));
    expect(() => new PreparedRules(bad)).not.toThrow();
    // The same rule id, file and languages with another matcher is validated for itself.
    expect(validationFingerprint(other)).not.toBe(validationFingerprint(bad));
    expect(() => new PreparedRules(other)).toThrow(/no_such_kind_b/);
  });
});
