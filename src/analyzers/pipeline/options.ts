import type { PipelineOptions } from './gha-scope.js';
import { array, boolean, object, optional, string, type Infer } from '../../policy/schema-dsl.js';

/** Options of the pipeline analyzer (vanguard.yaml `options.pipeline`). */
export const pipelineOptionsSchema = object(
  {
    trustedOwners: optional(
      array(string({ minLength: 1 }), {
        description: 'Action owners (GitHub organisations or users) trusted to be pinned by tag.',
      }),
    ),
    strictPinning: optional(
      boolean(
        'Require a full commit SHA for every action and a digest for every image, trusted owners included.',
      ),
    ),
    sameOwner: optional(boolean("Treat actions of the repository's own owner (organisation) as trusted.")),
    dbPath: optional(
      string({
        minLength: 1,
        description:
          'The advisory database for known-vulnerable actions (set by --db-path; default as for deps).',
      }),
    ),
    owner: optional(
      string({
        minLength: 1,
        description:
          'The repository owner for sameOwner (default: from GITHUB_REPOSITORY or CI_PROJECT_NAMESPACE).',
      }),
    ),
  },
  { description: 'Options of the pipeline analyzer.' },
);

export type PipelineOptionsInput = Infer<typeof pipelineOptionsSchema>;

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

/** The deps analyzer's options that locate the advisory database (only those: the rest are the pipeline's). */
export function advisoryDbOptions(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return typeof options.dbPath === 'string' && options.dbPath !== '' ? { dbPath: options.dbPath } : {};
}
