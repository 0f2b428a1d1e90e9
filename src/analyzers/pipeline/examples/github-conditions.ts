import type { ExampleTable } from '../../iac/examples/types.js';

const HEAD = `on: pull_request
permissions:
  contents: read
`;

/** Conditions and workflow commands. */
export const GHA_CONDITION_EXAMPLES: ExampleTable = {
  'pipeline/gha-spoofable-bot-condition': [
    {
      path: '.github/workflows/automerge.yml',
      bad: `${HEAD}jobs:
  merge:
    if: github.actor == 'dependabot[bot]' ⟵
    runs-on: ubuntu-latest
    steps:
      - run: gh pr merge --auto "$URL"
        if: \${{ github.triggering_actor == 'renovate[bot]' }} ⟵
      - run: echo hi
        if: github['ACTOR'] == 'mystery[bot]' ⟵
      - run: echo by id
        if: github.actor_id == 49699333 ⟵
      - run: echo by id, quoted
        if: \${{ github['ACTOR_ID'] == '49699333' }} ⟵
`,
      good: `${HEAD}jobs:
  merge:
    if: github.event.pull_request.user.login == 'dependabot[bot]'
    runs-on: ubuntu-latest
    steps:
      - run: gh pr merge --auto "$URL"
`,
    },
  ],
  'pipeline/gha-unsound-condition': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    if: \${{ github.event_name == 'push' }} && \${{ github.ref == 'refs/heads/main' }} ⟵
    runs-on: ubuntu-latest
    steps:
      - run: make deploy
        if: | ⟵
          \${{ github.ref == 'refs/heads/main' }}
      - run: make release
        if: contains('refs/heads/main refs/heads/release', github.ref) ⟵
      - run: make publish
        if: "\${{ github.ref == 'refs/heads/main' }} " ⟵
`,
      good: `${HEAD}jobs:
  a:
    if: \${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}
    runs-on: ubuntu-latest
    steps:
      - run: make deploy
        if: >-
          \${{ github.ref == 'refs/heads/main' }}
      - run: make release
        if: contains(fromJSON('["refs/heads/main", "refs/heads/release"]'), github.ref) && contains(github.event.pull_request.labels.*.name, 'release')
      - run: make publish
        if: "\${{ github.ref == 'refs/heads/main' }}"
`,
    },
  ],
  'pipeline/gha-insecure-commands': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: true ⟵
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "::add-path::/opt/tool/bin" ⟵
`,
      good: `${HEAD}env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: false
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "/opt/tool/bin" >> "$GITHUB_PATH"
`,
    },
  ],
  'pipeline/gha-deprecated-commands': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: v
        run: |
          echo "::set-output name=version::1.2.3" ⟵
          echo "::save-state name=pid::42" ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: v
        run: |
          echo "version=1.2.3" >> "$GITHUB_OUTPUT"
          echo "pid=42" >> "$GITHUB_STATE"
`,
    },
  ],
};
