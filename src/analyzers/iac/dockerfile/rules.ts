import { iacRule } from '../common.js';

export const DF_UNPINNED_BASE = iacRule({
  id: 'iac/dockerfile-unpinned-base-image',
  title: 'Base image is not pinned',
  description:
    'An image without a tag, or tagged `latest`, changes under you: builds are not reproducible and a compromised or broken upstream image flows straight in.',
  severity: 'medium',
  confidence: 'high',
  cwe: [1357],
  principles: ['asset-management'],
  remediation:
    'Pin the base image to a version tag and, better, to a digest: `FROM node:20.11-alpine@sha256:<digest>`; let a bot (Renovate, Dependabot) move the pin.',
});

export const DF_USER_ROOT = iacRule({
  id: 'iac/dockerfile-user-root',
  title: 'Container runs as root',
  description:
    'Without a non-root `USER` in the final stage the process runs as root inside the container, so any code execution bug can modify the image and is one kernel bug away from the host.',
  severity: 'medium',
  confidence: 'high',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage: `RUN useradd -r -u 10001 app` then `USER 10001`.',
});

export const DF_ADD_REMOTE = iacRule({
  id: 'iac/dockerfile-add-remote-url',
  title: 'ADD downloads a remote URL',
  description:
    '`ADD <url>` fetches content at build time without verifying it, so whoever controls the URL or the network controls the image.',
  severity: 'medium',
  confidence: 'high',
  cwe: [494],
  principles: ['asset-management', 'encryption'],
  remediation:
    'Download with `RUN curl -fsSLo file <https-url> && echo "<sha256>  file" | sha256sum -c -`, or use `ADD --checksum=sha256:<digest> <url>`.',
});

export const DF_CURL_PIPE_SHELL = iacRule({
  id: 'iac/dockerfile-curl-pipe-shell',
  title: 'Script downloaded and piped to a shell',
  description:
    'Piping a downloaded script into a shell runs whatever the server returns at build time, unverified.',
  severity: 'high',
  confidence: 'high',
  cwe: [494],
  principles: ['asset-management'],
  remediation:
    'Download the script to a file, verify its checksum or signature, then run it; or install from a package manager with a pinned version.',
});

export const DF_SECRET_ENV = iacRule({
  id: 'iac/dockerfile-secret-in-env',
  title: 'Credential in ENV or ARG',
  description:
    'Values of `ENV` and `ARG` are stored in the image metadata and history; anyone who can pull the image can read them.',
  severity: 'high',
  confidence: 'medium',
  cwe: [522, 798],
  principles: ['authentication', 'encryption'],
  remediation:
    'Pass build secrets with `RUN --mount=type=secret,id=<name>` and runtime secrets through the orchestrator (Kubernetes Secret, Docker secret, a vault); never bake them into the image.',
});

export const DF_EXPOSE_PLAINTEXT = iacRule({
  id: 'iac/dockerfile-expose-plaintext-port',
  title: 'Image exposes a plaintext or remote-administration port',
  description:
    'Services such as FTP, Telnet, POP3, IMAP, rsh/rlogin, RDP, VNC or SSH inside an application image widen the attack surface and often send credentials in clear text.',
  severity: 'medium',
  confidence: 'high',
  cwe: [319],
  principles: ['encryption', 'zoning-containment'],
  remediation:
    'Remove the service and the EXPOSE from the image; use the encrypted variant (SFTP, SMTPS/STARTTLS, IMAPS) and administer containers through the orchestrator (`kubectl exec`), not an in-container daemon.',
});

export const DF_SUDO = iacRule({
  id: 'iac/dockerfile-sudo',
  title: 'sudo used in a Dockerfile',
  description:
    '`sudo` in an image means the runtime user can escalate to root, and it behaves unpredictably without a TTY.',
  severity: 'medium',
  confidence: 'high',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation:
    'Run privileged build steps before `USER` switches to the unprivileged user, and do not install sudo in the image.',
});

export const DF_UNPINNED_PACKAGE = iacRule({
  id: 'iac/dockerfile-unpinned-package',
  title: 'Package installed without a version pin',
  description:
    'Unpinned package installs make builds non-reproducible and silently pull whatever the mirror serves that day.',
  severity: 'low',
  confidence: 'medium',
  cwe: [1357],
  principles: ['asset-management'],
  remediation:
    'Pin versions (`apt-get install curl=7.88.1-10+deb12u5`, `apk add curl=8.5.0-r0`, `pip install requests==2.32.3`) or install from a lockfile.',
});

export const DOCKERFILE_RULES = [
  DF_UNPINNED_BASE,
  DF_USER_ROOT,
  DF_ADD_REMOTE,
  DF_CURL_PIPE_SHELL,
  DF_SECRET_ENV,
  DF_EXPOSE_PLAINTEXT,
  DF_SUDO,
  DF_UNPINNED_PACKAGE,
];
