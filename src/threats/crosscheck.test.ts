import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheck } from './crosscheck.js';
import { iacUnits } from './iac-facts.js';
import { loadThreatModel } from './load.js';

const repo = new URL('./fixtures/repo/', import.meta.url);
const read = (p: string): string => readFileSync(new URL(p, repo), 'utf8');
const IAC = ['deploy/k8s/storefront.yaml', 'deploy/docker-compose.yml', 'infra/main.tf'];

function run(
  modelText = read('threatmodel.yaml'),
  files: Record<string, string> = Object.fromEntries(IAC.map((p) => [p, read(p)])),
) {
  const model = loadThreatModel(modelText, 'threatmodel.yaml');
  const units = Object.entries(files).flatMap(([p, t]) => iacUnits(p, t));
  const lineText = (p: string, l: number): string | undefined => files[p]?.split('\n')[l - 1];
  return { model, findings: crossCheck([model], units, lineText) };
}

const lineOf = (path: string, needle: string, from = 0): number =>
  read(path)
    .split('\n')
    .findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('model held against the code', () => {
  const { model, findings } = run();
  const got = findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort();
  const modelLine = (id: string): number => model.assets.find((a) => a.id === id)?.line ?? 0;

  it('finds exactly the expected mismatches, at the code lines', () => {
    expect(got).toEqual(
      [
        `threats/model-drift-plain-http deploy/k8s/storefront.yaml:${lineOf('deploy/k8s/storefront.yaml', 'kind: Ingress')}`,
        `threats/model-drift-exposed deploy/docker-compose.yml:${lineOf('deploy/docker-compose.yml', '"8080:8080"')}`,
        `threats/model-drift-at-rest infra/main.tf:${lineOf('infra/main.tf', 'storage_encrypted')}`,
        `threats/model-drift-exposed infra/main.tf:${lineOf('infra/main.tf', 'cidr_blocks')}`,
        `threats/unmodelled-asset deploy/docker-compose.yml:${lineOf('deploy/docker-compose.yml', '  redis:')}`,
        `threats/unmodelled-asset infra/main.tf:${lineOf('infra/main.tf', 'aws_s3_bucket')}`,
      ].sort(),
    );
  });

  it('names the model line in each mismatch message', () => {
    const atRest = findings.find((f) => f.ruleId === 'threats/model-drift-at-rest');
    expect(atRest?.message).toContain(`threatmodel.yaml:${modelLine('orders-db')}`);
    expect(atRest?.location.snippet).toBe('storage_encrypted      = false');
    const exposed = findings.find(
      (f) => f.ruleId === 'threats/model-drift-exposed' && f.location.path.endsWith('.yml'),
    );
    expect(exposed?.message).toContain(`threatmodel.yaml:${modelLine('orders')}`);
    const http = findings.find((f) => f.ruleId === 'threats/model-drift-plain-http');
    expect(http?.message).toMatch(
      /modelled as https \(threatmodel\.yaml:\d+\), but Ingress "storefront": no tls section, so it serves plain HTTP/,
    );
    for (const f of findings) expect(f.phase).toBe('design');
  });

  it('stays quiet when the code agrees with the model', () => {
    const fixed: Record<string, string> = {
      'deploy/k8s/storefront.yaml': read('deploy/k8s/storefront.yaml').replace(
        'spec:\n  rules:',
        'spec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:',
      ),
      'deploy/docker-compose.yml': read('deploy/docker-compose.yml').replace(
        '"8080:8080"',
        '"127.0.0.1:8080:8080"',
      ),
      'infra/main.tf': read('infra/main.tf')
        .replace('storage_encrypted      = false', 'storage_encrypted      = true')
        .replace('"0.0.0.0/0"', '"10.0.0.0/16"'),
    };
    const modelText = read('threatmodel.yaml').replace(
      '  - id: payments',
      '  - id: redis\n    kind: cache\n    zone: cluster\n  - id: invoices\n    kind: storage\n    zone: data\n    iac: [infra/main.tf#aws_s3_bucket.invoices]\n  - id: payments',
    );
    expect(run(modelText, fixed).findings).toEqual([]);
  });

  it('lets out-of-scope assets claim infrastructure without holding them to the model', () => {
    const modelText = read('threatmodel.yaml').replace(
      '    encrypted-at-rest: true\n',
      '    encrypted-at-rest: true\n    out-of-scope: true\n',
    );
    const rules = run(modelText).findings.map((f) => f.ruleId);
    expect(rules).not.toContain('threats/model-drift-at-rest');
    expect(rules.filter((r) => r === 'threats/unmodelled-asset')).toHaveLength(2);
  });

  it('flags a cache modelled with TLS whose Terraform leaves transit encryption off', () => {
    const tf =
      'resource "aws_elasticache_replication_group" "sessions" {\n  at_rest_encryption_enabled = true\n}\n';
    const modelText = (protocol: string): string =>
      `version: 1\ntitle: t\nzones: [{ id: app, trust: internal }]\nassets:\n  - { id: api, kind: api, zone: app }\n  - { id: sessions, kind: cache, zone: app, iac: [infra/cache.tf] }\nflows:\n  - { id: api-sessions, from: api, to: sessions, protocol: ${protocol} }\n`;
    const r = run(modelText('redis-tls'), { 'infra/cache.tf': tf });
    expect(r.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual([
      'threats/model-drift-plain-http:1',
    ]);
    expect(r.findings[0]?.message).toContain('transit_encryption_enabled is not set');
    expect(run(modelText('redis'), { 'infra/cache.tf': tf }).findings).toEqual([]);
  });

  it('flags a LoadBalancer Service and an HTTP listener', () => {
    const k8s = read('deploy/k8s/storefront.yaml').replace('type: ClusterIP', 'type: LoadBalancer');
    const modelText =
      'version: 1\ntitle: t\nzones: [{ id: cluster, trust: internal }]\nassets:\n  - { id: storefront, kind: web-app, zone: cluster }\n';
    const r = run(modelText, { 'deploy/k8s/storefront.yaml': k8s });
    expect(r.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toContain(
      `threats/model-drift-exposed:${lineOf('deploy/k8s/storefront.yaml', 'type: ClusterIP')}`,
    );
    const tf =
      'resource "aws_lb" "web" {\n  internal = false\n}\nresource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n  protocol = "HTTP"\n  port = 80\n}\n';
    const m2 = read('threatmodel.yaml').replace(
      'iac: [deploy/k8s/storefront.yaml]',
      'iac: [infra/lb.tf#aws_lb.web]',
    );
    const r2 = run(m2, { 'infra/lb.tf': tf });
    expect(r2.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual([
      'threats/model-drift-plain-http:6',
    ]);
  });
});
