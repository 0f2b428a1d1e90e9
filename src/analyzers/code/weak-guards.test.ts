import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './load-rules.js';
import { GUARD_POLARITY, WEAK_GUARDS } from './rule-schema.js';
import { pathRuleYaml } from '../../../test/helpers/path-rule.js';

const TWIN = `    weakGuards:
      id: code/x-path-sibling
      title: t2
      description: d2
      severity: medium
      confidence: medium
      message: m2
      requires: [startsWith]
`;
const rule = (guards: string, twin = true): string => pathRuleYaml(guards, twin ? { more: TWIN } : {});

describe('weak guards and the weakGuards twin', () => {
  it('makes a twin of the same class without the weak guards, at its own severity and message', () => {
    const file = parseRuleFile(
      'x.yaml',
      rule(`        - pattern: $L.has($X)
          polarity: allow
        - pattern: $X.startsWith($$$)
          polarity: allow
          weak: true`),
    );
    const [parent, twin] = file.rules;
    expect(file.rules).toHaveLength(2);
    expect(parent?.taint?.guards).toHaveLength(2);
    const weak = parent?.taint?.guards[1];
    expect(weak && WEAK_GUARDS.has(weak)).toBe(true);
    expect(weak && GUARD_POLARITY.get(weak)).toBe('allow');
    // `weak` is not part of the ast-grep rule handed to the matcher.
    expect(JSON.stringify(weak)).not.toContain('weak');
    expect(twin).toMatchObject({
      id: 'code/x-path-sibling',
      class: parent?.class,
      severity: 'medium',
      confidence: 'medium',
      message: 'm2',
      triggers: ['fs'],
      requires: ['startsWith'],
    });
    expect(twin?.taint?.guards).toEqual([parent?.taint?.guards[0]]);
    expect(twin?.taint?.sinks).toBe(parent?.taint?.sinks);
  });

  it('refuses a twin with no weak guard, and a weak value other than true', () => {
    expect(() => parseRuleFile('x.yaml', rule(`        - pattern: $L.has($X)`))).toThrow(
      /weakGuards" needs a guard marked "weak: true"/,
    );
    expect(() =>
      parseRuleFile('x.yaml', rule(`        - pattern: $L.has($X)\n          weak: yes`, false)),
    ).toThrow(/taint\.guards\[0\]\.weak must be true when given/);
  });
});
