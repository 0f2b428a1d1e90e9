import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { pipelineAnalyzer } from './index.js';

const PATH = '.github/workflows/cla.yml';

async function triggerLines(text: string, options: Record<string, unknown> = {}): Promise<number[]> {
  const file = makeSourceFile(PATH, text, PATH, Buffer.from(text));
  const found = await pipelineAnalyzer.analyze(file, makeMemoryContext({}, options));
  return found.filter((f) => f.ruleId === 'pipeline/gha-privileged-trigger').map((f) => f.location.startLine);
}

const workflow = (steps: string, trigger = 'pull_request_target') => `on:
  ${trigger}:
    types: [opened]
permissions:
  pull-requests: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
${steps}`;

// A CLA check: one curl of the base repository's file through grep, and a comment through the API.
const CLA = `      - run: |
          if ! curl -s https://example.org/cla.md | grep -io "@$USER,"; then
            gh pr comment "$NUMBER" -b "Please sign the CLA"
          fi
        env:
          USER: \${{ github.actor }}
`;
const SCRIPT = `      - uses: actions/github-script@v6
        with:
          script: |
            const { data } = await github.rest.pulls.list({ owner: context.repo.owner, repo: context.repo.repo });
            return data.length;
`;

describe('pull_request_target workflows that run none of the pull request’s code', () => {
  it('are left to the audit profile: shell commands and GitHub’s script action on the API', async () => {
    for (const steps of [CLA, SCRIPT, CLA + SCRIPT]) {
      expect(await triggerLines(workflow(steps))).toEqual([]);
      expect(await triggerLines(workflow(steps), { profile: 'audit' })).toEqual([2]);
    }
  });

  it('stay reported where a step may run or fetch the fork’s code, or for workflow_run', async () => {
    const third = '      - uses: example/cerebrus@v8\n        with: { mode: rules }\n';
    const checkout = '      - uses: actions/checkout@v4\n';
    const fetch = '      - run: git fetch origin "pull/$NUMBER/head"\n';
    const install = '      - run: npm ci && npm test\n';
    const artifact = '      - run: gh run download "$RUN" -n report\n';
    for (const steps of [third, checkout, fetch, install, artifact, CLA + third])
      expect(await triggerLines(workflow(steps))).toEqual([2]);
    expect(await triggerLines(workflow(CLA, 'workflow_run'))).toEqual([2]);
    const reusable = `on: pull_request_target\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n`;
    expect(await triggerLines(reusable)).toEqual([1]);
  });
});
