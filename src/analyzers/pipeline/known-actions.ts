/**
 * What Vanguard knows about popular actions, as data: inputs evaluated as code, outputs derived from
 * attacker-chosen data, caching, OIDC, publishing and signing. Keys are lower-case `owner/repo[/path]`.
 */

/** Inputs that an action runs as a shell command or script. */
export const CODE_INPUTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['actions/github-script', ['script']],
  ['mikefarah/yq', ['cmd']],
  ['sergeysova/jq-action', ['cmd']],
  ['addnab/docker-run-action', ['run', 'options']],
  ['kohlerdominik/docker-run-action', ['run']],
  ['uraimo/run-on-arch-action', ['run', 'install']],
  ['appleboy/ssh-action', ['script']],
  ['garygrossgarten/github-action-ssh', ['command']],
  ['azure/cli', ['inlinescript']],
  ['azure/powershell', ['inlinescript']],
  ['azure/aks-set-context', []],
  ['nick-fields/retry', ['command', 'on_retry_command', 'new_command_on_retry']],
  ['nick-invision/retry', ['command', 'on_retry_command']],
  ['wandalen/wretry.action', ['command']],
  ['jannekem/run-python-script-action', ['script']],
  ['cardinalby/js-eval-action', ['expression']],
  ['amadevus/pwsh-script', ['script']],
  ['cloudflare/wrangler-action', ['command', 'precommands', 'postcommands']],
  ['pulumi/actions', []],
  ['dagger/dagger-for-github', ['args', 'call']],
  ['ad-m/github-push-action', []],
  ['gradle/gradle-build-action', ['arguments']],
  ['docker://', ['args', 'entrypoint']],
]);

/** Actions whose outputs carry attacker-chosen text (file and branch names, PR titles and bodies). */
export const TAINTED_OUTPUTS: ReadonlyMap<string, RegExp> = new Map([
  ['tj-actions/changed-files', /files|dirs|paths|_list|matrix/i],
  ['tj-actions/branch-names', /branch|ref|tag/i],
  ['tj-actions/verify-changed-files', /files/i],
  ['dorny/paths-filter', /files|changes/i],
  ['jitterbit/get-changed-files', /.*/],
  ['ana06/get-changed-files', /.*/],
  ['lots0logs/gh-action-get-changed-files', /.*/],
  ['trilom/file-changes-action', /.*/],
  ['peter-evans/find-comment', /comment-body|body/i],
  ['xt0rted/pull-request-comment-branch', /head_ref|ref/i],
  ['8bitjonny/gh-get-current-pr', /pr_title|pr_body|pr|branch/i],
  ['actions-ecosystem/action-get-merged-pull-request', /title|body|labels/i],
  ['kceb/pull-request-url-action', /.*/],
  ['eficode/resolve-pr-refs', /head_ref/i],
]);

/** Cache-aware actions: `always` caches, `opt-in` caches when the input is set, `opt-out` unless it is false. */
export const CACHE_ACTIONS: ReadonlyMap<string, { mode: 'always' | 'opt-in' | 'opt-out'; input?: string }> =
  new Map([
    ['actions/cache', { mode: 'always' }],
    ['actions/cache/restore', { mode: 'always' }],
    ['actions/setup-node', { mode: 'opt-in', input: 'cache' }],
    ['actions/setup-python', { mode: 'opt-in', input: 'cache' }],
    ['actions/setup-java', { mode: 'opt-in', input: 'cache' }],
    ['actions/setup-dotnet', { mode: 'opt-in', input: 'cache' }],
    ['actions/setup-go', { mode: 'opt-out', input: 'cache' }],
    ['astral-sh/setup-uv', { mode: 'opt-out', input: 'enable-cache' }],
    ['ruby/setup-ruby', { mode: 'opt-in', input: 'bundler-cache' }],
    ['pnpm/action-setup', { mode: 'opt-in', input: 'cache' }],
    ['oven-sh/setup-bun', { mode: 'opt-in', input: 'cache' }],
    ['swatinem/rust-cache', { mode: 'always' }],
    ['mozilla-actions/sccache-action', { mode: 'always' }],
    ['gradle/actions/setup-gradle', { mode: 'opt-out', input: 'cache-disabled' }],
    ['gradle/gradle-build-action', { mode: 'opt-out', input: 'cache-disabled' }],
    ['ramsey/composer-install', { mode: 'opt-out', input: 'ignore-cache' }],
    ['docker/setup-buildx-action', { mode: 'opt-in', input: 'cache-binary' }],
    ['jdx/mise-action', { mode: 'opt-out', input: 'cache' }],
    ['actions-rust-lang/setup-rust-toolchain', { mode: 'opt-out', input: 'cache' }],
    ['pyo3/maturin-action', { mode: 'opt-in', input: 'sccache' }],
  ]);

