import type { Analyzer, AnalyzerContext, FileRef, ProjectContext, SourceFile } from '../../core/analyzer.js';
import { ConfigError, ParseError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { checkModelPaths, crossCheck, DRIFT_RULES } from '../../threats/crosscheck.js';
import { assetPorts } from '../../threats/declared-ports.js';
import { deriveThreats, THREAT_RULE_METAS, threatToFinding } from '../../threats/derive.js';
import { iacUnits, isComposeFile } from '../../threats/iac-facts.js';
import type { IacUnit } from '../../threats/iac-facts.js';
import { loadThreatModel } from '../../threats/load.js';
import type { ThreatModel } from '../../threats/model.js';
import {
  checkBuildProvenance,
  PROVENANCE_DRIFT_RULE,
  provenanceEvidence,
} from '../../attest/provenance-evidence.js';
import { optionsOf } from '../options.js';

const MODEL_NAME = /^(threatmodel|threat-model)\.ya?ml$|^threagile\.ya?ml$|\.threagile\.ya?ml$/i;

/** True for threat model files by name: threatmodel.yaml, threat-model.yml, threagile.yaml, *.threagile.yaml. */
export function isModelFile(name: string): boolean {
  return MODEL_NAME.test(name);
}

/** The clock for risk-acceptance expiry: `options.now` (ISO date) for reproducible runs, else now. */
function clock(ctx: AnalyzerContext): Date {
  const now = optionsOf('threats', ctx.options).now;
  return now === undefined ? new Date() : new Date(now);
}

/**
 * Whether a file is a model this scan derives threats from: the one named by `options.model` (as
 * `vanguard threats <model>` gives it), else every file with a model name.
 */
function isModelHere(file: FileRef, ctx: AnalyzerContext): boolean {
  const chosen = optionsOf('threats', ctx.options).model;
  return chosen !== undefined ? file.path === chosen : isModelFile(file.name);
}

function load(text: string, path: string): ThreatModel {
  try {
    return loadThreatModel(text, path);
  } catch (err) {
    if (err instanceof ConfigError) throw new ParseError(err.message, err.line, { cause: err });
    throw err;
  }
}

/**
 * Threat modelling as code: derives STRIDE threats from threat model files (per file) and holds the
 * models against Compose, Kubernetes and Terraform in the same scan (once per project).
 */
export const threatsAnalyzer: Analyzer = {
  id: 'threats',
  description: 'Threats derived from threatmodel.yaml / Threagile models, and the model checked against IaC',
  rules: [...THREAT_RULE_METAS, ...Object.values(DRIFT_RULES), PROVENANCE_DRIFT_RULE],
  matches(file: FileRef): boolean {
    return (
      isModelFile(file.name) ||
      file.ext === 'tf' ||
      file.ext === 'yaml' ||
      file.ext === 'yml' ||
      isComposeFile(file.name)
    );
  },
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] {
    if (!isModelHere(file, ctx)) return [];
    const model = load(file.text, file.path);
    const ports = assetPorts(model);
    ctx.declareDeployment?.({
      workloads: [],
      assets: model.assets.map((a) => ({
        id: a.id,
        ...(a.name !== '' ? { name: a.name } : {}),
        ...(ports.has(a.id) ? { ports: ports.get(a.id)! } : {}),
        path: file.path,
      })),
    });
    const { threats, staleDecisions } = deriveThreats(model, clock(ctx));
    for (const d of staleDecisions)
      ctx.warn(`${file.path}:${d.line}: tracked threat "${d.id}" matches no derived threat`, {
        code: 'threat-tracking-stale',
        path: file.path,
      });
    return threats.map((t) => threatToFinding(t, file.path));
  },
  async analyzeProject(ctx: ProjectContext): Promise<RawFinding[]> {
    if (optionsOf('threats', ctx.options).crossCheck === false) return [];
    const modelRefs = ctx.files.filter((f) => isModelHere(f, ctx));
    // Without a model there is nothing to hold the code against, and nothing else is read.
    if (modelRefs.length === 0) return [];
    const models: ThreatModel[] = [];
    for (const ref of modelRefs) {
      const text = await ctx.readFile(ref.path);
      if (text === undefined) continue;
      try {
        models.push(loadThreatModel(text, ref.path));
      } catch (err) {
        // The per-file pass already recorded this model's error; skip it here without a second report.
        if (!(err instanceof ConfigError)) throw err;
      }
    }
    if (models.length === 0) return [];
    const texts = new Map<string, string>();
    const units: IacUnit[] = [];
    for (const ref of ctx.files) {
      if (isModelFile(ref.name)) continue;
      const text = await ctx.readFile(ref.path);
      if (text === undefined) continue;
      try {
        const found = iacUnits(ref.path, text);
        if (found.length > 0) texts.set(ref.path, text);
        units.push(...found);
      } catch (err) {
        ctx.fail(ref.path, err);
      }
    }
    return [
      ...crossCheck(models, units, (p, l) => texts.get(p)?.split(/\r?\n/)[l - 1]),
      ...models.flatMap((m) => checkModelPaths(m, ctx.paths)),
      ...(await buildProvenanceDrift(models, ctx)),
    ];
  },
};

/** The models' build-provenance controls against the workflows and attestations of the scanned tree. */
async function buildProvenanceDrift(models: ThreatModel[], ctx: ProjectContext): Promise<RawFinding[]> {
  if (!models.some((m) => m.assets.some((a) => a.controls.includes('build-provenance')))) return [];
  const evidence = await provenanceEvidence(ctx.paths, (p) => ctx.readFile(p));
  return models.flatMap((m) => checkBuildProvenance(m, evidence));
}
