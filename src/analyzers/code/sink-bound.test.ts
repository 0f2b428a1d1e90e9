import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './load-rules.js';
import { mayMatch } from './match-words.js';

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

  it('matches only in files that name one of the modules in quotes (no walk of every call elsewhere)', () => {
    const file = parseRuleFile(
      'x.yaml',
      rule(
        `        - pattern: $F($$$)\n          arg: 0\n          boundTo: { metavar: $F, modules: [node-fetch, read-torrent] }`,
      ),
    );
    const m = file.rules[0]!.taint!.sinks[0]!.matcher;
    expect(mayMatch(m, 'const get = require("got"); get(url);')).toBe(false);
    expect(mayMatch(m, "const readTorrent = require('read-torrent'); readTorrent(url);")).toBe(true);
    expect(JSON.stringify(m.rule)).toContain('"kind":"program"');
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
