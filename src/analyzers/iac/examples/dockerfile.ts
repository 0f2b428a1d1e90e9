import type { ExampleTable } from './types.js';

const FINAL = 'USER 10001\n';

export const DOCKERFILE_EXAMPLES: ExampleTable = {
  'iac/dockerfile-unpinned-base-image': [
    {
      path: 'Dockerfile',
      bad: `FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine ⟵\nCOPY --from=build /app /app\n${FINAL}`,
      good: `FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build AS test\nFROM alpine:3.20@sha256:${'a'.repeat(64)}\nCOPY --from=build /app /app\n${FINAL}`,
    },
    {
      path: 'docker/api.Dockerfile',
      bad: `ARG BASE=python:latest\nFROM $BASE ⟵\n${FINAL}`,
      good: `ARG BASE=python:3.12-slim\nFROM \${BASE}\nFROM scratch\nCOPY x /x\n`,
    },
    // A Bake file's named contexts for the target that builds this Dockerfile: `target:` another target's image
    // (a stage of the same build), `docker-image://` an image reference checked in the `FROM`'s place.
    {
      path: 'docker/deno.Dockerfile',
      files: {
        'docker-bake.hcl': [
          'target "common" {',
          '  context = "."',
          '}',
          'target "base" {',
          '  inherits = ["common"]',
          '  dockerfile = "docker/base.Dockerfile"',
          '}',
          'target "deno" {',
          '  inherits = ["common"]',
          '  dockerfile = "docker/deno.Dockerfile"',
          '  contexts = { base = "target:base", runtime = "docker-image://denoland/deno:latest" }',
          '}',
        ].join('\n'),
      },
      bad: `FROM runtime ⟵\n${FINAL}`,
      good: `FROM base\n${FINAL}`,
    },
  ],
  'iac/dockerfile-user-root': [
    {
      path: 'Dockerfile',
      bad: `FROM node:20 AS build\nUSER node\nRUN npm ci\nFROM node:20-slim ⟵\nCOPY --from=build /app /app\nCMD ["node", "/app"]\n`,
      good: `FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\nCMD ["node", "/app"]\n`,
    },
    {
      path: 'Containerfile',
      bad: `FROM debian:12\nUSER app\nRUN make\nUSER root ⟵\n`,
      good: `FROM debian:12 AS base\nUSER 1000:1000\nFROM base\nRUN ls\n`,
    },
    // A dev container without USER: devcontainer.json or the image's metadata picks the user (redis-commander).
    {
      path: '.devcontainer/Dockerfile',
      bad: `FROM mcr.microsoft.com/devcontainers/javascript-node:22\nRUN npm i -g pnpm\nUSER root ⟵\n`,
      good: `FROM mcr.microsoft.com/devcontainers/javascript-node:22\nRUN npm i -g pnpm\n`,
    },
    // Gitpod's workspace image (named by `.gitpod.yml`'s `image.file`), any case of the name (flying-squid).
    {
      path: '.gitpod.DockerFile',
      bad: `FROM gitpod/workspace-full:2024-01-01\nRUN brew install jq\nUSER root ⟵\n`,
      good: `FROM gitpod/workspace-full:2024-01-01\nRUN brew install jq\n`,
    },
    // Only that name: a Dockerfile beside it, or one merely named for Gitpod elsewhere, is the program's image.
    {
      path: 'gitpod.Dockerfile',
      bad: `FROM node:20-slim ⟵\nCOPY . /app\n`,
      good: `FROM node:20-slim\nCOPY . /app\nUSER node\n`,
    },
  ],
  'iac/dockerfile-add-remote-url': [
    {
      path: 'Dockerfile',
      bad: `FROM debian:12\nADD https://downloads.vendor.io/tool.tar.gz /opt/ ⟵\n${FINAL}`,
      good: `FROM debian:12\nADD --checksum=sha256:${'b'.repeat(64)} https://downloads.vendor.io/tool.tar.gz /opt/\nADD ./local.tar.gz /opt/\n${FINAL}`,
    },
  ],
  'iac/dockerfile-curl-pipe-shell': [
    {
      path: 'Dockerfile',
      bad: `FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://get.tool.sh | sh ⟵\nRUN wget -qO- https://x.io/i.sh | sudo -E bash - ⟵\n${FINAL}`,
      good: `FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://get.tool.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\nRUN curl -s https://x.io/data.json | jq .version\n${FINAL}`,
    },
  ],
  'iac/dockerfile-secret-in-env': [
    {
      path: 'Dockerfile',
      bad: `FROM node:20\nENV NODE_ENV=production \\\n    DB_PASSWORD=Tr0ub4dor-horse ⟵\nARG NPM_TOKEN ⟵\n${FINAL}`,
      good: `FROM node:20\nENV NODE_ENV=production DB_PASSWORD_FILE=/run/secrets/db PASSWORD=\${DB_PASSWORD}\nARG TOKEN_URL=https://auth.vendor.io/token\nRUN --mount=type=secret,id=npm npm ci\n${FINAL}`,
    },
  ],
  'iac/dockerfile-expose-plaintext-port': [
    {
      path: 'Dockerfile',
      bad: `FROM debian:12\nEXPOSE 8080 21/tcp ⟵\nEXPOSE 3389 ⟵\n${FINAL}`,
      // A mail exchanger's SMTP port: no encrypted alternative exists between servers (STARTTLS).
      good: `FROM debian:12\nEXPOSE 8080 443/tcp 8443\nEXPOSE 25\n${FINAL}`,
    },
  ],
  'iac/dockerfile-sudo': [
    {
      path: 'Dockerfile',
      bad: `FROM ubuntu:24.04\nRUN useradd app && \\\n    sudo apt-get update ⟵\n${FINAL}`,
      good: `FROM ubuntu:24.04\nRUN echo "no sudo here" && useradd sudoer\n${FINAL}`,
    },
  ],
  'iac/dockerfile-unpinned-package': [
    {
      path: 'Dockerfile',
      bad: `FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl ca-certificates ⟵\nRUN pip install requests flask==3.0.0 ⟵\n${FINAL}`,
      good: `FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5\nRUN pip install -r requirements.txt && pip install flask==3.0.0\nRUN apk add --no-cache bash=5.2.21-r0\n${FINAL}`,
    },
  ],
};
