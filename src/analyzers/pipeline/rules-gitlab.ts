import { rule } from './rules-gha.js';

export const GITLAB_UNPINNED_IMAGE = rule({
  id: 'pipeline/gitlab-unpinned-image',
  title: 'CI image not pinned',
  description:
    "An image referenced by a tag (or without one, or `latest`) can change between pipeline runs; a compromised upstream image runs with the job's variables and tokens.",
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

export const GITLAB_UNPINNED_INCLUDE = rule({
  id: 'pipeline/gitlab-unpinned-include',
  title: 'CI configuration included from elsewhere without a pinned ref',
  description:
    'A `remote:` include, or a `project:`/`component:` include without a commit SHA, pulls pipeline code that someone else can change; it runs with your variables and deploy credentials.',
  severity: 'medium',
  confidence: 'high',
  cwe: [829, 494],
  principles: ['asset-management'],
  remediation:
    'Pin project includes and components to a commit SHA (`ref: <40-hex sha>`, `component: …/name@<sha>`); for `remote:` includes add `integrity: sha256-…` or vendor the file into the repository.',
});

export const GITLAB_MR_PROTECTED = rule({
  id: 'pipeline/gitlab-mr-secrets',
  title: 'Merge-request job handles secrets or cloud tokens',
  description:
    'Merge-request pipelines run the code of the merge request; a job there that reads deploy secrets, Vault secrets or OIDC `id_tokens` hands them to whoever wrote the change (and with "pipelines for forks in the parent project", to outsiders).',
  severity: 'high',
  confidence: 'medium',
  cwe: [200, 668],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Keep credentials on protected variables and protected branches only; run jobs that need them on `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`, never on `merge_request_event`:\n```yaml\nrules:\n  - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n```',
});

export const GITLAB_TOKEN_EXFIL = rule({
  id: 'pipeline/gitlab-token-to-outside-host',
  title: 'CI_JOB_TOKEN or OIDC token sent to an outside host',
  description:
    'The job token acts as the user who started the pipeline on this GitLab; an OIDC token lets its holder assume your cloud roles. Sent to a host other than this GitLab or the cloud it was minted for, it can be replayed.',
  severity: 'high',
  confidence: 'medium',
  cwe: [522, 200],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Send `CI_JOB_TOKEN` only to `$CI_SERVER_URL`/`$CI_API_V4_URL`/`$CI_REGISTRY`, and `id_tokens` only to the audience (`aud`) they were minted for.',
});

export const DEPENDABOT_INSECURE_EXEC = rule({
  id: 'pipeline/dependabot-insecure-execution',
  title: 'Dependabot allowed to run code from dependencies',
  description:
    '`insecure-external-code-execution: allow` lets package-manager scripts of updated dependencies run inside Dependabot with access to the configured registry credentials.',
  severity: 'high',
  confidence: 'high',
  cwe: [94, 829],
  principles: ['zoning-containment', 'asset-management'],
  remediation: 'Remove the line (the default is `deny`), or set `insecure-external-code-execution: deny`.',
});

export const DEPENDABOT_HTTP_REGISTRY = rule({
  id: 'pipeline/dependabot-insecure-registry',
  title: 'Dependabot registry over plain HTTP',
  description:
    'Dependabot sends the registry credentials and receives packages over an unencrypted connection; anyone on the path reads the token or swaps the packages.',
  severity: 'high',
  confidence: 'high',
  cwe: [319],
  principles: ['encryption'],
  remediation: "Use the registry's `https://` URL.",
});
