import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzerRegistry } from '../registry.js';
import { runScan } from '../../scan/run-scan.js';
import { pipelineAnalyzer } from './index.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-pipeline-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

const scan = (path: string) =>
  runScan({
    path,
    registry: new AnalyzerRegistry().register(pipelineAnalyzer),
    workers: 0,
    gitignore: false,
  });

const WORKFLOW = `name: triage
on: issues
permissions:
  contents: read
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.issue.title }}"
`;

const ACTION = `name: setup
inputs:
  version: { description: v }
runs:
  using: composite
  steps:
    - shell: bash
      run: ./install.sh \${{ inputs.version }}
`;

const warned = (r: { warnings: unknown[] }, text: string) =>
  r.warnings.some((w) => JSON.stringify(w).includes(text));

describe('pipeline discovery: found by content as well as by place', () => {
  it('analyzes a workflow passed as a single file and as its folder', async () => {
    const root = tree({ '.github/workflows/ci.yml': WORKFLOW });
    for (const path of [join(root, '.github/workflows/ci.yml'), join(root, '.github/workflows')]) {
      const r = await scan(path);
      expect(r.findings.map((f) => [f.ruleId, f.location.path])).toContainEqual([
        'pipeline/gha-script-injection',
        'ci.yml',
      ]);
    }
  });

  it('finds the exact line and column of the expression, names context and sink, and says how to fix it', async () => {
    const r = await scan(tree({ 'ci.yml': WORKFLOW }));
    const f = r.findings.find((x) => x.ruleId === 'pipeline/gha-script-injection')!;
    expect(f.location).toMatchObject({ startLine: 9, startColumn: 20, endColumn: 51 });
    expect(f.message).toContain('github.event.issue.title');
    expect(f.message).toContain('bash script (run:)');
    expect(f.severity).toBe('critical');
    expect(f.remediation).toContain('env:');
  });

  it('analyzes workflows, composite actions, reusable workflows and Dependabot configs wherever they sit', async () => {
    const root = tree({
      'ci/pipelines/build.yaml': WORKFLOW,
      'tools/setup/action.yaml': ACTION,
      'shared/reusable.yml': `on:
  workflow_call:
    inputs:
      target: { type: string }
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: make deploy TARGET=\${{ inputs.target }}
`,
      'config/dependabot.yml': `version: 2
updates:
  - package-ecosystem: pip
    directory: /
    insecure-external-code-execution: allow
    schedule: { interval: weekly }
`,
    });
    const r = await scan(root);
    const got = r.findings.map((f) => `${f.location.path}:${f.location.startLine}:${f.ruleId}`);
    expect(got).toContain('ci/pipelines/build.yaml:9:pipeline/gha-script-injection');
    expect(got).toContain('tools/setup/action.yaml:8:pipeline/gha-script-injection');
    expect(got).toContain('shared/reusable.yml:10:pipeline/gha-script-injection');
    expect(got).toContain('config/dependabot.yml:5:pipeline/dependabot-insecure-execution');
  });

  it('leaves out a workflow parked under .github/ where GitHub never runs it, and says so', async () => {
    const root = tree({
      '.github/disabled-workflows/docker.yml': WORKFLOW,
      '.github/workflows/old/ci.yml': WORKFLOW,
      '.github/workflows/ci.yml': WORKFLOW,
      '.github/workflow-templates/triage.yml': WORKFLOW,
      '.github/actions/setup/action.yml': ACTION,
      'templates/github/ci.yml': WORKFLOW,
    });
    const r = await scan(root);
    const paths = new Set(r.findings.map((f) => f.location.path));
    // bad: what GitHub runs (or an organisation's repositories copy), and a file whose place says nothing
    for (const p of [
      '.github/workflows/ci.yml',
      '.github/workflow-templates/triage.yml',
      '.github/actions/setup/action.yml',
      'templates/github/ci.yml',
    ])
      expect(paths).toContain(p);
    // good: a parked workflow, in another folder of .github/ or a subfolder of workflows/
    expect(paths).not.toContain('.github/disabled-workflows/docker.yml');
    expect(paths).not.toContain('.github/workflows/old/ci.yml');
    expect(warned(r, '.github/disabled-workflows/docker.yml reads as a workflow but sits outside')).toBe(
      true,
    );
  });

  it('analyzes files that a GitLab root includes with include: local, even without job scripts', async () => {
    const root = tree({
      '.gitlab-ci.yml':
        'include:\n  - local: /ci/deploy.yml\n  - remote: https://example.com/x.yml\nstages: [deploy]\n',
      'ci/deploy.yml': 'deploy:\n  stage: deploy\n  image: alpine:latest\n',
      'ci/unrelated.yml': 'deploy:\n  image: alpine:latest\n',
    });
    const r = await scan(root);
    const got = r.findings.map((f) => `${f.location.path}:${f.ruleId}`);
    expect(got).toContain('ci/deploy.yml:pipeline/gitlab-unpinned-image');
    expect(got).not.toContain('ci/unrelated.yml:pipeline/gitlab-unpinned-image');
    expect(got).toContain('.gitlab-ci.yml:pipeline/gitlab-unpinned-include');
    expect(warned(r, 'https://example.com/x.yml')).toBe(true);
  });

  it('says so when a file in a pipeline place cannot be analyzed, and leaves other YAML alone', async () => {
    const root = tree({
      '.github/workflows/notes.yml': 'owner: platform-team\n',
      'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\n',
      'chart/templates/job.yaml': 'jobs:\n  {{- if .Values.x }}\n  a: [\n',
    });
    const r = await scan(root);
    expect(r.status).toBe('complete');
    expect(r.findings).toEqual([]);
    expect(warned(r, '.github/workflows/notes.yml is not a GitHub Actions workflow')).toBe(true);
  });

  it('records a broken workflow as a failure of that file (partial scan)', async () => {
    const r = await scan(tree({ '.github/workflows/ci.yml': 'on: push\njobs:\n  a: [\n' }));
    expect(r.status).toBe('partial');
  });
});
