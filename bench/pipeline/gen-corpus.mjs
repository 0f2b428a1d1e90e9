// Generates a corpus of CI definitions for the pipeline bench: GitHub workflows (in .github/workflows and
// elsewhere), composite actions, GitLab CI files and Dependabot configs, with realistic step mixes, plus
// optional non-pipeline YAML (Kubernetes manifests) to measure what deciding "not a pipeline" costs.
// Usage: node bench/pipeline/gen-corpus.mjs [dir] [pipelineFiles] [otherYamlFiles] [seed]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'bench/.work/pipeline-corpus');
const count = Number(process.argv[3] ?? 10_000);
const others = Number(process.argv[4] ?? 0);
const seed = Number(process.argv[5] ?? 20261202);
console.log(`seed ${seed}`);

let x = seed >>> 0;
const rnd = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (a) => a[Math.floor(rnd() * a.length)];

const TRIGGERS = [
  'push',
  '[push, pull_request]',
  'pull_request_target',
  'issues',
  'issue_comment',
  '\n  push:\n    tags: ["v*"]',
  '\n  workflow_dispatch:\n    inputs:\n      name: { type: string }',
  '\n  workflow_run:\n    workflows: [ci]\n    types: [completed]',
  '\n  workflow_call:\n    inputs:\n      target: { type: string }',
];
// Most steps are what careful projects write; about one in five is one of the problems the rules look for.
const mostly = (good, bad) => () => (rnd() < 0.8 ? pick(good) : pick(bad));
const GOOD_USES = [
  'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          persist-credentials: false',
  'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0\n        with:\n          node-version: 20',
  'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2\n        with:\n          path: dist/',
  'docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0\n        with:\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}',
  'github/codeql-action/init@v3',
];
const GOOD_RUNS = [
  'make test',
  'npm ci && npm test',
  'go build ./...',
  'pytest -q',
  'cargo build --release',
  'echo "$TITLE" >> "$GITHUB_STEP_SUMMARY"',
  'echo "sha=${{ github.sha }}" >> "$GITHUB_OUTPUT"',
  'npm run lint -- --max-warnings 0',
  './scripts/check.sh "${{ matrix.os }}"',
  'docker build -t app:${{ github.sha }} .',
];
const BAD_USES = [
  'actions/checkout@v4',
  `actions/checkout@${'11bd71901bbe5b1630ceea73d27597364c9af683'} # v4.2.2`,
  'actions/setup-node@v4\n        with:\n          cache: npm',
  `actions/setup-go@${'0'.repeat(40)}`,
  'docker/login-action@v3',
  'tj-actions/changed-files@v45',
  'actions/upload-artifact@v4\n        with:\n          path: .',
  'actions/cache@v4\n        with:\n          path: ~/.npm\n          key: npm',
  'docker://alpine:3.20',
  'softprops/action-gh-release@v2',
  'actions/github-script@v7\n        with:\n          script: |\n            console.log(`${{ github.event.issue.title }}`)',
];
const RUNS = [
  'make test',
  'npm ci && npm test',
  'echo "${{ github.event.pull_request.title }}"',
  'echo "title=$TITLE" >> "$GITHUB_ENV"',
  'curl -fsSL https://get.example.dev | sh',
  'npm install -g some-tool',
  'echo "::set-output name=x::1"',
  'go build ./...',
  'docker push ghcr.io/acme/app:latest',
  'for f in ${{ steps.changed.outputs.all_changed_files }}; do echo "$f"; done',
  'pytest -q',
  'cargo build --release',
  'echo "${{ secrets.TOKEN }}"',
  'gh pr checkout ${{ github.event.pull_request.number }}',
];
const nextUses = mostly(GOOD_USES, BAD_USES);
const nextRun = mostly(GOOD_RUNS, RUNS);

function workflow() {
  const jobs = 1 + Math.floor(rnd() * 4);
  let s = `name: wf\non: ${pick(TRIGGERS)}\n${rnd() < 0.5 ? 'permissions:\n  contents: read\n' : ''}env:\n  TITLE: \${{ github.event.issue.title }}\njobs:\n`;
  for (let j = 0; j < jobs; j++) {
    s += `  job${j}:\n    runs-on: ${rnd() < 0.9 ? 'ubuntu-latest' : pick(['windows-latest', '[self-hosted, linux]'])}\n`;
    if (rnd() < 0.1) s += `    if: github.actor == 'dependabot[bot]'\n`;
    if (rnd() < 0.1) s += `    container: node:20\n`;
    if (rnd() < 0.2) s += `    permissions:\n      contents: read\n      id-token: write\n`;
    s += `    steps:\n      - id: changed\n        uses: ${nextUses()}\n`;
    const steps = 2 + Math.floor(rnd() * 8);
    for (let k = 0; k < steps; k++) {
      if (rnd() < 0.35) s += `      - uses: ${nextUses()}\n`;
      else s += `      - name: step ${k}\n        run: |\n          ${nextRun()}\n          ${nextRun()}\n`;
    }
  }
  return s;
}
const action = () =>
  `name: setup\ninputs:\n  version: { description: v }\nruns:\n  using: composite\n  steps:\n` +
  Array.from(
    { length: 3 + Math.floor(rnd() * 5) },
    () =>
      `    - shell: bash\n      run: ${nextRun().replace('${{ github.event.pull_request.title }}', '${{ inputs.version }}')}\n`,
  ).join('');
const gitlab = () =>
  `include:\n  - project: acme/templates\n    ref: main\n    file: /t.yml\nstages: [build, test]\n` +
  Array.from(
    { length: 2 + Math.floor(rnd() * 6) },
    (_, i) =>
      `job${i}:\n  stage: build\n  image: ${pick(['node:20', 'alpine:latest', `python:3.12@sha256:${'a'.repeat(64)}`])}\n  script:\n    - ${pick(['make', 'eval "echo $CI_MERGE_REQUEST_TITLE"', 'curl -s https://x.dev/i.sh | sh', 'git tag $CI_COMMIT_MESSAGE', 'npm ci'])}\n`,
  ).join('');
const dependabot = () =>
  `version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n`;
const k8s = (i) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n`;

rmSync(dir, { recursive: true, force: true });
const write = (p, text) => {
  mkdirSync(join(dir, p, '..'), { recursive: true });
  writeFileSync(join(dir, p), text);
};
let bytes = 0;
for (let i = 0; i < count; i++) {
  const r = rnd();
  const repo = `repo${Math.floor(i / 20)}`;
  const [p, text] =
    r < 0.6
      ? [`${repo}/.github/workflows/wf${i}.yml`, workflow()]
      : r < 0.7
        ? [`${repo}/ci/workflows/wf${i}.yaml`, workflow()]
        : r < 0.8
          ? [`${repo}/actions/a${i}/action.yml`, action()]
          : r < 0.95
            ? [`${repo}/ci/gitlab${i}.gitlab-ci.yml`, gitlab()]
            : [`${repo}/.github/dependabot${i}.yml`, dependabot()];
  write(p, text);
  bytes += text.length;
}
for (let i = 0; i < others; i++) write(`k8s/m${i}.yaml`, k8s(i));
console.log(
  `${count} pipeline files (${(bytes / 1e6).toFixed(1)} MB) and ${others} other YAML files in ${dir}`,
);
