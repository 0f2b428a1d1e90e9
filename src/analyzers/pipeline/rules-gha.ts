import type { RuleMeta } from '../../core/rule.js';

/** A rule of the pipeline analyzer (the analyzer id is filled in). */
export function rule(r: Omit<RuleMeta, 'analyzer'>): RuleMeta {
  return { analyzer: 'pipeline', ...r };
}

export const GHA_UNPINNED = rule({
  id: 'pipeline/gha-unpinned-action',
  title: 'Action not pinned to a commit SHA',
  description:
    'Tags and branches are mutable: whoever controls the action repository (or steals its tokens, as in the tj-actions/changed-files compromise) changes the code your workflow runs, with your secrets.',
  severity: 'medium',
  confidence: 'high',
  cwe: [829],
  principles: ['asset-management'],
  remediation:
    'Pin to the full 40-character commit SHA with the tag as a comment, `uses: owner/action@<40-hex sha> # v4.1.1`, and let Dependabot or Renovate update the pins; trust your own organisation with `options: { pipeline: { trustedOwners: [my-org] } }` or `sameOwner: true` in vanguard.yaml.',
});

export const GHA_INJECTION = rule({
  id: 'pipeline/gha-script-injection',
  title: 'Untrusted input expanded into a script',
  description:
    '`${{ }}` expressions are pasted into the script before it runs, so a pull-request title, issue body, comment or branch name chosen by an attacker becomes shell or JavaScript code, with access to the workflow token and secrets.',
  severity: 'critical',
  confidence: 'high',
  cwe: [78, 94],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Pass the value through an intermediate environment variable and quote it in the script:\n```yaml\n- env:\n    TITLE: ${{ github.event.pull_request.title }}\n  run: echo "$TITLE"\n```\n(in actions/github-script read `process.env.TITLE`; in an action input, pass the variable name rather than the value).',
});

export const GHA_DANGEROUS_TRIGGER = rule({
  id: 'pipeline/gha-dangerous-trigger',
  title: 'Privileged trigger checks out untrusted code',
  description:
    '`pull_request_target` and `workflow_run` run with a write token and secrets; checking out the pull request head and building it runs the attacker\'s code with those privileges ("pwn request").',
  severity: 'critical',
  confidence: 'high',
  cwe: [829, 913],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Use the `pull_request` trigger for building untrusted code; if `pull_request_target` is needed, never check out or execute the head ref, and pass data between workflows as inert artifacts.',
});

export const GHA_PRIVILEGED_TRIGGER = rule({
  id: 'pipeline/gha-privileged-trigger',
  title: 'Workflow runs with privileges for events outsiders control',
  description:
    "`pull_request_target` and `workflow_run` give every job the base repository's secrets and a token that can write, for events that forks trigger; `issue_comment` jobs run for any commenter. Each is safe only while no step handles the outsider's code or text, and every later edit has to keep it so.",
  severity: 'low',
  confidence: 'low',
  cwe: [829],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Prefer `pull_request` (no secrets, read-only token for forks); keep privileged work in a separate workflow that reads the untrusted run\'s results as inert data. Guard comment-triggered jobs: `if: contains(fromJSON(\'["OWNER", "MEMBER", "COLLABORATOR"]\'), github.event.comment.author_association)`.',
});

export const GHA_PUBLISH_TOKEN = rule({
  id: 'pipeline/gha-long-lived-publish-token',
  title: 'Publishing with a stored token where trusted publishing exists',
  description:
    'npm, PyPI, crates.io, RubyGems and NuGet accept short-lived OpenID Connect tokens from GitHub Actions ("trusted publishing"). A stored registry token lives until someone revokes it: any step, action or log leak that reads it can publish from anywhere, long after the job.',
  severity: 'low',
  confidence: 'high',
  cwe: [798, 522],
  principles: ['authentication'],
  remediation:
    'Register the workflow as a trusted publisher on the registry, grant the job `permissions: { id-token: write }`, drop the token (`password:`, `NODE_AUTH_TOKEN`, `CARGO_REGISTRY_TOKEN` …) and revoke it; e.g. PyPI: `- uses: pypa/gh-action-pypi-publish@<sha>` with no `password:`.',
});

export const GHA_PERMISSIONS = rule({
  id: 'pipeline/gha-excessive-permissions',
  title: 'Workflow token has broad permissions',
  description:
    '`permissions: write-all`, or no `permissions` at all (the repository default, often read-write), gives every step a token that can push code and releases.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [250],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Declare least privilege at the top of the workflow and widen it per job only where needed:\n```yaml\npermissions:\n  contents: read\njobs:\n  comment:\n    permissions:\n      pull-requests: write\n```',
});

