import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileRef, ProjectContext } from '../../core/analyzer.js';
import { ParseError } from '../../core/errors.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { createRegistry } from '../index.js';
import { threatsAnalyzer } from './index.js';

const repo = new URL('../../threats/fixtures/repo/', import.meta.url);
const FILES = [
  'threatmodel.yaml',
  'deploy/k8s/storefront.yaml',
  'deploy/docker-compose.yml',
  'infra/main.tf',
  'src/storefront/README.md',
  'src/orders/README.md',
];
const read = (p: string): string => readFileSync(new URL(p, repo), 'utf8');
const ref = (path: string, text = ''): FileRef => ({
  path,
  name: basename(path),
  ext: extname(path).slice(1),
  size: text.length,
});

function projectContext(
  files: Record<string, string>,
): ProjectContext & { failures: string[]; reads: string[] } {
  const base = makeMemoryContext(files, { now: '2026-11-22' });
  const failures: string[] = [];
  const reads: string[] = [];
  return {
    ...base,
    requested: false,
    isIgnored: () => false,
    readFile: (p) => {
      reads.push(p);
      return base.readFile(p);
    },
    files: Object.entries(files)
      .map(([p, t]) => ref(p, t))
      .filter((f) => threatsAnalyzer.matches(f)),
    fail: (p) => void failures.push(p),
    failures,
    reads,
  };
}

describe('threats analyzer', () => {
  it('is registered and declares every rule once', () => {
    expect(createRegistry().get('threats')).toBe(threatsAnalyzer);
    expect(threatsAnalyzer.rules.length).toBeGreaterThanOrEqual(34);
  });

  it('wants models, Compose, Kubernetes YAML and Terraform, nothing else', () => {
    for (const p of [
      'threatmodel.yaml',
      'docs/threatmodel.yml',
      'arch/shop.threagile.yaml',
      'threagile.yml',
      'docker-compose.yml',
      'k8s/app.yaml',
      'main.tf',
    ]) {
      expect(threatsAnalyzer.matches(ref(p)), p).toBe(true);
    }
    for (const p of ['src/app.ts', 'README.md', 'package.json'])
      expect(threatsAnalyzer.matches(ref(p)), p).toBe(false);
  });

  it('derives threat findings from a model file, with risk tracking applied', async () => {
    const text = read('threatmodel.yaml');
    const findings = await threatsAnalyzer.analyze(
      makeSourceFile('threatmodel.yaml', text),
      makeMemoryContext({}, { now: '2026-11-22' }),
    );
    expect(findings.map((f) => f.fingerprintKey).sort()).toEqual([
      'cleartext-credentials@storefront-orders',
      'missing-identity-provider@storefront',
      'secrets-without-vault@orders',
      'unencrypted-flow-across-boundary@storefront-orders',
    ]);
    expect(
      findings.every(
        (f) =>
          f.ruleId.startsWith('threats/') && f.phase === 'design' && f.location.path === 'threatmodel.yaml',
      ),
    ).toBe(true);
    expect(findings.find((f) => f.fingerprintKey === 'secrets-without-vault@orders')?.suppression?.kind).toBe(
      'exception',
    );
    const later = await threatsAnalyzer.analyze(
      makeSourceFile('threatmodel.yaml', text),
      makeMemoryContext({}, { now: '2027-02-01' }),
    );
    expect(
      later.find((f) => f.fingerprintKey === 'secrets-without-vault@orders')?.suppression,
    ).toBeUndefined();
    expect(
      await threatsAnalyzer.analyze(makeSourceFile('k8s/app.yaml', 'kind: Pod\n'), makeMemoryContext()),
    ).toEqual([]);
  });

  it('turns an invalid model into a ParseError with its line', () => {
    const bad = 'version: 1\ntitle: t\nassets:\n  - id: a\n    kind: spaceship\n';
    let err: unknown;
    try {
      void threatsAnalyzer.analyze(makeSourceFile('threatmodel.yaml', bad), makeMemoryContext());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).line).toBe(5);
  });

  it('holds the model against the IaC of the project', async () => {
    const files = Object.fromEntries(FILES.map((p) => [p, read(p)]));
    const ctx = projectContext(files);
    const findings = (await threatsAnalyzer.analyzeProject?.(ctx)) ?? [];
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      'threats/model-drift-at-rest',
      'threats/model-drift-exposed',
      'threats/model-drift-exposed',
      'threats/model-drift-plain-http',
      'threats/unmodelled-asset',
      'threats/unmodelled-asset',
    ]);
    expect(ctx.failures).toEqual([]);
    const stale = projectContext(
      Object.fromEntries(FILES.filter((p) => !p.startsWith('src/orders')).map((p) => [p, read(p)])),
    );
    const found = (await threatsAnalyzer.analyzeProject?.(stale)) ?? [];
    expect(found.filter((f) => f.ruleId === 'threats/model-stale-path').map((f) => f.message)).toEqual([
      'asset "orders" refers to "src/orders", which is not in the repository',
    ]);
  });

  it('reads nothing but the file list when there is no model, and records broken IaC per file', async () => {
    const none = projectContext({ 'docker-compose.yml': read('deploy/docker-compose.yml') });
    expect(await threatsAnalyzer.analyzeProject?.(none)).toEqual([]);
    expect(none.reads).toEqual([]);
    const broken = projectContext({
      'threatmodel.yaml': read('threatmodel.yaml'),
      'docker-compose.yml': 'services: [unclosed\n',
    });
    await threatsAnalyzer.analyzeProject?.(broken);
    expect(broken.failures).toEqual(['docker-compose.yml']);
  });
});
