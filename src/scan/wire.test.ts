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
    expect(sent).toContain('"severity":"low"');
    // Findings do not share arrays after unpacking.
    const [x, y] = unpackOutcomes(packed)[0]!.findings;
    x!.owasp.push('changed');
    expect(y!.owasp).toEqual(['A05:2025']);
  });
});
