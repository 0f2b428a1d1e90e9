import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawFinding } from '../core/finding.js';
import { findingFrom, type RuleMeta } from '../core/rule.js';
import type { ThreatModel } from '../threats/model.js';

/** The model claims `build-provenance` for a build server, but nothing in the repository produces attested builds. */
export const PROVENANCE_DRIFT_RULE: RuleMeta = {
  id: 'threats/model-drift-build-provenance',
  analyzer: 'threats',
  phase: 'design',
  title: 'Build provenance modelled, but no attested build found',
  description:
    'The threat model rates build tampering as mitigated because the build server produces signed provenance, ' +
    'yet no CI workflow in the repository generates or signs provenance and no attestation is committed.',
  severity: 'high',
  confidence: 'medium',
  cwe: [494],
  principles: ['asset-management'],
  remediation:
    'Run the build through `vanguard build` and sign with `vanguard attest sign` (or another SLSA provenance ' +
    'generator) in the release workflow, and gate deployments with `vanguard verify`; or remove the control from the model.',
};

/** CI files that may run the build, and what in them shows an attested build (one signal is enough). */
const CI_FILES =
  /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab\/ci\/.+\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile)$/;
const SIGNALS: { re: RegExp; what: string }[] = [
  { re: /vanguard\s+attest\s+sign\b/, what: 'vanguard attest sign' },
  { re: /actions\/attest-build-provenance@/, what: 'actions/attest-build-provenance' },
  { re: /slsa-framework\/slsa-github-generator\//, what: 'slsa-github-generator' },
  { re: /\bnpm\s+publish\b[^\n]*--provenance\b/, what: 'npm publish --provenance' },
  { re: /\bcosign\s+attest(-blob)?\b/, what: 'cosign attest' },
];
const ATTESTATION_FILES = /(^|\/)[^/]+\.(intoto\.jsonl|sigstore\.json)$/;
const MAX_CI_FILE = 1024 * 1024;

/**
 * Where the repository shows attested builds: CI steps that sign provenance, or committed
 * attestations. `read` gives a file's text (undefined when it cannot or should not be read).
 */
export async function provenanceEvidence(
  paths: Iterable<string>,
  read: (path: string) => Promise<string | undefined>,
): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    if (ATTESTATION_FILES.test(p)) found.push(`${p} (attestation)`);
    if (!CI_FILES.test(p)) continue;
    const text = await read(p);
    if (text === undefined || text.length > MAX_CI_FILE) continue;
    for (const s of SIGNALS) if (s.re.test(text)) found.push(`${p} (${s.what})`);
  }
  return found;
}

/** A reader for `provenanceEvidence` over a folder on disk. */
export function diskReader(root: string): (path: string) => Promise<string | undefined> {
  return async (p) => {
    const abs = join(root, p);
    return (await stat(abs)).size > MAX_CI_FILE ? undefined : readFile(abs, 'utf8');
  };
}

/** Checks the `build-provenance` control of every build server in the model against that evidence. */
export function checkBuildProvenance(model: ThreatModel, evidence: readonly string[]): RawFinding[] {
  if (evidence.length > 0) return [];
  return model.assets
    .filter((a) => a.kind === 'build-server' && !a.outOfScope && a.controls.includes('build-provenance'))
    .map((a) =>
      findingFrom(PROVENANCE_DRIFT_RULE, {
        message: `Asset ${a.id} declares the build-provenance control, but no workflow signs provenance (vanguard attest sign, actions/attest-build-provenance, slsa-github-generator, npm publish --provenance, cosign attest) and no .intoto.jsonl or .sigstore.json is in the repository.`,
        location: { path: model.file, startLine: a.line },
        fingerprintKey: `build-provenance|${a.id}`,
      }),
    );
}