/** Actions that use the job's OIDC token (id-token: write). */
export const OIDC_ACTIONS: readonly string[] = [
  'aws-actions/configure-aws-credentials',
  'google-github-actions/auth',
  'azure/login',
  'azure/webapps-deploy',
  'hashicorp/vault-action',
  'actions/attest-build-provenance',
  'actions/attest-sbom',
  'actions/attest',
  'actions/deploy-pages',
  'pypa/gh-action-pypi-publish',
  'sigstore/gh-action-sigstore-python',
  'sigstore/cosign-installer',
  'slsa-framework/slsa-github-generator',
  'docker/build-push-action',
  'jfrog/setup-jfrog-cli',
  'octo-sts/action',
  'chainguard-dev/setup-chainctl',
  'pulumi/auth-actions',
  'codecov/codecov-action',
  'rubygems/release-gem',
  'rubygems/configure-rubygems-credentials',
  'goreleaser/goreleaser-action',
  'cloudflare/wrangler-action',
  'tailscale/github-action',
  'hashicorp/tfc-workflows-github',
  'digitalocean/action-doctl',
  // It runs `npm publish`, which asks for the job's OIDC token for trusted publishing and provenance (as the
  // command does in OIDC_COMMAND below).
  'js-devtools/npm-publish',
];
/** Commands that read the OIDC token or sign keylessly. */
export const OIDC_COMMAND =
  /ACTIONS_ID_TOKEN_REQUEST|getIDToken|\bcosign\s{1,4}(?:sign|attest)|\bgh\s{1,4}attestation|--provenance\b|\bnpm\s{1,4}publish\b|\bvanguard\s{1,4}attest|\bsigstore\b|\bgitsign\b/;

/** Steps that produce provenance, attestations or signatures. */
export const ATTEST_ACTIONS: readonly string[] = [
  'actions/attest-build-provenance',
  'actions/attest',
  'actions/attest-sbom',
  'slsa-framework/slsa-github-generator',
  'sigstore/cosign-installer',
  'sigstore/gh-action-sigstore-python',
  'pypa/gh-action-pypi-publish',
  'rubygems/release-gem',
];
export const ATTEST_COMMAND =
  /--provenance\b|NPM_CONFIG_PROVENANCE|\bcosign\s{1,4}(?:sign|attest)|\bgh\s{1,4}attestation\b|\bvanguard\s{1,4}attest\b|\bnotation\s{1,4}sign\b|\bgpg\b[^\n]{0,100}--(?:detach-)?sign|\bsigstore\b|\bslsa-verifier\b|\bsyft\s{1,4}attest/;

/** Actions that publish packages, images or releases. */
export const PUBLISH_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['docker/build-push-action', 'pushes an image'],
  ['softprops/action-gh-release', 'creates a GitHub release'],
  ['ncipollo/release-action', 'creates a GitHub release'],
  ['actions/create-release', 'creates a GitHub release'],
  ['js-devtools/npm-publish', 'publishes an npm package'],
  ['goreleaser/goreleaser-action', 'publishes a release'],
  ['pypa/gh-action-pypi-publish', 'publishes to PyPI'],
  ['changesets/action', 'publishes packages'],
  ['svenstaro/upload-release-action', 'uploads release assets'],
]);
export const PUBLISH_COMMAND =
  /\b(?:npm|pnpm|yarn(?:\s{1,4}npm)?)\s{1,4}publish\b|\bdocker\s{1,4}(?:image\s{1,4})?push\b|\bdocker\s{1,4}buildx\s{1,4}build\b[^\n]{0,300}--push\b|\bgh\s{1,4}release\s{1,4}(?:create|upload)\b|\btwine\s{1,4}upload\b|\bcargo\s{1,4}publish\b|\bgem\s{1,4}push\b|\bpoetry\s{1,4}publish\b|\buv\s{1,4}publish\b|\bmvn\b[^\n]{0,200}\bdeploy\b|\bdotnet\s{1,4}nuget\s{1,4}push\b|\bpodman\s{1,4}push\b|\bhelm\s{1,4}push\b/;

