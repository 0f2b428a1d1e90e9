import type { Analyzer, AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { ParseError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { Reporter } from './common.js';
import { profileOption } from '../../core/profile.js';
import { roleOfFile } from '../../core/role-option.js';
import { isDockerfileName, isProcfileName, matchesIac } from './wants.js';
import { composeWorkloads, declareWorkloads, k8sWorkloads, WorkloadDraft } from './deployment.js';
import { checkCompose, isComposeDoc } from './compose/check.js';
import { COMPOSE_RULES } from './compose/rules.js';
import { COMPOSE_NAME, mergedWithOthers } from '../../core/compose-network-only.js';
import { checkDockerfile } from './dockerfile/check.js';
import { bakeContexts } from './dockerfile/bake-contexts.js';
import { DOCKERFILE_RULES } from './dockerfile/rules.js';
import { checkObject } from './k8s/objects.js';
import { K8S_RULES } from './k8s/rules.js';
import { checkPlaintext } from './plaintext/check.js';
import { PLAINTEXT_RULES } from './plaintext/rules.js';
import { checkTerraform } from './terraform/check.js';
import { checkPackageScripts, checkProcfile } from './inspector/check.js';
import { NODE_INSPECTOR_EXPOSED } from './inspector/rules.js';
import { TERRAFORM_RULES } from './terraform/rules.js';
import { get } from '../../parse/yaml/tree.js';
import { parseYamlDocs } from '../../parse/yaml/tree.js';

export { isDockerfileName, isPipelineFile } from './wants.js';

const K8S_HINT = /^apiVersion:/m;

function analyzeYaml(file: SourceFile, ctx: AnalyzerContext): RawFinding[] {
  const out: RawFinding[] = [];
  const manifest = K8S_HINT.test(file.text) || COMPOSE_NAME.test(file.name);
  if (manifest || file.text.includes('services:')) {
    let docs: ReturnType<typeof parseYamlDocs> | undefined;
    try {
      docs = parseYamlDocs(file.text);
    } catch (err) {
      // Only manifests are ours to report as broken: other YAML (Ansible, ERB or Go templates,
      // unrendered Helm charts) is not meant to parse as plain YAML; its lines are still checked below.
      if (!(err instanceof ParseError) || (manifest && !file.text.includes('{{'))) throw err;
    }
    const rep = new Reporter(file);
    const workloads: WorkloadDraft[] = [];
    for (const doc of docs ?? []) {
      if (get(doc.root, 'apiVersion') && get(doc.root, 'kind')) {
        checkObject(rep, doc.root!);
        k8sWorkloads(doc.root!, file.path, workloads);
      } else if (isComposeDoc(doc.root)) {
        checkCompose(
          rep,
          doc.root!,
          profileOption('iac', ctx.options) === 'audit' || mergedWithOthers(file.path, ctx.paths),
        );
        composeWorkloads(doc.root!, file.path, workloads);
      }
    }
    declareWorkloads(ctx, file.path, workloads);
    out.push(...rep.findings);
  }
  out.push(...plaintextOf(file, ctx));
  return out;
}

const TEST_ROLES = new Set(['test', 'fixture']);

/** checkPlaintext in the scan's profile, with the file's role (the user's role globs read first). */
function plaintextOf(file: SourceFile, ctx: AnalyzerContext): RawFinding[] {
  const testRole = TEST_ROLES.has(roleOfFile(file.path, file.text, ctx.options));
  const audit = profileOption('iac', ctx.options) === 'audit';
  if (!testRole || audit) return checkPlaintext(file, testRole, audit);
  // A test's URLs are the audit profile's: marked held back, so the scan result lists them (ScanResult.heldBack).
  return checkPlaintext(file, true, true).map((f) => ({ ...f, heldBack: true as const }));
}

/** Dockerfiles, Kubernetes manifests, Compose files, Terraform and plaintext endpoints in configuration. */
export const iacAnalyzer: Analyzer = {
  id: 'iac',
  description:
    'Misconfigurations in Dockerfiles, Kubernetes, Docker Compose, Terraform and configuration files',
  rules: [
    ...DOCKERFILE_RULES,
    ...K8S_RULES,
    ...COMPOSE_RULES,
    ...TERRAFORM_RULES,
    ...PLAINTEXT_RULES,
    NODE_INSPECTOR_EXPOSED,
  ],
  matches: matchesIac,
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] | Promise<RawFinding[]> {
    if (isDockerfileName(file.name)) {
      const workload = new WorkloadDraft('dockerfile', file.path, file.path, 1);
      return bakeContexts(file.path, ctx.paths, (p) => ctx.readFile(p)).then((contexts) => {
        const findings = checkDockerfile(file, workload, contexts);
        declareWorkloads(ctx, file.path, [workload]);
        return findings;
      });
    }
    if (file.ext === 'tf') return checkTerraform(file, ctx);
    // A package's start commands and a Procfile's process types: only their inspector flags are read here.
    if (file.name === 'package.json') return checkPackageScripts(file);
    if (isProcfileName(file.name)) return checkProcfile(file);
    if (file.ext === 'yaml' || file.ext === 'yml') return analyzeYaml(file, ctx);
    return plaintextOf(file, ctx);
  },
};
