import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../core/errors.js';
import { composeUnits, iacUnits, k8sUnits, terraformUnits } from './iac-facts.js';

describe('IaC facts', () => {
  it('reads Compose port bindings: all interfaces are public, loopback is not', () => {
    const yml = [
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    ports:',
      '      - "8080:80"', // 5
      '      - "127.0.0.1:9000:9000"', // 6
      '      - "[::1]:9001:9001"', // 7
      '      - "0.0.0.0:8443:443"', // 8
      '      - target: 5000', // 9
      '        published: 5000',
      '        host_ip: 127.0.0.1',
      '      - "3000"', // 12
      '  db:',
      '    image: postgres:16',
    ].join('\n');
    const [web, db] = composeUnits(yml, 'compose.yaml');
    expect(web?.facts.filter((f) => f.type === 'public-exposure').map((f) => f.line)).toEqual([5, 8, 12]);
    expect(web?.facts.filter((f) => f.type === 'plain-http').map((f) => f.line)).toEqual([5, 9, 12]);
    expect(web?.ports).toEqual([80, 9000, 9001, 443, 5000, 3000]);
    expect(db).toMatchObject({ category: 'database', line: 13, facts: [] });
  });

  it('reads Kubernetes workloads, exposing Services and Ingresses with their lines', () => {
    const yml = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: { name: pg, labels: { app: pg } }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers: [{ name: pg, image: "postgres:16" }]',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: pg }',
      'spec:',
      '  type: NodePort', // 13
      '  selector: { app: pg }',
      '  ports: [{ port: 5432 }]',
    ].join('\n');
    const [pg, svc] = k8sUnits(yml, 'k8s/pg.yaml');
    expect(pg).toMatchObject({ kind: 'StatefulSet', category: 'database', line: 1 });
    expect(svc).toMatchObject({ kind: 'Service', category: 'attachment', refs: ['pg', 'pg'], ports: [5432] });
    expect(svc?.facts).toEqual([{ type: 'public-exposure', line: 13, detail: 'Service type NodePort' }]);
  });

  it('does not count an internal cloud load balancer as exposure', () => {
    const svc = (ann: string): string =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n${ann}spec:\n  type: LoadBalancer\n  ports: [{ port: 443 }]\n`;
    expect(k8sUnits(svc(''), 's.yaml')[0]?.facts).toHaveLength(1);
    const internal = '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\n';
    expect(k8sUnits(svc(internal), 's.yaml')[0]?.facts).toEqual([]);
    const gke = '  annotations:\n    networking.gke.io/load-balancer-type: Internal\n';
    expect(k8sUnits(svc(gke), 's.yaml')[0]?.facts).toEqual([]);
  });

  it('treats host networking and host ports as exposure', () => {
    const compose = 'services:\n  agent:\n    image: agent:1\n    network_mode: host\n';
    expect(composeUnits(compose, 'compose.yaml')[0]?.facts).toEqual([
      { type: 'public-exposure', line: 4, detail: 'network_mode: host exposes every port' },
    ]);
    const pod = [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: { name: agent }',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: true', // 7
      '      containers:',
      '        - name: agent',
      '          image: agent:1',
      '          ports:',
      '            - { containerPort: 9100, hostPort: 9100 }', // 12
    ].join('\n');
    expect(k8sUnits(pod, 'ds.yaml')[0]?.facts.map((f) => `${f.line}:${f.detail}`)).toEqual([
      '7:hostNetwork: true',
      '12:hostPort 9100',
    ]);
  });

  it('reads Terraform encryption and exposure facts, defaults included', () => {
    const tf = [
      'resource "aws_ebs_volume" "data" {',
      '  size = 10',
      '}',
      'resource "aws_db_instance" "main" {',
      '  storage_encrypted   = true',
      '  publicly_accessible = true', // 6
      '}',
      'resource "aws_lb" "internal" {',
      '  internal = true',
      '}',
    ].join('\n');
    const [ebs, db, lb] = terraformUnits(tf, 'main.tf');
    expect(ebs?.facts).toEqual([
      { type: 'unencrypted-at-rest', line: 1, detail: 'encrypted is not set (defaults to false)' },
    ]);
    expect(db?.facts).toEqual([{ type: 'public-exposure', line: 6, detail: 'publicly_accessible = true' }]);
    expect(lb?.facts).toEqual([]);
  });

  it('ignores YAML that is neither Compose nor Kubernetes, and reports broken YAML as a ParseError', () => {
    expect(iacUnits('.github/workflows/ci.yml', 'on: push\njobs: {}\n')).toEqual([]);
    expect(() => iacUnits('compose.yaml', 'services: [\n')).toThrow(/invalid YAML/);
    const helm =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  type: {{ .Values.service.type }}\n';
    expect(iacUnits('chart/templates/service.yaml', helm)).toEqual([]);
  });
});

describe('IaC facts on hostile input', () => {
  it('only ever throws ParseError, for Compose, Kubernetes and Terraform alike', () => {
    const doc = fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v));
    const k8s = fc
      .record({
        apiVersion: fc.constant('v1'),
        kind: fc.constantFrom('Service', 'Ingress', 'Deployment', 'Pod'),
        spec: fc.jsonValue({ maxDepth: 5 }),
      })
      .map((v) => `apiVersion: ${v.apiVersion}\nkind: ${v.kind}\nspec: ${JSON.stringify(v.spec)}\n`);
    const compose = fc.jsonValue({ maxDepth: 5 }).map((v) => `services: ${JSON.stringify({ web: v })}\n`);
    fc.assert(
      fc.property(
        fc.oneof(doc, k8s, compose, fc.string({ maxLength: 300 })),
        fc.constantFrom('k8s.yaml', 'compose.yaml', 'main.tf'),
        (text, path) => {
          try {
            iacUnits(path, text);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
