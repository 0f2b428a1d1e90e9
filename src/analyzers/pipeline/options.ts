import type { PipelineOptions } from './gha-scope.js';

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((o): o is string => typeof o === 'string');
  if (typeof v === 'string')
    return v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  return [];
}

/**
 * Reads the analyzer options (`trustedOwners`, `strictPinning`, `sameOwner`, `owner`). Without `owner`,
 * `sameOwner` uses the owner of GITHUB_REPOSITORY (set in GitHub Actions) or CI_PROJECT_NAMESPACE (GitLab).
 */
export function pipelineOptions(
  options: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): PipelineOptions {
  const owner =
    typeof options.owner === 'string' && options.owner !== ''
      ? options.owner
      : (env.GITHUB_REPOSITORY?.split('/')[0] ?? env.CI_PROJECT_NAMESPACE?.split('/')[0]);
  return {
    trustedOwners: list(options.trustedOwners),
    strictPinning: options.strictPinning === true,
    sameOwner: options.sameOwner === true,
    ...(owner !== undefined && owner !== '' ? { owner } : {}),
  };
}
