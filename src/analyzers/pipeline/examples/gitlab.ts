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
  - name: postgres:16.3
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
    - echo "$CI_COMMIT_REF_SLUG" $CI_COMMIT_REF_SLUG
`,
    },
  ],
  'pipeline/gitlab-curl-pipe-shell': [
    {
      path: 'ci/templates/build.gitlab-ci.yml',
      bad: `build:\n  image: alpine:3.20\n  before_script:\n    - apk add --no-cache curl\n    - curl -fsSL https://get.tool.dev | sh ⟵\n  script: [make]\n`,
      good: `build:\n  image: alpine:3.20\n  before_script:\n    - curl -fsSLo tool.tgz https://get.tool.dev/v1.tgz && sha256sum -c tool.sha256\n  script: [make]\n`,
    },
  ],
};
