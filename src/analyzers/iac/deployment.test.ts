import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredPorts, DEPLOYMENT_LIMITS } from '../../core/deployment.js';
import { runScan } from '../../scan/run-scan.js';
import { createRegistry } from '../index.js';
import { scanResultValidator } from '../../../test/helpers/schemas.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-deploy-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

const scan = (root: string, only = ['iac', 'threats']) =>
  runScan({ path: root, only, registry: createRegistry(), workers: 0 });

const K8S = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
  labels: { app.kubernetes.io/part-of: shop }
spec:
  template:
    metadata:
      labels: { app: orders, tier: api }
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/orders-migrate:1.2
      containers:
        - name: orders
          image: ghcr.io/acme/orders:1.2@sha256:${'a'.repeat(64)}
          ports:
            - containerPort: 8080
            - containerPort: 9090
              protocol: UDP
              hostPort: 19090
---
apiVersion: v1
kind: Service
metadata: { name: orders, namespace: shop }
spec:
  type: NodePort
  selector: { app: orders }
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { a: b }
`;

const COMPOSE = `services:
  web:
    image: nginx:1.27
    labels:
      com.example.team: payments
    ports:
      - "8080:80/udp"
      - "127.0.0.1:8443:443"
      - "[::1]:9000-9001:90-91"
      - "3000"
      - target: 5000
        published: "5050"
        protocol: tcp
    expose: ["7000", "7001/udp"]
  worker:
    build: .
    labels: ["com.example.role=worker"]
`;

const DOCKERFILE = `ARG BASE=python:3.12-slim
ARG PORT=8000
FROM node:22 AS build
RUN echo build
FROM \${BASE}
COPY --from=build /app /app
EXPOSE \${PORT} 53/udp 9100-9102
USER app
`;

const MODEL = `version: 1
title: Shop
zones:
  - { id: inet, name: Internet, trust: internet }
assets:
  - { id: orders-api, name: Orders API, kind: api, zone: inet }
  - { id: orders-db, name: Orders DB, kind: database, zone: inet }
flows: []
`;

describe('the deployment a scan declares', () => {
  it('collects Kubernetes objects, Compose services, Dockerfiles and model assets, in path order', async () => {
    const root = tree({
      'deploy/k8s.yaml': K8S,
      'docker-compose.yml': COMPOSE,
      Dockerfile: DOCKERFILE,
      'threatmodel.yaml': MODEL,
    });
    const r = await scan(root);
    const d = r.deployment!;
    expect(d.workloads.map((w) => `${w.path}:${w.line} ${w.kind} ${w.name}`)).toEqual([
      'Dockerfile:3 dockerfile Dockerfile',
      'deploy/k8s.yaml:1 Deployment orders',
      'deploy/k8s.yaml:24 Service orders',
      'docker-compose.yml:2 compose-service web',
      'docker-compose.yml:15 compose-service worker',
    ]);
    const [docker, deployment, service, web, worker] = d.workloads;
    expect(docker!.images).toEqual(['node:22', 'python:3.12-slim']);
    expect(docker!.ports).toEqual([
      { port: 8000, protocol: 'tcp' },
      { port: 53, protocol: 'udp' },
      { port: 9100, protocol: 'tcp' },
      { port: 9101, protocol: 'tcp' },
      { port: 9102, protocol: 'tcp' },
    ]);
    expect(deployment).toMatchObject({
      namespace: 'shop',
      labels: { 'app.kubernetes.io/part-of': 'shop', app: 'orders', tier: 'api' },
      images: ['ghcr.io/acme/orders-migrate:1.2', `ghcr.io/acme/orders:1.2@sha256:${'a'.repeat(64)}`],
      ports: [
        { port: 8080, protocol: 'tcp' },
        { port: 9090, protocol: 'udp' },
        { port: 19090, protocol: 'udp' },
      ],
    });
    expect(service!.ports).toEqual([
      { port: 80, protocol: 'tcp' },
      { port: 30080, protocol: 'tcp' },
    ]);
    // The published host port is what is open on the host; a bare container port publishes an ephemeral one.
    expect(web!.ports).toEqual([
      { port: 8080, protocol: 'udp' },
      { port: 8443, protocol: 'tcp' },
      { port: 9000, protocol: 'tcp' },
      { port: 9001, protocol: 'tcp' },
      { port: 3000, protocol: 'tcp' },
      { port: 5050, protocol: 'tcp' },
      { port: 7000, protocol: 'tcp' },
      { port: 7001, protocol: 'udp' },
    ]);
    expect(web!.labels).toEqual({ 'com.example.team': 'payments' });
    expect(web!.images).toEqual(['nginx:1.27']);
    expect(worker).toMatchObject({ labels: { 'com.example.role': 'worker' }, images: [], ports: [] });
    expect(d.assets).toEqual([
      { id: 'orders-api', name: 'Orders API', path: 'threatmodel.yaml' },
      { id: 'orders-db', name: 'Orders DB', path: 'threatmodel.yaml' },
    ]);
    expect(declaredPorts(d).some((p) => p.port === 80 && p.protocol === 'tcp')).toBe(true);
    const valid = scanResultValidator();
    expect(valid(JSON.parse(JSON.stringify(r))), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
  });

  it('is the same whatever the order files are found in, and absent when neither iac nor threats ran', async () => {
    const root = tree({ 'b/compose.yaml': COMPOSE, 'a/compose.yaml': COMPOSE, 'threatmodel.yaml': MODEL });
    const one = await scan(root);
    const two = await scan(root, ['threats', 'iac']);
    expect(JSON.stringify(two.deployment)).toBe(JSON.stringify(one.deployment));
    expect(one.deployment!.workloads[0]!.path).toBe('a/compose.yaml');
    expect((await scan(root, ['secrets'])).deployment).toBeUndefined();
    const empty = await scan(tree({ 'README.md': '# nothing deployed' }), ['iac']);
    expect(empty.deployment).toEqual({ workloads: [], assets: [] });
  });

  it('stays bounded on a hostile manifest, with a structured warning', async () => {
    const ports = Array.from({ length: 3 }, (_, i) => `      - "${i + 1}-65535:1-65535"`).join('\n');
    const labels = Array.from({ length: 500 }, (_, i) => `      l${i}: v`).join('\n');
    const services = Array.from({ length: 2_100 }, (_, i) => `  s${i}:\n    image: x:${i}`).join('\n');
    const root = tree({
      'compose.yaml': `services:\n  big:\n    image: "${'x'.repeat(5000)}"\n    labels:\n${labels}\n    ports:\n${ports}\n`,
      'many/compose.yaml': `services:\n${services}\n`,
      'evil/compose.yaml': `services:\n  p:\n    image: a\n    labels:\n      __proto__: polluted\n`,
    });
    const r = await scan(root);
    const big = r.deployment!.workloads.find((w) => w.name === 'big')!;
    expect(big.ports).toHaveLength(DEPLOYMENT_LIMITS.ports);
    expect(Object.keys(big.labels)).toHaveLength(DEPLOYMENT_LIMITS.labels);
    expect(big.images[0]!.length).toBe(DEPLOYMENT_LIMITS.text);
    expect(r.deployment!.workloads.filter((w) => w.path === 'many/compose.yaml')).toHaveLength(2_000);
    const evil = r.deployment!.workloads.find((w) => w.path === 'evil/compose.yaml')!;
    expect(Object.keys(evil.labels)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const truncated = r.warnings.filter((w) => w.code === 'deployment-truncated').map((w) => w.path);
    expect(truncated.sort()).toEqual(['compose.yaml', 'many/compose.yaml']);
  });
});
