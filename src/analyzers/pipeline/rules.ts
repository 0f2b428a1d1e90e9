import type { RuleMeta } from '../../core/rule.js';

function rule(r: Omit<RuleMeta, 'analyzer'>): RuleMeta {
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
    'Pin to the full 40-character commit SHA and keep the tag as a comment: `uses: owner/action@<sha> # v4.1.1`; let Dependabot or Renovate update the pins.',
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
    'Pass the value through an environment variable and quote it: `env: { TITLE: ${{ github.event.pull_request.title }} }` then `run: echo "$TITLE"` (in github-script read `process.env.TITLE`).',
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
    'Set `permissions: contents: read` at the top of the workflow and grant each job only the scopes it needs (e.g. `pull-requests: write`).',
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

export const GITLAB_UNPINNED_IMAGE = rule({
  id: 'pipeline/gitlab-unpinned-image',
  title: 'CI image not pinned',
  description:
    "An image without a tag or tagged `latest` changes between pipeline runs; a compromised upstream image runs with the job's variables and tokens.",
  severity: 'medium',
  confidence: 'high',
  cwe: [829],
  principles: ['asset-management'],
  remediation: 'Pin the image to a version and digest: `image: node:20.11-alpine@sha256:<digest>`.',
});

export const GITLAB_INJECTION = rule({
  id: 'pipeline/gitlab-script-injection',
  title: 'Merge-request controlled variable interpreted by a script',
  description:
    'Titles, descriptions, commit messages and branch names are chosen by whoever opens the merge request; used unquoted or inside `eval`/`sh -c`, they become arguments or code in the job.',
  severity: 'high',
  confidence: 'medium',
  cwe: [78],
  principles: ['zoning-containment'],
  remediation:
    'Quote the variable (`"$CI_MERGE_REQUEST_TITLE"`), never pass it to `eval`/`sh -c`, and validate branch names before use (`git check-ref-format`).',
});

export const GITLAB_CURL_PIPE = rule({
  id: 'pipeline/gitlab-curl-pipe-shell',
  title: 'Script downloaded and piped to a shell in a CI job',
  description:
    "A script fetched and executed unverified runs with the job's variables and tokens; whoever controls the server controls the build.",
  severity: 'high',
  confidence: 'high',
  cwe: [494],
  principles: ['asset-management'],
  remediation:
    'Download to a file, verify its checksum or signature, then run it; or bake the tool into a pinned CI image.',
});

export const GHA_RULES = [
  GHA_UNPINNED,
  GHA_INJECTION,
  GHA_DANGEROUS_TRIGGER,
  GHA_PERMISSIONS,
  GHA_SECRETS_INHERIT,
  GHA_CURL_PIPE,
  GHA_SELF_HOSTED,
  GHA_PERSIST_CREDS,
];
export const GITLAB_RULES = [GITLAB_UNPINNED_IMAGE, GITLAB_INJECTION, GITLAB_CURL_PIPE];
