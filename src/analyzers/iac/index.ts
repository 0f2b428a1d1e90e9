import type { Analyzer, AnalyzerContext, FileRef, SourceFile } from '../../core/analyzer.js';
import { ParseError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { Reporter } from './common.js';
import { composeWorkloads, declareWorkloads, k8sWorkloads, WorkloadDraft } from './deployment.js';
import { checkCompose, isComposeDoc } from './compose/check.js';
import { COMPOSE_RULES } from './compose/rules.js';
import { checkDockerfile } from './dockerfile/check.js';
import { DOCKERFILE_RULES } from './dockerfile/rules.js';
import { checkObject } from './k8s/objects.js';
import { K8S_RULES } from './k8s/rules.js';
import { checkPlaintext } from './plaintext/check.js';
import { PLAINTEXT_RULES } from './plaintext/rules.js';
import { checkTerraform } from './terraform/check.js';
import { TERRAFORM_RULES } from './terraform/rules.js';
import { get } from '../../parse/yaml/tree.js';
import { parseYamlDocs } from '../../parse/yaml/tree.js';

const DOCKERFILE = /^(?:docker|container)file(?:[.-][\w.-]{1,100})?$|\.(?:docker|container)file$/i;
// `Dockerfile.prod` is a Dockerfile; `dockerfile.ts` (code about Dockerfiles) is not.
const SOURCE_EXT = /\.(?:[cm]?[jt]sx?|py|go|java|kt|rb|rs|cs|php|sh|md|txt|rst|adoc|html?|json|ya?ml|toml)$/i;

/** True for Dockerfile and Containerfile names, with or without a variant suffix. */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE.test(name) && !SOURCE_EXT.test(name);
}

const CONFIG_EXT = new Set(['json', 'toml', 'ini', 'cfg', 'conf', 'properties', 'env']);
const NOT_CONFIG_JSON =
  /^(?:package(?:-lock)?|npm-shrinkwrap|composer|bower|lerna|renovate|tsconfig(?:\.[\w.-]{1,50})?|jsconfig|\.eslintrc|\.babelrc|\.prettierrc|deno|nx|angular|project\.assets|.{1,200}\.schema|.{1,200}\.sarif|bom|sbom|.{1,200}\.cdx|.{1,200}\.spdx)\.json$/i;

/** True for pipeline definitions, which the pipeline analyzer owns. */
export function isPipelineFile(path: string): boolean {
  return (
    /(?:^|\/)\.github\/workflows\/[^/]{1,255}\.ya?ml$/i.test(path) ||
    /(?:^|\/)(?:[^/]{0,200}\.)?gitlab-ci\.ya?ml$/i.test(path)
  );
}

function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]{1,100})?\.ya?ml$/i;
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
        checkCompose(rep, doc.root!);
        composeWorkloads(doc.root!, file.path, workloads);
      }
    }
    declareWorkloads(ctx, file.path, workloads);
    out.push(...rep.findings);
  }
  out.push(...checkPlaintext(file));
  return out;
}

/** Dockerfiles, Kubernetes manifests, Compose files, Terraform and plaintext endpoints in configuration. */
export const iacAnalyzer: Analyzer = {
  id: 'iac',
  description:
    'Misconfigurations in Dockerfiles, Kubernetes, Docker Compose, Terraform and configuration files',
  rules: [...DOCKERFILE_RULES, ...K8S_RULES, ...COMPOSE_RULES, ...TERRAFORM_RULES, ...PLAINTEXT_RULES],
  matches(file: FileRef): boolean {
    if (isDockerfileName(file.name)) return true;
    if (file.ext === 'tf') return true;
    if (file.ext === 'yaml' || file.ext === 'yml') return !isPipelineFile(file.path);
    if (isEnvFile(file.name)) return true;
    if (file.ext === 'json') return !NOT_CONFIG_JSON.test(file.name);
    return CONFIG_EXT.has(file.ext);
  },
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] | Promise<RawFinding[]> {
    if (isDockerfileName(file.name)) {
      const workload = new WorkloadDraft('dockerfile', file.path, file.path, 1);
      const findings = checkDockerfile(file, workload);
      declareWorkloads(ctx, file.path, [workload]);
      return findings;
    }
    if (file.ext === 'tf') return checkTerraform(file, ctx);
    if (file.ext === 'yaml' || file.ext === 'yml') return analyzeYaml(file, ctx);
    return checkPlaintext(file);
  },
};
