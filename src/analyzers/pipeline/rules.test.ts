import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, runExample, runOn } from '../iac/examples/run.js';
import { GHA_EXAMPLES } from './examples/github.js';
import { GHA_CONDITION_EXAMPLES } from './examples/github-conditions.js';
import { GHA_CREDENTIAL_EXAMPLES } from './examples/github-credentials.js';
import { GHA_INJECTION_EXAMPLES, GHA_INJECTION_MORE } from './examples/github-injection.js';
import { GHA_PINNING_EXAMPLES } from './examples/github-pinning.js';
import { GHA_SUPPLY_EXAMPLES } from './examples/github-supply.js';
import { GITLAB_EXAMPLES } from './examples/gitlab.js';
import { pipelineAnalyzer } from './index.js';
import { ParseError } from '../../core/errors.js';

const TABLE = {
  ...GHA_EXAMPLES,
  ...GHA_CREDENTIAL_EXAMPLES,
  ...GHA_INJECTION_EXAMPLES,
  ...GHA_PINNING_EXAMPLES,
  ...GHA_CONDITION_EXAMPLES,
  ...GHA_SUPPLY_EXAMPLES,
  ...GITLAB_EXAMPLES,
};
TABLE['pipeline/gha-script-injection'] = [
  ...(TABLE['pipeline/gha-script-injection'] ?? []),
  ...GHA_INJECTION_MORE,
];

describe('pipeline rules: every rule fires on its bad examples (on the marked lines) and stays quiet on the good ones', () => {
  it('has examples for every rule and no examples for unknown rules', () => {
    expect(coverage(pipelineAnalyzer, TABLE)).toEqual({ missing: [], unknown: [] });
  });

  for (const rule of pipelineAnalyzer.rules) {
    (TABLE[rule.id] ?? []).forEach((ex, i) => {
      it(`${rule.id} #${i + 1} (${ex.path})`, async () => {
        const r = await runExample(pipelineAnalyzer, rule.id, ex);
        expect(r.expected.length, 'a bad example must mark at least one line').toBeGreaterThan(0);
        expect(r.badLines, 'bad example').toEqual(r.expected);
        expect(r.goodLines, 'good example').toEqual([]);
      });
    });
  }

  it('reports a malformed workflow as a ParseError with its line', async () => {
    const err = await Promise.resolve(
      runOn(pipelineAnalyzer, '.github/workflows/x.yml', 'on: push\njobs:\n  a: [\n'),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).line).toBeGreaterThanOrEqual(3);
  });

  it('throws nothing but ParseError on arbitrary input', async () => {
    const prefixes = [
      '',
      'on: push\njobs:\n  a:\n    steps:\n',
      'build:\n  script:\n',
      'runs:\n  using: composite\n  steps:\n',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('.github/workflows/x.yml', '.gitlab-ci.yml', 'action.yml', 'any/where.yaml'),
        fc.constantFrom(...prefixes),
        fc.string({ maxLength: 300 }),
        async (path, pre, body) => {
          try {
            await runOn(pipelineAnalyzer, path, pre + body);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