export const GHA_SECRETS_INHERIT = rule({
  id: 'pipeline/gha-secrets-inherit',
  title: 'All secrets passed to a reusable workflow',
  description:
    '`secrets: inherit` hands every repository and organisation secret to the called workflow, whether it needs them or not.',
  severity: 'medium',
  confidence: 'high',
  cwe: [200],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Pass only the secrets the called workflow declares: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`.',
});

export const GHA_CURL_PIPE = rule({
  id: 'pipeline/gha-curl-pipe-shell',
  title: 'Script downloaded and piped to a shell in a workflow',
  description:
    'A script fetched and executed unverified runs with the workflow token and secrets; whoever controls the server controls the build.',
  severity: 'high',
  confidence: 'high',
  cwe: [494],
  principles: ['asset-management'],
  remediation:
    'Download to a file, verify its checksum or signature, then run it; or use a pinned action or package.',
});

export const GHA_SELF_HOSTED = rule({
  id: 'pipeline/gha-self-hosted-public-trigger',
  title: 'Self-hosted runner reachable from public triggers',
  description:
    'On a public repository anyone can open a pull request or issue; a self-hosted runner executing those jobs gives outsiders code execution on your infrastructure, and non-ephemeral runners keep what they leave behind.',
  severity: 'high',
  confidence: 'medium',
  cwe: [668],
  principles: ['zoning-containment'],
  remediation:
    'Run jobs triggered by pull requests, issues or comments on GitHub-hosted runners, or on ephemeral, isolated self-hosted runners restricted to private repositories.',
});

export const GHA_PERSIST_CREDS = rule({
  id: 'pipeline/gha-checkout-persist-credentials',
  title: 'Checkout credentials persisted before an artifact upload',
  description:
    '`actions/checkout` writes the token into `.git/config` unless `persist-credentials: false`; uploading the workspace as an artifact then publishes the token.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [522],
  principles: ['authentication', 'encryption'],
  remediation:
    'Add `with: { persist-credentials: false }` to the checkout step and upload only the build output directory.',
});

export const GHA_UNPINNED_IMAGE = rule({
  id: 'pipeline/gha-unpinned-image',
  title: 'Job container, service or Docker action image not pinned by digest',
  description:
    'A container image referenced by a tag (or without one) can be replaced upstream between runs; the job then runs whatever the registry serves, with its token and secrets.',
  severity: 'medium',
  confidence: 'high',
  cwe: [829],
  principles: ['asset-management'],
  remediation:
    'Pin the image by digest and keep the tag for readers: `image: node:20.11-alpine@sha256:<digest>`.',
});

export const GHA_ENV_INJECTION = rule({
  id: 'pipeline/gha-env-file-injection',
  title: 'Untrusted data written to $GITHUB_ENV, $GITHUB_PATH or $GITHUB_OUTPUT',
  description:
    'Lines written to $GITHUB_ENV become environment variables of every later step (`LD_PRELOAD`, `NODE_OPTIONS`, `BASH_ENV` run code); $GITHUB_PATH decides which binaries run; a newline in a $GITHUB_OUTPUT value forges other outputs.',
  severity: 'high',
  confidence: 'medium',
  cwe: [94, 77],
  principles: ['zoning-containment'],
  remediation:
    'Never write attacker-controlled text to these files; if a value must pass between steps, validate it against a strict pattern first and use a random heredoc delimiter:\n```sh\nd=$(openssl rand -hex 16); { echo "title<<$d"; echo "$TITLE"; echo "$d"; } >> "$GITHUB_OUTPUT"\n```',
});

export const GHA_ARTIFACT_POISONING = rule({
  id: 'pipeline/gha-artifact-poisoning',
  title: 'Privileged workflow downloads artifacts of an untrusted run',
  description:
    'A `workflow_run` workflow has a write token and secrets; artifacts it downloads from the triggering run were produced by pull-request code, so unpacking them into the workspace lets that code overwrite scripts the privileged job runs.',
  severity: 'high',
  confidence: 'medium',
  cwe: [494, 829],
  principles: ['zoning-containment'],
  remediation:
    'Download into a dedicated directory outside the workspace (`path: ${{ runner.temp }}/artifacts`), treat the content as data (validate it, never execute it), and check out only trusted code.',
});

export const GHA_OVERPROVISIONED_SECRETS = rule({
  id: 'pipeline/gha-overprovisioned-secrets',
  title: 'Every secret exposed to a step',
  description:
    '`toJSON(secrets)` or a dynamic `secrets[…]` index gives the step every repository and organisation secret, not just the one it needs; a compromised step or action takes all of them.',
  severity: 'medium',
  confidence: 'high',
  cwe: [200, 250],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Reference only the secrets the step needs by name: `env: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`.',
});

export const GHA_SECRET_EXPOSURE = rule({
  id: 'pipeline/gha-secret-exposure',
  title: 'Secret printed to the log or written to a file',
  description:
    'Log masking only hides the exact secret string: echoed, transformed (base64, JSON fields read with `fromJSON`) or written to files that are uploaded or cached, the secret leaks to everyone who can read the run.',
  severity: 'high',
  confidence: 'medium',
  cwe: [532, 312],
  principles: ['authentication', 'logging'],
  remediation:
    'Pass secrets to commands through environment variables or stdin (`echo "$TOKEN" | docker login --password-stdin`), never print them; store structured secrets as separate secrets instead of reading JSON fields with `fromJSON`.',
});

export const GHA_CACHE_POISONING = rule({
  id: 'pipeline/gha-cache-poisoning',
  title: 'Cache restored in a release workflow, or written by an untrusted trigger',
  description:
    'Caches are shared across the repository: any workflow on the default branch (or a `pull_request_target` job running attacker code) can write an entry that a release job later restores, planting code in what you publish.',
  severity: 'high',
  confidence: 'medium',
  cwe: [349, 494],
  principles: ['asset-management', 'zoning-containment'],
  remediation:
    'Do not restore caches in jobs that build releases or publish: set `cache: false` (or leave the `cache:` input unset), and in `pull_request_target` jobs never write caches.',
});

export const GHA_ADHOC_INSTALL = rule({
  id: 'pipeline/gha-adhoc-install',
  title: 'Package installed ad hoc, outside any lockfile',
  description:
    '`npm install <pkg>`, `gem install`, `pip install <pkg>` fetch whatever the registry serves today, without a lockfile or hashes; in a job with secrets or a write token a hijacked or typosquatted package runs with them.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [494, 829],
  principles: ['asset-management'],
  remediation:
    'Declare tools in a lockfile and install from it (`npm ci`, `bundle install`, `pip install --require-hashes -r requirements.txt`), or use a pinned action.',
});

export const GHA_UNUSED_ID_TOKEN = rule({
  id: 'pipeline/gha-unused-id-token',
  title: '`id-token: write` granted without visible OIDC use',
  description:
    'The OIDC token lets a job assume cloud roles and sign artifacts as this repository; granted where nothing uses it, any step (or compromised action) can mint one.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [250],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Grant `id-token: write` only on the job that exchanges the token (cloud login, signing, trusted publishing):\n```yaml\njobs:\n  deploy:\n    permissions:\n      contents: read\n      id-token: write\n```',
});

export const GHA_REF_MISMATCH = rule({
  id: 'pipeline/gha-ref-version-mismatch',
  title: 'Pinned SHA does not match its version comment',
  description:
    'Reviewers and update bots read the `# vX` comment; when the pinned commit is not that version, an old, vulnerable or impostor commit hides behind a reassuring comment.',
  severity: 'medium',
  confidence: 'high',
  cwe: [1357, 829],
  principles: ['asset-management'],
  remediation:
    'Re-pin with a tool that writes both (Dependabot, Renovate, `pinact`), or correct the comment to the version the SHA really is.',
});

