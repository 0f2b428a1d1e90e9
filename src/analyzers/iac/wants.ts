import type { FileRef } from '../../core/analyzer.js';

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

/** True for Procfile names (Heroku, foreman, honcho, overmind): `Procfile`, `Procfile.dev`. */
export function isProcfileName(name: string): boolean {
  return /^Procfile(?:\.[\w-]{1,50})?$/.test(name) && !SOURCE_EXT.test(name);
}

export function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

/**
 * The files the iac analyzer reads: Dockerfiles, Terraform, YAML other than pipelines, env and
 * configuration files. Kept apart from the analyzer so that a pre-commit scan can ask without loading it.
 */
export function matchesIac(file: FileRef): boolean {
  if (isDockerfileName(file.name)) return true;
  if (file.ext === 'tf') return true;
  // Start commands: package.json scripts and Procfiles (their inspector flags, inspector/check.ts).
  if (file.name === 'package.json' || isProcfileName(file.name)) return true;
  if (file.ext === 'yaml' || file.ext === 'yml') return !isPipelineFile(file.path);
  if (isEnvFile(file.name)) return true;
  if (file.ext === 'json') return !NOT_CONFIG_JSON.test(file.name);
  return CONFIG_EXT.has(file.ext);
}
