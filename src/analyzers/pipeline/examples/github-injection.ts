import type { ExampleTable } from '../../iac/examples/types.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

/** Injection through step outputs, inputs, env files; artifact poisoning. */
export const GHA_INJECTION_EXAMPLES: ExampleTable = {
  'pipeline/gha-env-file-injection': [
    {
      path: '.github/workflows/pr.yml',
      bad: `on: pull_request_target
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: |
          echo "PR_TITLE=$TITLE" >> "$GITHUB_ENV" ⟵
          echo "$TITLE" >> $GITHUB_PATH ⟵
      - id: meta
        env:
          BRANCH: \${{ github.head_ref }}
        run: echo "branch=$BRANCH" >> "$GITHUB_OUTPUT" ⟵
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: |
          tool=$(echo "$TITLE" | grep -o '[a-z]*' | head -1)
          echo "$tool" >> $GITHUB_PATH ⟵
`,
      good: `on: pull_request_target
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          NUMBER: \${{ github.event.pull_request.number }}
        run: |
          echo "PR_NUMBER=$NUMBER" >> "$GITHUB_ENV"
          echo "CI=true" >> "$GITHUB_ENV"
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: |
          tool=$(echo "$TITLE" | grep -o '[a-z]*' | head -1)
          tool=/opt/tools/bin
          echo "$tool" >> $GITHUB_PATH
`,
    },
    {
      path: 'actions/env/action.yml',
      bad: `name: env
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo "foo=$(./compute.sh)" >> "$GITHUB_ENV" ⟵
        echo "dir=$TOOL_DIR" >> $GITHUB_PATH ⟵
    - shell: pwsh
      run: echo "foo=$env:BAR" >> $env:GITHUB_ENV ⟵
`,
      good: `name: env
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo "foo=bar" >> "$GITHUB_ENV"
        echo "/opt/tool/bin" >> "$GITHUB_PATH"
`,
    },
  ],
  'pipeline/gha-artifact-poisoning': [
    {
      path: '.github/workflows/report.yml',
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
      - uses: actions/download-artifact@${SHA} ⟵
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
      - uses: dawidd6/action-download-artifact@${SHA} ⟵
      - run: bash ./report.sh
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
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
          path: \${{ runner.temp }}/artifacts
      - run: jq . "$RUNNER_TEMP/artifacts/report.json"
`,
    },
  ],
};

/** Extra script-injection cases: step outputs (tj-actions/changed-files), inputs, env, code inputs, pwsh. */
export const GHA_INJECTION_MORE = [
  {
    path: '.github/workflows/changed.yml',
    bad: `on: pull_request
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - id: changed
        uses: tj-actions/changed-files@${SHA} # v46.0.5
      - run: |
          for f in \${{ steps.changed.outputs.all_changed_files }}; do ⟵
            ./lint "$f"
          done
      - uses: mikefarah/yq@${SHA} # v4.45.4
        with:
          cmd: yq '.title = "\${{ github.event.pull_request.title }}"' meta.yml ⟵
`,
    good: `on: pull_request
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - id: changed
        uses: tj-actions/changed-files@${SHA} # v46.0.5
      - env:
          FILES: \${{ steps.changed.outputs.all_changed_files }}
        run: |
          echo "\${{ steps.changed.outputs.any_changed }}"
          for f in $FILES; do ./lint "$f"; done
`,
  },
  {
    path: '.github/workflows/dispatch.yml',
    bad: `on:
  workflow_dispatch:
    inputs:
      name:
        type: string
      dry:
        type: boolean
permissions:
  contents: read
env:
  WHO: \${{ github.event.pull_request.user.login }}
  MSG: \${{ github.event.head_commit.message }}
jobs:
  a:
    runs-on: windows-latest
    outputs:
      title: \${{ steps.t.outputs.title }}
    steps:
      - id: t
        run: echo "title=\${{ github.event.issue.title }}" >> $env:GITHUB_OUTPUT ⟵
      - run: Write-Host "\${{ inputs.name }} \${{ inputs.dry }}" ⟵
      - run: echo "\${{ env.MSG }}" ⟵
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.a.outputs.title }}" ⟵
`,
    good: `on:
  workflow_dispatch:
    inputs:
      dry:
        type: boolean
      env:
        type: choice
        options: [prod, staging]
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.dry }} \${{ inputs.env }} \${{ github.event.pull_request.title != '' }}"
      - run: echo "\${{ github.event.pull_request.head.sha }} \${{ github.server_url }} \${{ github.job }}"
`,
  },
];
