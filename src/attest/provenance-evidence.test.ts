import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../scan/run-scan.js';

const MODEL = `version: 1
title: shop
zones:
  - { id: app, name: App, trust: internal }
assets:
  - { id: ci, name: CI, kind: build-server, zone: app, controls: [build-provenance] }
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-prov-'));
  for (const [p, c] of Object.entries({ 'threatmodel.yaml': MODEL, ...files })) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

async function drift(dir: string): Promise<string[]> {
  // The threats analyzer holds the model against the tree, through the scan engine like `vanguard threats`.
  const result = await runScan({ path: dir, only: ['threats'], workers: 1, now: new Date('2026-06-01') });
  return result.findings.map((f) => f.ruleId);
}

const RELEASE = `on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: npx vanguard build --artifacts dist/app.tgz -- npm run package
`;

describe('the build-provenance control against the repository', () => {
  it('flags a modelled control that no workflow or attestation backs', async () => {
    expect(await drift(project({ '.github/workflows/release.yml': RELEASE }))).toContain(
      'threats/model-drift-build-provenance',
    );
  });

  it('accepts a workflow that signs provenance, or a committed attestation', async () => {
    const signed =
      RELEASE +
      '      - run: npx vanguard attest sign .vanguard/build/provenance.json --key k --output app.intoto.jsonl\n';
    expect(await drift(project({ '.github/workflows/release.yml': signed }))).not.toContain(
      'threats/model-drift-build-provenance',
    );
    expect(await drift(project({ 'release/app.intoto.jsonl': '{}\n' }))).not.toContain(
      'threats/model-drift-build-provenance',
    );
  });
});