/** Popular actions, for typosquatting checks. */
export const POPULAR_ACTIONS: readonly string[] = [
  'actions/checkout',
  'actions/setup-node',
  'actions/setup-python',
  'actions/setup-go',
  'actions/setup-java',
  'actions/setup-dotnet',
  'actions/cache',
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/github-script',
  'actions/labeler',
  'actions/stale',
  'actions/create-release',
  'actions/upload-release-asset',
  'actions/deploy-pages',
  'actions/configure-pages',
  'actions/upload-pages-artifact',
  'actions/attest-build-provenance',
  'github/codeql-action',
  'docker/login-action',
  'docker/build-push-action',
  'docker/setup-buildx-action',
  'docker/setup-qemu-action',
  'docker/metadata-action',
  'aws-actions/configure-aws-credentials',
  'aws-actions/amazon-ecr-login',
  'google-github-actions/auth',
  'google-github-actions/setup-gcloud',
  'azure/login',
  'azure/webapps-deploy',
  'hashicorp/setup-terraform',
  'codecov/codecov-action',
  'softprops/action-gh-release',
  'peter-evans/create-pull-request',
  'peter-evans/create-or-update-comment',
  'JamesIves/github-pages-deploy-action',
  'peaceiris/actions-gh-pages',
  'tj-actions/changed-files',
  'dorny/paths-filter',
  'pnpm/action-setup',
  'ruby/setup-ruby',
  'dtolnay/rust-toolchain',
  'Swatinem/rust-cache',
  'golangci/golangci-lint-action',
  'goreleaser/goreleaser-action',
  'pypa/gh-action-pypi-publish',
  'astral-sh/setup-uv',
  'shivammathur/setup-php',
  'gradle/actions',
  'sigstore/cosign-installer',
  'slsa-framework/slsa-github-generator',
  'release-drafter/release-drafter',
  'EndBug/add-and-commit',
  'stefanzweifel/git-auto-commit-action',
  'appleboy/ssh-action',
  'burnett01/rsync-deployments',
  'subosito/flutter-action',
  'cachix/install-nix-action',
  'anchore/scan-action',
  'aquasecurity/trivy-action',
  'snyk/actions',
  'returntocorp/semgrep-action',
  'trufflesecurity/trufflehog',
  'gitleaks/gitleaks-action',
];

/** Versions that were compromised (tags repointed to malicious commits), with the advisory. */
export const COMPROMISED: readonly {
  action: string;
  /** Malicious commits. */
  shas: readonly string[];
  /** Refs (tags) that pointed at them, or a version below which every tag was repointed. */
  refs: readonly string[];
  below?: string;
  advisory: string;
  what: string;
}[] = [
  {
    action: 'tj-actions/changed-files',
    shas: ['0e58ed8671d6b60d0890c21b07f8835ace038e67'],
    refs: [],
    below: '46.0.1',
    advisory: 'GHSA-mrrh-fwg8-r2c3 (CVE-2025-30066)',
    what: 'tags v1 to v45.0.7 were repointed in March 2025 to a commit that printed runner memory, secrets included, to the build log',
  },
  {
    action: 'reviewdog/action-setup',
    shas: ['f0d342d24037bb11d26b9bd8496e0808ba32e9ec'],
    refs: ['v1'],
    advisory: 'GHSA-qmg3-hpqr-gqvc (CVE-2025-30154)',
    what: 'the v1 tag pointed on 11 March 2025 to a commit that dumped secrets to the build log; every reviewdog action built on it ran it',
  },
];

/** Tags of popular actions whose commit is known (to check `@<sha> # vX` comments offline). */
export const KNOWN_TAGS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    'actions/checkout',
    new Map([
      ['11bd71901bbe5b1630ceea73d27597364c9af683', 'v4.2.2'],
      ['b4ffde65f46336ab88eb53be808477a3936bae11', 'v4.1.1'],
    ]),
  ],
]);
