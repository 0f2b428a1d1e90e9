import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '../analyzers/deps/digest.js';
import type { ScanResult } from '../core/result.js';
import { runScan } from '../scan/run-scan.js';
import { cyclonedxValidator } from '../../test/helpers/schemas.js';
import { toCycloneDx } from './cyclonedx.js';
import { toSpdx } from './spdx.js';

const FIX = join(import.meta.dirname, '..', 'analyzers', 'deps', 'fixtures');

let root: string;
let result: ScanResult;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vanguard-sbom-'));
  // A small monorepo: an npm app, a Rust service, a Python tool and a broken lockfile.
  cpSync(join(FIX, 'npm-v3'), join(root, 'web'), { recursive: true });
  cpSync(join(FIX, 'cargo'), join(root, 'svc'), { recursive: true });
  cpSync(join(FIX, 'poetry'), join(root, 'tools'), { recursive: true });
  mkdirSync(join(root, 'broken'));
  writeFileSync(join(root, 'broken', 'go.mod'), 'module x\nrequire nope\n');
  result = await runScan({
    path: root,
    only: ['deps'],
    options: { deps: { advisories: false } },
    workers: 0,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('project inventory', () => {
  it('reads every lockfile, skips package.json beside its lockfile, and records failures', () => {
    const inv = result.inventory!;
    expect([...new Set(inv.components.map((c) => c.declaredIn))].sort()).toEqual([
      'svc/Cargo.lock',
      'tools/poetry.lock',
      'web/package-lock.json',
    ]);
    expect(result.status).toBe('partial');
    expect(result.analyzers[0]!.errors).toEqual([
      expect.objectContaining({
        path: 'broken/go.mod',
        message: expect.stringMatching(/cannot read the requirement/) as string,
      }),
    ]);
    expect(inv.components).toHaveLength(66 + 3 + 4);
    expect(inv.dependencies.map((d) => d.ref)).toEqual(inv.components.map((c) => c.ref));
  });
  it('records scope, directness and where each package was declared', () => {
    const inv = result.inventory!;
    const byRef = new Map(inv.components.map((c) => [c.ref, c]));
    expect(byRef.get('pkg:npm/express@4.17.1')).toMatchObject({
      ecosystem: 'npm',
      name: 'express',
      version: '4.17.1',
      purl: 'pkg:npm/express@4.17.1',
      direct: true,
      scope: 'required',
      declaredIn: 'web/package-lock.json',
      hashes: [{ alg: 'SHA-512', value: expect.stringMatching(/^[0-9a-f]{128}$/) as string }],
    });
    expect(byRef.get('pkg:npm/qs@6.7.0')).toMatchObject({ direct: false, scope: 'required' });
    // Cargo.lock does not say which packages are for development only.
    expect(byRef.get('pkg:cargo/tokio@1.18.0')).toMatchObject({
      scope: 'unknown',
      declaredIn: 'svc/Cargo.lock',
    });
    expect(inv.components.some((c) => c.scope === 'dev')).toBe(true);
    expect(inv.dependencies.find((d) => d.ref === 'pkg:npm/express@4.17.1')!.dependsOn).toContain(
      'pkg:npm/qs@6.7.0',
    );
  });
  it('turns lockfile integrity strings into hex digests', () => {
    expect(
      digestOf(
        'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQpHCxlYtyHRqH2rP2kbdHNnQ9BnQ2fRm/DqIhwsa3F7DW8A==',
      )?.alg,
    ).toBe('SHA-512');
    expect(digestOf('sha256:0f48b6d60512a392e34dbf7fd456249fd2de3c83669ab642e021903f4015185b')).toEqual({
      alg: 'SHA-256',
      hex: '0f48b6d60512a392e34dbf7fd456249fd2de3c83669ab642e021903f4015185b',
    });
    expect(digestOf('10c0/3a35c5f5586cfb9a')).toBeUndefined();
  });
});

describe('CycloneDX 1.6', () => {
  it('is valid against the official schema', () => {
    const validate = cyclonedxValidator();
    const doc = toCycloneDx(result);
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator is live: a malformed hash is rejected.
    const bad = structuredClone(doc) as { components: { hashes?: { content: string }[] }[] };
    bad.components.find((c) => c.hashes)!.hashes![0]!.content = 'not-hex';
    expect(validate(bad)).toBe(false);
  });
  it('carries purls, hashes and the dependency graph', () => {
    const doc = toCycloneDx(result) as {
      components: { purl: string; hashes?: { alg: string; content: string }[] }[];
      dependencies: { ref: string; dependsOn: string[] }[];
    };
    const lodash = doc.components.find((c) => c.purl === 'pkg:npm/lodash@4.17.15')!;
    expect(lodash.hashes?.[0]).toMatchObject({
      alg: 'SHA-512',
      content: expect.stringMatching(/^[0-9a-f]{128}$/) as string,
    });
    const root = doc.dependencies.find((d) => d.ref === 'root-component')!;
    expect(root.dependsOn).toEqual(
      expect.arrayContaining(['pkg:npm/express@4.17.1', 'pkg:cargo/tokio@1.18.0', 'pkg:pypi/django@3.2.12']),
    );
    expect(root.dependsOn).not.toContain('pkg:npm/qs@6.7.0');
    expect(doc.dependencies.find((d) => d.ref === 'pkg:npm/express@4.17.1')!.dependsOn).toContain(
      'pkg:npm/qs@6.7.0',
    );
    expect(doc.dependencies.find((d) => d.ref === 'pkg:cargo/hyper@0.14.9')!.dependsOn).toEqual([
      'pkg:cargo/bytes@1.1.0',
      'pkg:cargo/tokio@1.18.0',
    ]);
  });
});

describe('SPDX 2.3', () => {
  // No package on the npm registry ships the official SPDX 2.3 JSON schema, so this checks the fields the
  // SPDX 2.3 specification requires (clauses 6 "Document Creation Information", 7 "Package Information", 11
  // "Relationships") and their formats.
  it('has every field SPDX 2.3 requires, in the required formats', () => {
    const doc = toSpdx(result) as Record<string, unknown> & {
      creationInfo: { created: string; creators: string[] };
      packages: Record<string, unknown>[];
      relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
    };
    expect(doc).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
    });
    expect(typeof doc.name).toBe('string');
    expect(doc.documentNamespace).toMatch(/^https:\/\/[^#\s]+$/);
    expect(doc.creationInfo.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(doc.creationInfo.creators.every((c) => /^(Tool|Organization|Person): .+/.test(c))).toBe(true);
    const ids = new Set<string>(['SPDXRef-DOCUMENT']);
    for (const p of doc.packages) {
      expect(p.SPDXID).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
      expect(ids.has(p.SPDXID as string), `unique ${String(p.SPDXID)}`).toBe(false);
      ids.add(p.SPDXID as string);
      for (const k of ['name', 'downloadLocation']) expect(typeof p[k], k).toBe('string');
      expect(p.downloadLocation === 'NOASSERTION' || /^https?:\/\//.test(p.downloadLocation as string)).toBe(
        true,
      );
      expect(p.filesAnalyzed).toBe(false);
      for (const c of (p.checksums as { algorithm: string; checksumValue: string }[] | undefined) ?? []) {
        expect(['SHA1', 'SHA256', 'SHA384', 'SHA512']).toContain(c.algorithm);
        expect(c.checksumValue).toMatch(/^[0-9a-f]+$/);
      }
    }
    const PURL = /^pkg:[a-z]+\/.+@.+$/;
    const libs = doc.packages.filter((p) => p.primaryPackagePurpose === 'LIBRARY');
    expect(libs).toHaveLength(result.inventory!.components.length);
    for (const p of libs) {
      expect(
        (
          p.externalRefs as { referenceCategory: string; referenceType: string; referenceLocator: string }[]
        )[0],
      ).toMatchObject({
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: expect.stringMatching(PURL) as string,
      });
    }
    for (const r of doc.relationships) {
      expect(ids.has(r.spdxElementId) && ids.has(r.relatedSpdxElement), JSON.stringify(r)).toBe(true);
      expect(['DESCRIBES', 'DEPENDS_ON']).toContain(r.relationshipType);
    }
    expect(doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES')).toHaveLength(1);
    expect(doc.relationships.filter((r) => r.relationshipType === 'DEPENDS_ON').length).toBeGreaterThan(60);
  });
});
