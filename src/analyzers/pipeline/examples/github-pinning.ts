import type { ExampleTable } from '../../iac/examples/types.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const OTHER = '0123456789abcdef0123456789abcdef01234567';
const HEAD = `on: push
permissions:
  contents: read
`;

/** Pinning of images and action versions; known-bad versions; look-alike names; obfuscation. */
export const GHA_PINNING_EXAMPLES: ExampleTable = {
  'pipeline/gha-unpinned-image': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container: node ⟵
    services:
      db:
        image: postgres ⟵
    steps:
      - uses: docker://alpine ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: node:20@sha256:${'c'.repeat(64)}
    services:
      db:
        image: \${{ matrix.db }}
    steps:
      - uses: docker://alpine:3.20@sha256:${'d'.repeat(64)}
`,
    },
    {
      // Every value of the matrix runs: one unpinned image is enough.
      path: '.github/workflows/matrix.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: \${{ matrix.image }} ⟵
    strategy:
      matrix:
        image: [ubuntu:24.04]
        include:
          - image: ubuntu
    steps: [{ run: make }]
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: \${{ matrix.image }}
    strategy:
      matrix:
        image: [ubuntu:24.04, ubuntu:22.04]
    steps: [{ run: make }]
`,
    },
    {
      path: '.github/workflows/strict.yml',
      bad: `${HEAD}jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: node:20.11-alpine ⟵\n    steps: [{ run: make }]\n`,
      good: `${HEAD}jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: node:20.11-alpine@sha256:${'c'.repeat(64)}\n    steps: [{ run: make }]\n`,
      options: { strictPinning: true },
    },
    {
      path: 'tools/lint/action.yml',
      bad: `name: lint\nruns:\n  using: docker\n  image: docker://ghcr.io/acme/lint:latest ⟵\n`,
      good: `name: lint\nruns:\n  using: docker\n  image: Dockerfile\n`,
    },
  ],
  'pipeline/gha-ref-version-mismatch': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2 ⟵
      - uses: some-org/tool@${OTHER} # v1.2.0
      - uses: some-org/tool@${OTHER} # v2.0.0 ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA} # v4.1.1
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4
      - uses: some-org/tool@${OTHER} # v1.2.0
      - uses: some-org/tool@${OTHER} # v1.2
`,
    },
  ],
  'pipeline/gha-known-vulnerable-action': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: tj-actions/changed-files@v45 ⟵
      - uses: tj-actions/changed-files@0e58ed8671d6b60d0890c21b07f8835ace038e67 ⟵
      - uses: reviewdog/action-setup@v1 ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: tj-actions/changed-files@${OTHER} # v46.0.5
      - uses: reviewdog/action-setup@${OTHER} # v1.3.2
`,
    },
  ],
  'pipeline/gha-typosquat-action': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actons/checkout@${SHA} ⟵
      - uses: dockr/login-action@${SHA} ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
      - uses: docker/login-action@${SHA}
      - uses: astral-sh/setup-uv@${SHA}
`,
    },
  ],
  'pipeline/gha-obfuscated-expression': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout/./@${SHA} ⟵
      - run: echo "\${{ github['event']['head_commit']['id'] }}" ⟵
      - run: echo "\${{ format('{0}{1}', 'ma', 'ke') }}" ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
      - uses: github/codeql-action/init@${SHA}
      - run: echo "\${{ github.event.head_commit.id }} \${{ format('{0}', github.sha) }}"
`,
    },
  ],
};
