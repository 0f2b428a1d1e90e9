import type { AnalyzerId } from '../core/finding.js';
import { ConfigError } from '../core/errors.js';
import { object, validate, type Infer, type Schema } from '../policy/schema-dsl.js';
import { depsOptionsSchema } from './deps/options.js';
import { pipelineOptionsSchema } from './pipeline/options.js';
import { threatsOptionsSchema } from './threats/options.js';

// The secrets, code, iac and supply-chain analyzers take no options from vanguard.yaml (history and rule folders
// come from flags and the top-level `rules`): any key under them is a mistake.
const none = (id: string) => object({}, { description: `The ${id} analyzer takes no options.` });

/**
 * Each analyzer's options schema, by id: vanguard.yaml's `options` is validated against these (an
 * unknown or misspelt option is an error with its line), and a new analyzer without an entry does not compile.
 */
export const ANALYZER_OPTIONS = {
  secrets: none('secrets'),
  deps: depsOptionsSchema,
  code: none('code'),
  iac: none('iac'),
  pipeline: pipelineOptionsSchema,
  threats: threatsOptionsSchema,
  'supply-chain': none('supply-chain'),
} as const satisfies Record<AnalyzerId, Schema<unknown>>;

export type AnalyzerOptionsOf<K extends keyof typeof ANALYZER_OPTIONS> = Infer<(typeof ANALYZER_OPTIONS)[K]>;

/**
 * An analyzer's options, typed: checked against its schema, so a misspelt or mistyped option from any
 * caller is a configuration error (exit 2 when raised in `prepare`), never silently ignored.
 */
export function optionsOf<K extends keyof typeof ANALYZER_OPTIONS>(
  id: K,
  raw: Readonly<Record<string, unknown>>,
): AnalyzerOptionsOf<K> {
  // `profile` is the scan's (run-scan.ts's withProfile gives it to each analyzer that reads one, `profileOption`),
  // never an option vanguard.yaml's `options` may name: its schema refuses it there.
  const { profile: _profile, ...own } = raw;
  const r = validate<unknown>(ANALYZER_OPTIONS[id], own);
  if (r.value === undefined) {
    const detail = r.issues.map((i) => `${['options', id, ...i.path].join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(detail);
  }
  return r.value as AnalyzerOptionsOf<K>;
}