export const GHA_KNOWN_VULNERABLE = rule({
  id: 'pipeline/gha-known-vulnerable-action',
  title: 'Action version with a known vulnerability or compromise',
  description:
    'The referenced action version is named by a security advisory (OSV, `GitHub Actions` ecosystem) or was compromised: workflows that ran it exposed their secrets.',
  severity: 'high',
  confidence: 'high',
  cwe: [1395, 506],
  principles: ['asset-management'],
  remediation:
    'Upgrade to a fixed version and pin it by SHA; for a compromised version, also rotate every secret the workflow could read and review its run logs.',
});

export const GHA_TYPOSQUAT = rule({
  id: 'pipeline/gha-typosquat-action',
  title: 'Action name one typo away from a popular action',
  description:
    'Look-alike owners (`actons/checkout`, `action/checkout`) are registered by attackers to catch typos; the workflow then runs their code with its token and secrets.',
  severity: 'high',
  confidence: 'medium',
  cwe: [1357, 829],
  principles: ['asset-management'],
  remediation: 'Correct the name to the action you meant, and pin it by SHA.',
});

export const GHA_BOT_CONDITION = rule({
  id: 'pipeline/gha-spoofable-bot-condition',
  title: 'Condition trusts `github.actor` to be a bot',
  description:
    "`github.actor` is whoever caused the latest event: an attacker can make Dependabot (or any bot) the actor of a pull request they control, e.g. by having it rebase, and pass `if: github.actor == 'dependabot[bot]'`.",
  severity: 'high',
  confidence: 'medium',
  cwe: [290],
  principles: ['authentication'],
  remediation:
    "Check the author of the pull request instead: `if: github.event.pull_request.user.login == 'dependabot[bot]'` (and, for Dependabot, `dependabot/fetch-metadata`).",
});

