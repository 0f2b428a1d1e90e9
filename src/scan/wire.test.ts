import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import type { FileOutcome } from './file-task.js';
import { packOutcomes, unpackOutcomes } from './wire.js';

const finding = (ruleId: string, line: number, over: Partial<Finding> = {}): Finding => ({
  ruleId,
  analyzer: 'pipeline',
  severity: 'high',
  confidence: 'high',
  title: `Title of ${ruleId}`,
  message: `message at ${line}`,
  remediation: `Fix ${ruleId} like this.`,
  location: { path: 'w.yml', startLine: line, snippet: 'run: echo' },
  cwe: [78],
  owasp: ['A05:2025'],
  principles: ['zoning-containment'],
  phase: 'build',
  fingerprint: `fp${line}`,
  ...over,
});

const outcome = (findings: Finding[]): FileOutcome => ({
  path: 'w.yml',
  bytes: 10,
  utf8: true,
  findings,
  errors: [],
  timings: [['pipeline', 1]],
  directives: [],
});

describe('packed worker outcomes', () => {
  it('give back the same findings, field order included, and send each rule’s shared fields once', () => {
    const outcomes = [
      outcome([finding('a', 1), finding('a', 2, { severity: 'low', cwe: [78, 88] }), finding('b', 3)]),
      outcome([finding('a', 4, { title: 'Title of a, masked ab*****' }), finding('b', 5, { owasp: [] })]),
      outcome([]),
    ];
    const packed = packOutcomes(outcomes);
    expect(JSON.stringify(unpackOutcomes(JSON.parse(JSON.stringify(packed)) as typeof packed))).toBe(
      JSON.stringify(outcomes),
    );
    expect(Object.keys(packed.shared)).toEqual(['a', 'b']);
    const sent = JSON.stringify(packed.outcomes);
    expect(sent.split('Fix a like this.').length - 1).toBe(0);
    expect(sent).toContain('"low"');
    // Findings do not share arrays after unpacking.
    const [x, y] = unpackOutcomes(packed)[0]!.findings;
    x!.owasp.push('changed');
    expect(y!.owasp).toEqual(['A05:2025']);
  });

  it('sends field names, repeated strings and the file’s own path once, and gives every value back', () => {
    const message = 'step build expands github.event.issue.title into its bash script (run:)';
    const { ruleId, ...rest } = finding('a', 9);
    const outcomes = [
      outcome([
        finding('a', 1, { message }),
        finding('a', 2, {
          message,
          location: { path: 'w.yml', startLine: 2, snippet: 'run: echo', commit: 'c1' },
        }),
        // A finding placed in another file keeps its path; one whose rule id is not its first field keeps its order.
        finding('b', 3, {
          location: { path: 'other/action.yml', startLine: 3 },
          role: 'test',
          tier: undefined,
        }),
        {
          ...rest,
          ruleId,
          package: {
            ecosystem: 'PyPI',
            name: 'requests',
            version: '2.0.0',
            purl: 'pkg:pypi/requests@2.0.0',
            fixedIn: ['2.31.0'],
            advisories: ['GHSA-j8r2-6x86-q33q'],
            direct: false,
          },
        },
      ]),
    ];
    const packed = packOutcomes(outcomes);
    const wire = JSON.stringify(packed);
    expect(JSON.stringify(unpackOutcomes(JSON.parse(wire) as typeof packed))).toBe(JSON.stringify(outcomes));
    expect(wire.split(message).length - 1).toBe(1);
    expect(wire.split('"w.yml"').length - 1).toBe(1); // the outcome's own path
    expect(wire).toContain('other/action.yml');
    // Three kinds of finding (plain, with a role, with a package) for four findings: each field list once.
    expect(wire.split('"fingerprint"').length - 1).toBe(3);
  });

  it('leaves out empty lists of notes, inventories and deployments, and keeps the others', () => {
    const warning = { code: 'analyzer-note', message: 'note', path: 'w.yml' };
    const packed = packOutcomes([
      { ...outcome([]), warnings: [], inventories: [], deployments: [] },
      { ...outcome([]), warnings: [warning], inventories: [], deployments: [] },
    ]);
    const [a, b] = unpackOutcomes(JSON.parse(JSON.stringify(packed)) as typeof packed);
    expect(a).toEqual(outcome([]));
    expect(b).toEqual({ ...outcome([]), warnings: [warning] });
  });

  it('refuses a finding whose values do not match its field names', () => {
    const packed = packOutcomes([outcome([finding('a', 1)])]);
    packed.outcomes[0]!.findings[0]!.pop();
    expect(() => unpackOutcomes(packed)).toThrow(/malformed/);
  });
});
