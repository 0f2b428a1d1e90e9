import type { ExampleTable } from '../../iac/examples/types.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const HEAD = `name: ci
on: [push]
permissions:
  contents: read
`;

export const GHA_EXAMPLES: ExampleTable = {
  'pipeline/gha-unpinned-action': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
      - uses: some-org/lint-action@v3 ⟵
      - uses: some-org/other-action ⟵
  release:
    uses: other-org/workflows/.github/workflows/release.yml@main ⟵
`,
      good: `${HEAD}jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: some-org/lint-action@${SHA} # v3
      - uses: ./.github/actions/setup
      - uses: acme/internal-action@v2
  release:
    uses: ./.github/workflows/release.yml
`,
      options: { trustedOwners: ['acme'] },
    },
    {
      path: '.github/workflows/strict.yaml',
      bad: `${HEAD}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4 ⟵\n`,
      good: `${HEAD}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@${SHA}\n`,
      options: { strictPinning: true },
    },
    {
      path: 'ci.yml',
      bad: `${HEAD}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: other-org/deploy@v1 ⟵\n      - uses: acme/deploy@v1\n`,
      good: `${HEAD}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/deploy@v1\n      - uses: ACME/setup@main\n`,
      options: { sameOwner: true, owner: 'acme' },
    },
  ],
  'pipeline/gha-script-injection': [
    {
      path: '.github/workflows/triage.yml',
      bad: `name: triage
on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - name: label
        run: |
          echo "triaging"
          echo "\${{ github.event.issue.title }}" | grep -q bug ⟵
      - uses: actions/github-script@${SHA}
        with:
          script: |
            const body = \`\${{ github.event.issue.body }}\` ⟵
            console.log(body)
      - run: git push origin \${{ github.head_ref }} ⟵
`,
      good: `name: triage
on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - name: label
        env:
          TITLE: \${{ github.event.issue.title }}
        run: |
          echo "$TITLE" | grep -q bug
          echo "\${{ github.event.issue.number }} \${{ github.repository }}"
      - uses: actions/github-script@${SHA}
        with:
          script: console.log(process.env.BODY)
`,
    },
    {
      path: '.github/actions/notify/action.yml',
      bad: `name: notify
runs:
  using: composite
  steps:
    - shell: bash
      run: echo "\${{ github.event.pull_request.title }}" >> "$GITHUB_STEP_SUMMARY" ⟵
    - uses: some-org/slack-action@v1
`,
      good: `name: notify
runs:
  using: composite
  steps:
    - shell: bash
      env:
        TITLE: \${{ github.event.pull_request.title }}
      run: echo "$TITLE" >> "$GITHUB_STEP_SUMMARY"
`,
    },
  ],
  'pipeline/gha-dangerous-trigger': [
    {
      path: '.github/workflows/pr.yml',
      bad: `on: pull_request_target
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          ref: \${{ github.event.pull_request.head.sha }} ⟵
      - run: npm ci && npm test
`,
      good: `on: pull_request_target
permissions:
  contents: read
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
      - run: echo "labels only, base branch code"
  same-repo:
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
`,
    },
    {
      path: '.github/workflows/after-ci.yml',
      bad: `on:
  workflow_run:
    workflows: [ci]
    types: [completed]
permissions:
  contents: read
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          repository: \${{ github.event.pull_request.head.repo.full_name }} ⟵
      - run: |
          gh pr checkout \${{ github.event.workflow_run.pull_requests[0].number }} ⟵
          make report
`,
      good: `on:
  workflow_run:
    workflows: [ci]
    types: [completed]
permissions:
  contents: read
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@${SHA}
      - run: cat report.txt
`,
    },
  ],
  'pipeline/gha-excessive-permissions': [
    {
      path: '.github/workflows/ci.yml',
      bad: `on: push\npermissions: write-all ⟵\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n`,
      good: `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps: [{ run: make }]\n`,
    },
    {
      path: '.github/workflows/ci.yml',
      bad: `on: push\njobs:\n  a: ⟵\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n  b: ⟵\n    uses: ./.github/workflows/lint.yml\n`,
      good: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps: [{ run: make }]\n`,
    },
    {
      // A workflow only others call runs with their token; its jobs need no permissions of their own.
      path: '.github/workflows/reusable.yml',
      bad: `on:\n  workflow_call:\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{ run: make lint }]\n  deploy: ⟵\n    uses: ./.github/workflows/deploy.yml\n`,
      good: `on:\n  workflow_call:\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{ run: make lint }]\n`,
    },
    {
      path: '.github/workflows/release.yml',
      bad: `on: push
