import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './load-rules.js';
import { GUARD_POLARITY } from './rule-schema.js';
import { pathRuleYaml } from '../../../test/helpers/path-rule.js';

const rule = (guard: string): string => pathRuleYaml(guard);

describe('taint guard polarity', () => {
  it('reads allow and reject, and keeps a guard without one as before', () => {
    const file = parseRuleFile(
      'x.yaml',
      rule(`        - pattern: $L.has($X)
          polarity: allow
        - pattern: $X.includes('..')
          polarity: reject
        - pattern: $R.test($X)`),
    );
    const guards = file.rules[0]?.taint?.guards ?? [];
    expect(guards.map((g) => GUARD_POLARITY.get(g))).toEqual(['allow', 'reject', undefined]);
    // The polarity is not part of the ast-grep rule handed to the matcher.
    expect(JSON.stringify(guards[0])).not.toContain('polarity');
  });

  it('rejects any other polarity with the guard named', () => {
    expect(() =>
      parseRuleFile('x.yaml', rule(`        - pattern: $L.has($X)\n          polarity: maybe`)),
    ).toThrow(/taint\.guards\[0\]\.polarity must be "allow" or "reject"/);
  });
});
