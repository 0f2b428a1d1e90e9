import { iacRule } from '../common.js';

export const COMPOSE_PRIVILEGED = iacRule({
  id: 'iac/compose-privileged',
  title: 'Privileged Compose service',
  description:
    'A privileged container has every capability and all host devices; escaping to the host is trivial.',
  severity: 'critical',
  confidence: 'high',
  cwe: [250],
  principles: ['zoning-containment'],
  remediation: 'Remove `privileged: true`; add only the capabilities the service needs with `cap_add`.',
});

export const COMPOSE_NETWORK_HOST = iacRule({
  id: 'iac/compose-network-host',
  title: 'Compose service uses the host network',
  description:
    '`network_mode: host` removes network isolation: the service binds directly on the host and sees all its traffic.',
  severity: 'high',
  confidence: 'high',
  cwe: [668],
  principles: ['zoning-containment'],
  remediation: 'Use a user-defined bridge network and publish only the ports that must be reachable.',
});

export const COMPOSE_DOCKER_SOCKET = iacRule({
  id: 'iac/compose-docker-socket',
  title: 'Docker socket mounted into a service',
  description:
    'Whoever can talk to the Docker socket is root on the host; a compromised service takes over every container.',
  severity: 'critical',
  confidence: 'high',
  cwe: [668],
  principles: ['zoning-containment'],
  remediation:
    'Do not mount /var/run/docker.sock; if a tool needs the API, put a filtering proxy (read-only, limited endpoints) in front of it.',
});

export const COMPOSE_PORT_PUBLIC = iacRule({
  id: 'iac/compose-sensitive-port-public',
  title: 'Database or admin port published on all interfaces',
  description:
    'A port published without a host address listens on every interface of the host (Docker also bypasses host firewalls such as ufw).',
  severity: 'high',
  confidence: 'medium',
  cwe: [668],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Bind to loopback (`"127.0.0.1:5432:5432"`) or do not publish the port at all; services on the same Compose network reach it by name.',
});

export const COMPOSE_SECRET_ENV = iacRule({
  id: 'iac/compose-secret-in-env',
  title: 'Literal credential in Compose environment',
  description:
    'A credential written into the Compose file is readable by everyone with the repository and appears in `docker inspect`. ' +
    "Keys that only name a secret (`_FILE`, `_URL`, `_ID`…) are not reported, nor etcd's `ETCD_INITIAL_CLUSTER_TOKEN`, an identifier that keeps clusters apart at bootstrap.",
  severity: 'high',
  confidence: 'medium',
  cwe: [798],
  principles: ['authentication', 'encryption'],
  remediation:
    'Use Compose `secrets:` (files mounted under /run/secrets) or `${VAR}` substitution from an untracked .env file.',
});

export const COMPOSE_RULES = [
  COMPOSE_PRIVILEGED,
  COMPOSE_NETWORK_HOST,
  COMPOSE_DOCKER_SOCKET,
  COMPOSE_PORT_PUBLIC,
  COMPOSE_SECRET_ENV,
];