export const GHA_UNSOUND_CONDITION = rule({
  id: 'pipeline/gha-unsound-condition',
  title: 'Condition that is always true or matches too much',
  description:
    "`if:` with text around a `${{ }}` (or a block scalar that adds a newline) is a non-empty string, always true; `contains('main release', github.ref_name)` is a substring test that `mai` or `n rel` also pass.",
  severity: 'medium',
  confidence: 'high',
  cwe: [697, 571],
  // A condition that always passes opens the gate it was written to keep shut.
  owasp: ['A01:2025'],
  principles: ['zoning-containment'],
  remediation:
    'Write the whole condition inside one expression, `if: ${{ a && b }}` or `if: a && b`, and test membership against a list: `contains(fromJSON(\'["main", "release"]\'), github.ref_name)`.',
});

export const GHA_INSECURE_COMMANDS = rule({
  id: 'pipeline/gha-insecure-commands',
  title: 'Insecure workflow commands enabled',
  description:
    '`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env` and `::add-path`, which any text printed to the log can trigger: a file name or PR title printed by a tool sets environment variables and PATH for later steps.',
  severity: 'high',
  confidence: 'high',
  cwe: [77, 94],
  principles: ['zoning-containment'],
  remediation:
    'Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to `$GITHUB_ENV` / `$GITHUB_PATH` instead.',
});

export const GHA_DEPRECATED_COMMANDS = rule({
  id: 'pipeline/gha-deprecated-commands',
  title: 'Deprecated `::set-output` / `::save-state` workflow command',
  description:
    'Workflow commands printed to stdout can be forged by anything else that prints to the log (test output, file names), and GitHub has deprecated them for that reason.',
  severity: 'low',
  confidence: 'high',
  cwe: [77],
  principles: ['zoning-containment'],
  remediation:
    'Write `name=value` lines to `$GITHUB_OUTPUT` / `$GITHUB_STATE` instead: `echo "version=$V" >> "$GITHUB_OUTPUT"`.',
});

export const GHA_OBFUSCATION = rule({
  id: 'pipeline/gha-obfuscated-expression',
  title: 'Obfuscated action reference or expression',
  description:
    "Paths like `actions/checkout/./@v4`, index syntax on literal keys (`github['event']`) or constant expressions hide what a workflow really does from reviewers and from other auditors.",
  severity: 'low',
  confidence: 'high',
  cwe: [506],
  principles: ['asset-management'],
  remediation:
    'Write the plain form: `uses: actions/checkout@<sha>`, `github.event.x`, and the literal value instead of a constant expression.',
});

export const PUBLISH_WITHOUT_PROVENANCE = rule({
  id: 'pipeline/publish-without-provenance',
  title: 'Release published without provenance or signature',
  description:
    'A package, image or release published with no build provenance or signature cannot be verified by its consumers: a tampered build (SolarWinds) or a stolen token publishes something indistinguishable from the real thing.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [345, 494],
  principles: ['asset-management', 'encryption'],
  phase: 'release',
  remediation:
    'Attest what you publish and let consumers verify it:\n```yaml\npermissions:\n  id-token: write\n  attestations: write\nsteps:\n  - run: npm publish --provenance\n  - uses: actions/attest-build-provenance@<sha> # v2\n    with:\n      subject-path: dist/*\n```\n(for images `cosign sign` or `docker/build-push-action` with `provenance: mode=max`; for PyPI trusted publishing, which attests by default).',
});

export const HARDCODED_CREDENTIAL = rule({
  id: 'pipeline/hardcoded-credential',
  title: 'Credential written into a CI definition',
  description:
    'A password or token in the workflow or CI file is readable by everyone with read access to the repository, forks and history included, and never rotates.',
  severity: 'high',
  confidence: 'high',
  cwe: [798],
  principles: ['authentication'],
  remediation:
    'Store it as a CI secret and reference it: `password: ${{ secrets.REGISTRY_PASSWORD }}` (GitLab: a masked, protected CI/CD variable), then rotate the exposed one.',
});
