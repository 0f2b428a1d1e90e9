import type { ExampleTable } from '../../iac/examples/types.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
// A workflow on pushes to main that may ask for the OIDC token.
const ON_MAIN = `on:
  push:
    branches: [main]
permissions:
  contents: read
  id-token: write
`;

/** Caches, ad-hoc installs and publishing. */
export const GHA_SUPPLY_EXAMPLES: ExampleTable = {
  'pipeline/gha-long-lived-publish-token': [
    {
      path: '.github/workflows/release.yml',
      bad: `on:
  release:
    types: [published]
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@${SHA} ⟵
        with:
          password: \${{ secrets.PYPI_TOKEN }}
      - run: npm publish --provenance ⟵
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
      - run: cargo +nightly publish --token \${{ secrets.CRATES_TOKEN }} ⟵
      - uses: rubygems/release-gem@${SHA} ⟵
        with:
          setup-trusted-publisher: false
`,
      good: `on:
  release:
    types: [published]
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@${SHA}
      - run: npm publish --provenance
      - run: cargo publish --dry-run
        env:
          CARGO_REGISTRY_TOKEN: \${{ secrets.CRATES_TOKEN }}
      - uses: rubygems/release-gem@${SHA}
`,
    },
  ],
  'pipeline/gha-cache-poisoning': [
    {
      path: '.github/workflows/release.yml',
      bad: `on:
  push:
    tags: ['v*']
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@${SHA} ⟵
        with:
          cache: npm
      - uses: actions/setup-go@${SHA} ⟵
      - uses: Swatinem/rust-cache@${SHA} ⟵
      - uses: PyO3/maturin-action@${SHA} ⟵
        with:
          sccache: "true"
      - uses: ramsey/composer-install@${SHA} ⟵
        with:
          ignore-cache: false
      - run: make dist
`,
      good: `on:
  push:
    tags: ['v*']
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@${SHA}
      - uses: actions/setup-go@${SHA}
        with:
          cache: false
      - uses: Swatinem/rust-cache@${SHA}
        with:
          lookup-only: true
      - uses: PyO3/maturin-action@${SHA}
      - uses: ramsey/composer-install@${SHA}
        with:
          ignore-cache: yes
      - uses: ramsey/composer-install@${SHA}
        with:
          ignore-cache: 1
      - run: make dist
`,
    },
    {
      path: '.github/workflows/pr-target.yml',
      bad: `on: pull_request_target
permissions:
  contents: read
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@${SHA} ⟵
        with:
          path: ~/.npm
          key: npm
`,
      good: `on: pull_request
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@${SHA}
        with:
          path: ~/.npm
          key: npm
`,
    },
  ],
  'pipeline/gha-adhoc-install': [
    {
      path: '.github/workflows/ci.yml',
      bad: `on: push
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: npm install -g semantic-release@24 ⟵
      - run: npm install --no-save left-pad@1.3.0 ⟵
      - run: |
          gem install rake ⟵
          pip install requests ⟵
`,
      good: `on: push
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
      - run: |
          npm install
          bundle install
          pip install -r requirements.txt
          pip install --require-hashes -r requirements.lock
          pip install -e .
          gem install --help
      # A local folder, named as an npm spec: nothing comes from the registry.
      - run: npm install --no-save ep_core@file:../core/src
      - run: npm install file:../common @acme/ui@link:../ui
`,
    },
  ],
  'pipeline/publish-without-provenance': [
    {
      path: '.github/workflows/publish.yml',
      bad: `on:
  release:
    types: [published]
permissions:
  contents: read
jobs:
  npm:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: false
      - run: npm publish ⟵
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
      - uses: softprops/action-gh-release@${SHA} ⟵
  pypi:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@${SHA} ⟵
        with:
          password: \${{ secrets.PYPI_TOKEN }}
`,
      good: `on:
  release:
    types: [published]
permissions:
  contents: read
jobs:
  npm:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: false
      - run: npm publish --provenance
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
  pypi:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@${SHA}
`,
    },
    {
      // JS-DevTools/npm-publish from v4 given no token publishes by npm's trusted publishing, to which npm attaches
      // provenance itself; `provenance: true` asks for it in any version. Given a stored token it publishes with it.
      path: '.github/workflows/npm-publish.yml',
      bad: `${ON_MAIN}jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@${SHA} # v4.1.0 ⟵
        with:
          token: \${{ secrets.NPM_TOKEN }}
`,
      good: `${ON_MAIN}jobs:
  trusted:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@${SHA} # v4.1.0
  tagged:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@v4
  v3:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@${SHA} # v3.1.1
        with:
          token: \${{ secrets.NPM_TOKEN }}
          provenance: true
`,
    },
  ],
};
