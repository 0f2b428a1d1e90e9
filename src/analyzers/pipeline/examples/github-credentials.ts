import type { ExampleTable } from '../../iac/examples/types.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
// A token in GitLab's format, generated from a fixed seed (never a committed live-looking string).
const SEED = 1337;
function token(prefix: string, n: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = SEED;
  let out = prefix;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += chars[x % chars.length];
  }
  return out;
}
const HEAD = `on: push
permissions:
  contents: read
`;

/** Credentials, secrets and permissions. */
export const GHA_CREDENTIAL_EXAMPLES: ExampleTable = {
  'pipeline/gha-overprovisioned-secrets': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
        env:
          ALL: \${{ toJSON(secrets) }} ⟵
          ONE: \${{ secrets[format('TOKEN_{0}', matrix.env)] }} ⟵
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
        env:
          TOKEN: \${{ secrets.DEPLOY_TOKEN }}
          CTX: \${{ toJSON(github.event.repository.name) }}
`,
    },
  ],
  'pipeline/gha-secret-exposure': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}env:
  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "token is \${{ secrets.DEPLOY_TOKEN }}" ⟵
          echo "$NPM_TOKEN" | base64 ⟵
          echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc ⟵
      - run: ./login.sh \${{ fromJSON(secrets.CLOUD).password }} ⟵
      - run: ./login.sh
        env:
          TOKEN: \${{ fromJSON(secrets.QUOTED_TOKEN) }} ⟵
`,
      good: `${HEAD}env:
  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "$NPM_TOKEN" | docker login ghcr.io -u me --password-stdin
          echo "publishing"
          npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"
`,
    },
  ],
  'pipeline/hardcoded-credential': [
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/acme/builder@sha256:${'a'.repeat(64)}
      credentials:
        username: bot
        password: hunter2-but-longer ⟵
    steps:
      - run: make
`,
      good: `${HEAD}jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/acme/builder@sha256:${'a'.repeat(64)}
      credentials:
        username: bot
        password: \${{ secrets.GHCR_TOKEN }}
    steps:
      - run: make
        env:
          LOG_LEVEL: debug-verbose
`,
    },
    {
      path: '.gitlab-ci.yml',
      bad: `variables:
  GITLAB_TOKEN: "${token('glpat-', 20)}" ⟵
build:
  image: alpine:3.20@sha256:${'b'.repeat(64)}
  script: [make]
`,
      good: `variables:
  GITLAB_TOKEN: $DEPLOY_TOKEN
build:
  image: alpine:3.20@sha256:${'b'.repeat(64)}
  script: [make]
`,
    },
  ],
  'pipeline/gha-unused-id-token': [
    {
      // JS-DevTools/npm-publish runs \`npm publish\`, which asks for the OIDC token (trusted publishing, provenance);
      // \`npm pack\` builds the tarball and publishes nothing.
      path: '.github/workflows/npm-publish.yml',
      bad: `${HEAD}jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write ⟵
    steps:
      - run: npm pack
`,
      good: `${HEAD}jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: JS-DevTools/npm-publish@${SHA} # v4
`,
    },
    {
      path: '.github/workflows/ci.yml',
      bad: `${HEAD}jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write ⟵
    steps:
      - run: make test
`,
      good: `${HEAD}jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@${SHA} # v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
      - run: make deploy
`,
    },
    {
      // npm signs provenance with the OIDC token when NPM_CONFIG_PROVENANCE is on, also for the publish a
      // release tool runs (semantic-release); switched off, nothing in the job asks for the token.
      path: '.github/workflows/release.yml',
      bad: `${HEAD}jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write ⟵
    steps:
      - run: npm install
      - env:
          NPM_CONFIG_PROVENANCE: false
        run: npx semantic-release
`,
      good: `${HEAD}jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
    steps:
      - run: npm install
      - env:
          NPM_CONFIG_PROVENANCE: true
        run: npx semantic-release
`,
    },
    {
      // A publish in a run step asks for the token itself: `npm publish --provenance` signs with it, as do
      // cosign and trusted publishing. Granted to every job at the top, one such job is enough.
      path: '.github/workflows/publish.yml',
      bad: `${HEAD.replace('contents: read', 'contents: read\n  id-token: write ⟵')}jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
      - run: npm test
`,
      good: `${HEAD.replace('contents: read', 'contents: read\n  id-token: write')}jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
      - run: npm publish --provenance --access public
        if: \${{ github.ref == 'refs/heads/main' }}
`,
    },
  ],
};
