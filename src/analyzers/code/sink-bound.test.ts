import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './load-rules.js';

const rule = (sink: string) => `rules:
  - id: code/x-ssrf
    title: t
    description: d
    languages: [javascript]
    severity: high
    confidence: high
    cwe: [918]
    principles: [zoning-containment]
    message: m
    remediation: r
    taint:
      sinks:
${sink}
`;

describe('a taint sink bound to modules', () => {
  it('reads boundTo beside the matcher, and keeps it out of the ast-grep rule', () => {
    const file = parseRuleFile(
      'x.yaml',
      rule(
        `        - pattern: $F($$$)\n          arg: 0\n          boundTo: { metavar: $F, modules: [node-fetch] }`,
      ),
    );
    const sink = file.rules[0]?.taint?.sinks[0];
    expect(sink?.boundTo).toEqual({ metavar: 'F', modules: ['node-fetch'] });
    expect(JSON.stringify(sink?.matcher)).not.toContain('boundTo');
  });

  it('rejects a metavariable the sink does not bind', () => {
    expect(() =>
      parseRuleFile(
        'x.yaml',
        rule(`        - pattern: fetch($$$)\n          boundTo: { metavar: $F, modules: [x] }`),
      ),
    ).toThrow(/sinks\[0\]\.boundTo\.metavar "F" is not a metavariable of the sink/);
  });
});
