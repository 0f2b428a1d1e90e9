import type { ExampleTable } from './types.js';

export const COMPOSE_EXAMPLES: ExampleTable = {
  'iac/compose-privileged': [
    {
      path: 'docker-compose.yml',
      bad: `services:\n  agent:\n    image: acme/agent:2.1\n    privileged: true ⟵\n`,
      good: `services:\n  agent:\n    image: acme/agent:2.1\n    privileged: false\n    cap_add: [NET_BIND_SERVICE]\n`,
    },
    {
      // Compose casts y/yes/on (any case, quoted or not) to true for its boolean fields.
      path: 'docker-compose.yml',
      bad: `services:\n  agent:\n    image: acme/agent:2.1\n    privileged: "Yes" ⟵\n`,
      good: `services:\n  agent:\n    image: acme/agent:2.1\n    privileged: no\n`,
    },
  ],
  'iac/compose-network-host': [
    {
      path: 'compose.yaml',
      bad: `services:\n  proxy:\n    image: nginx:1.27\n    network_mode: host ⟵\n`,
      good: `services:\n  proxy:\n    image: nginx:1.27\n    network_mode: bridge\n    ports: ["443:443"]\n`,
    },
  ],
  'iac/compose-docker-socket': [
    {
      path: 'docker-compose.yml',
      bad: `services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - ./data:/data\n      - /var/run/docker.sock:/var/run/docker.sock ⟵\n      - type: bind\n        source: /run/docker.sock ⟵\n        target: /sock\n`,
      good: `services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - ./data:/data\n      - sockets:/var/run/app\n`,
    },
  ],
  'iac/compose-sensitive-port-public': [
    {
      path: 'docker-compose.yml',
      bad: `services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432" ⟵\n      - "0.0.0.0:6379:6379" ⟵\n  web:\n    image: acme/web:1.0\n    ports: ["8080:8080"]\n`,
      good: `services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "5432"\n    expose: ["5432"]\n`,
    },
  ],
  'iac/compose-secret-in-env': [
    {
      path: 'docker-compose.yml',
      bad: `x-db-env: &dbenv\n  POSTGRES_PASSWORD: s3cure-Passw0rd ⟵\n  POSTGRES_USER: app\nservices:\n  db:\n    image: postgres:16\n    environment: *dbenv\n  api:\n    image: acme/api:1.0\n    environment:\n      - API_TOKEN=tok-live-8d7f6a5e4c3b ⟵\n`,
      good: `x-db-env: &dbenv\n  POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}\n  POSTGRES_PASSWORD_FILE: /run/secrets/pg\nservices:\n  db:\n    image: postgres:16\n    environment: *dbenv\n  api:\n    image: acme/api:1.0\n    environment:\n      - API_TOKEN\n      - LOG_LEVEL=debug\n  etcd:\n    image: quay.io/coreos/etcd:v3.5\n    environment:\n      ETCD_INITIAL_CLUSTER_TOKEN: tutorial\n`,
    },
    {
      // A weak password of a database that publishes its port is reported; one only the Compose network reaches is
      // left to the audit profile (core/compose-network-only.ts), and a strong one stays reported wherever it is.
      path: 'docker-compose.yml',
      bad: `services:\n  db:\n    image: mariadb:10.11\n    ports:\n      - "3306:3306"\n    environment:\n      MARIADB_ROOT_PASSWORD: admin123 ⟵\n  cache:\n    image: redis:7\n    network_mode: host\n    environment:\n      REDIS_PASSWORD: admin123 ⟵\n`,
      good: `services:\n  app:\n    image: acme/app:1.0\n    ports:\n      - "3000:3000"\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n    environment:\n      POSTGRES_PASSWORD: admin123\n`,
    },
  ],
};
