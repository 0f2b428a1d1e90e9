import type { Analyzer } from '../../src/core/analyzer.js';
import type { RawFinding } from '../../src/core/finding.js';
import { findingFrom, type RuleMeta } from '../../src/core/rule.js';

export const TODO_RULE: RuleMeta = {
  id: 'code/test-marker',
  analyzer: 'code',
  title: 'Marker found',
  description: 'A test rule that fires on the word DANGER.',
  severity: 'high',
  confidence: 'high',
  cwe: [78],
  principles: ['zoning-containment'],
  remediation: 'Remove the marker.',
};

/** A small real analyzer for engine tests: reports every line containing DANGER, throws on files named boom.txt. */
export function markerAnalyzer(overrides: Partial<Analyzer> = {}): Analyzer {
  return {
    id: 'code',
    description: 'test marker analyzer',
    rules: [TODO_RULE],
    matches: (f) => f.ext === 'txt' || f.ext === 'js',
    analyze: (file) => {
      if (file.name === 'boom.txt') throw new Error('cannot parse boom.txt');
      const out: RawFinding[] = [];
      file.lines().forEach((line, i) => {
        if (line.includes('DANGER')) {
          out.push(
            findingFrom(TODO_RULE, {
              message: 'marker',
              location: { path: file.path, startLine: i + 1, snippet: line },
            }),
          );
        }
      });
      return out;
    },
    ...overrides,
  };
}