permissions: read-all ⟵
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: read-all ⟵
    steps: [{ run: make }]
`,
      good: `on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: make }]
`,
    },
    {
      // Write scopes at the top reach every job; with one job that is the job's own need.
      path: '.github/workflows/release.yml',
      bad: `on: push
permissions:
  contents: write ⟵
  pull-requests: write ⟵
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{ run: make test }]
  release:
    runs-on: ubuntu-latest
    steps: [{ run: make release }]
`,
      good: `on: push
permissions:
  contents: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps: [{ run: make release }]
`,
    },
  ],
  'pipeline/gha-privileged-trigger': [
    {
      path: '.github/workflows/size.yml',
      bad: `on:
  pull_request_target: ⟵
    types: [opened]
permissions:
  pull-requests: write
jobs:
  size:
    runs-on: ubuntu-latest
    steps: [{ uses: example/build-size@v8, with: { pr_number: "\${{ github.event.number }}" } }]
`,
      good: `on:
  pull_request:
    types: [opened]
permissions:
  pull-requests: write
jobs:
  size:
    runs-on: ubuntu-latest
    steps: [{ uses: example/build-size@v8, with: { pr_number: "\${{ github.event.number }}" } }]
`,
    },
    {
      // Only shell commands on the API and no fetch of the pull request: the use the trigger exists for (the audit
      // profile still reports it). A step that fetches the head, as here in the bad example, is reported.
      path: '.github/workflows/label.yml',
      bad: `on:
  pull_request_target: ⟵
    types: [opened]
permissions:
  pull-requests: write
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - run: git fetch origin "pull/$PR/head" && gh pr edit "$PR" --add-label triage
`,
      good: `on:
  pull_request_target:
    types: [opened]
permissions:
  pull-requests: write
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr edit "$PR" --add-label triage
`,
    },
    {
      path: '.github/workflows/chatops.yml',
      bad: `on: issue_comment
permissions: {}
jobs:
  deploy: ⟵
    if: startsWith(github.event.comment.body, '/deploy')
    runs-on: ubuntu-latest
    steps: [{ run: make deploy }]
`,
      good: `on: issue_comment
permissions: {}
jobs:
  deploy:
    if: startsWith(github.event.comment.body, '/deploy') && contains(fromJSON('["OWNER", "MEMBER"]'), github.event.comment.author_association)
    runs-on: ubuntu-latest
    steps: [{ run: make deploy }]
`,
    },
  ],
  'pipeline/gha-secrets-inherit': [
    {
      path: '.github/workflows/deploy.yml',
      bad: `${HEAD}jobs:\n  deploy:\n    uses: ./.github/workflows/deploy-reusable.yml\n    secrets: inherit ⟵\n`,
      good: `${HEAD}jobs:\n  deploy:\n    uses: ./.github/workflows/deploy-reusable.yml\n    secrets:\n      DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}\n`,
    },
  ],
  'pipeline/gha-curl-pipe-shell': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          set -e\n          curl -sSfL https://raw.githubusercontent.com/x/y/main/install.sh | bash ⟵\n`,
      good: `${HEAD}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -sSfLo install.sh https://raw.githubusercontent.com/x/y/v1.2.3/install.sh\n          echo "$SUM  install.sh" | sha256sum -c -\n          bash install.sh\n`,
    },
  ],
  'pipeline/gha-self-hosted-public-trigger': [
    {
      path: '.github/workflows/pr.yml',
      bad: `on:\n  pull_request:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: [self-hosted, linux] ⟵\n    steps: [{ run: make test }]\n`,
      good: `on:\n  push:\n    branches: [main]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: [self-hosted, linux]\n    steps: [{ run: make test }]\n`,
    },
  ],
  'pipeline/gha-checkout-persist-credentials': [
    {
      path: '.github/workflows/build.yml',
      bad: `${HEAD}jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA} ⟵
      - run: make
      - uses: actions/upload-artifact@${SHA}
        with:
          name: site
          path: .
`,
      good: `${HEAD}jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: false
      - run: make
      - uses: actions/upload-artifact@${SHA}
        with:
          name: site
          path: .
  other:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
      - uses: actions/upload-artifact@${SHA}
        with:
          path: dist/
`,
    },
  ],
};
