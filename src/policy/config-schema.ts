import { ANALYZER_OPTIONS } from '../analyzers/options.js';
import {
  ANALYZER_IDS,
  CONFIDENCES,
  FINDING_SOURCES,
  FILE_ROLES,
  PHASES,
  SEVERITIES,
  type AnalyzerId,
} from '../core/finding.js';
import { PROFILES } from '../core/profile.js';
import type { Infer, JsonSchema } from './schema-dsl.js';
import {
  array,
  constNumber,
  object,
  oneOf,
  optional,
  record,
  string,
  stringOrObject,
  toJsonSchema,
} from './schema-dsl.js';

/** The one definition of vanguard.yaml: the TypeScript type, the validator and the JSON Schema come from it. */

export const FAIL_ON_VALUES = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

function realDate(v: string): string | undefined {
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v
    ? `"${v}" is not a real calendar date`
    : undefined;
}

const failOn = (description: string) => oneOf(FAIL_ON_VALUES, description);

const ruleMatcher = stringOrObject(
  string({ minLength: 1, description: 'A rule id or glob, e.g. "secrets/*".' }),
  object(
    {
      rule: optional(
        string({
          minLength: 1,
          description: 'Rule id or glob, e.g. "secrets/*" or "deps/vulnerable-package".',
        }),
      ),
      analyzer: optional(oneOf(FINDING_SOURCES, 'Only findings of this analyzer.')),
      confidence: optional(oneOf(CONFIDENCES, 'Only findings with exactly this confidence.')),
      severity: optional(oneOf(SEVERITIES, 'Only findings at or above this severity.')),
    },
    { atLeastOne: ['rule', 'analyzer', 'confidence', 'severity'] },
  ),
  'Which findings: a rule id or glob, or a mapping whose given fields must all match.',
);

const thresholds = {
  failOn: optional(failOn('The lowest severity that fails the build ("none": never by severity).')),
  minConfidence: optional(
    oneOf(
      CONFIDENCES,
      'Only findings at or above this confidence count towards failOn and the per-analyzer and per-phase thresholds ("high": proven findings only, e.g. taint-confirmed code findings; audit findings are medium or low). alwaysFail still applies.',
    ),
  ),
  analyzers: optional(
    record(failOn('Threshold for this analyzer.'), {
      keys: FINDING_SOURCES,
      description: 'Per-analyzer thresholds (override failOn).',
    }),
  ),
  phases: optional(
    record(failOn('Threshold for findings caught in this phase.'), {
      keys: PHASES,
      description: 'Per-phase thresholds (override failOn, overridden by analyzers).',
    }),
  ),
  alwaysFail: optional(
    array(ruleMatcher, { description: 'Findings that fail the build whatever their severity.' }),
  ),
  neverFail: optional(
    array(ruleMatcher, { description: 'Findings that are reported but never fail the build.' }),
  ),
};

const branchGate = object(thresholds, {
  description: 'Gate settings for matching branches, merged over the defaults.',
});

const gates = object(
  {
    ...thresholds,
    branches: optional(
      record(branchGate, {
        description:
          'Per-branch overrides; keys are branch names or globs ("release/*"); the first match wins.',
      }),
    ),
  },
  { description: 'When the scan fails the build.' },
);

const exception = object(
  {
    fingerprint: optional(
      string({ minLength: 1, description: 'The finding fingerprint (from the JSON or SARIF report).' }),
    ),
    rule: optional(string({ minLength: 1, description: 'Rule id or glob.' })),
    path: optional(
      string({
        minLength: 1,
        description: 'Path glob relative to the repository root, e.g. "config/*.env".',
      }),
    ),
    package: optional(
      string({ minLength: 1, description: 'Package name, or package URL (with or without version).' }),
    ),
    advisory: optional(string({ minLength: 1, description: 'Advisory id (GHSA-…, CVE-…, OSV id).' })),
    reason: string({ minLength: 1, description: 'Why this risk is accepted.' }),
    owner: string({ minLength: 1, description: 'Who answers for it (person or team).' }),
    expires: string({
      pattern: DATE_PATTERN,
      patternHint: 'a date YYYY-MM-DD',
      format: 'date',
      refine: realDate,
      description: 'Last day the exception applies (UTC); afterwards the finding comes back.',
    }),
  },
  {
    atLeastOne: ['fingerprint', 'rule', 'path', 'package', 'advisory'],
    description: 'An accepted risk. All matchers given must match.',
  },
);

export const configSchema = object(
  {
    version: optional(constNumber(1, 'Format version of this file.')),
    analyzers: optional(
      object(
        {
          only: optional(array(oneOf(ANALYZER_IDS), { description: 'Run only these analyzers.' })),
          skip: optional(array(oneOf(ANALYZER_IDS), { description: 'Never run these analyzers.' })),
        },
        { description: 'Which analyzers run.' },
      ),
    ),
    ignore: optional(
      array(string({ minLength: 1 }), { description: 'Paths not scanned, gitignore syntax.' }),
    ),
    rules: optional(
      array(string({ minLength: 1 }), {
        description: 'Folders of custom rules, relative to the repository root.',
      }),
    ),
    profile: optional(
      oneOf(
        PROFILES,
        'Rule profile. "default": findings precise enough to act on. "audit": also the opt-in audit rules, which report a dangerous API (file paths, require, RegExp, child_process, SQL text, redirects, URL assignments, Math.random, computed-key writes) given a value the program does not fix: low-confidence leads for a security review, noisy by design; and the secrets findings the default leaves out (keys and name-only credentials in tests, fixtures, examples and docs; the keys of site clients; credentials for a service on localhost; the factory login of a device). The --profile flag wins.',
      ),
    ),
    roles: optional(
      record(
        array(string({ minLength: 1 }), { description: 'Path globs relative to the repository root.' }),
        {
          keys: FILE_ROLES,
          description:
            'File roles by glob, over the built-in conventions (docs/file-roles.md): e.g. test: ["qa/**"], source: ["examples/app/**"].',
        },
      ),
    ),
    options: optional(
      object(
        {
          secrets: optional(ANALYZER_OPTIONS.secrets),
          deps: optional(ANALYZER_OPTIONS.deps),
          code: optional(ANALYZER_OPTIONS.code),
          iac: optional(ANALYZER_OPTIONS.iac),
          pipeline: optional(ANALYZER_OPTIONS.pipeline),
          threats: optional(ANALYZER_OPTIONS.threats),
          'supply-chain': optional(ANALYZER_OPTIONS['supply-chain']),
        } satisfies Record<AnalyzerId, unknown>,
        { description: "Per-analyzer options, each checked against its analyzer's schema." },
      ),
    ),
    gates: optional(gates),
    exceptions: optional(
      array(exception, { description: 'Accepted risks, each with a reason, an owner and an end date.' }),
    ),
  },
  { description: 'Vanguard policy for this repository.' },
);

export type RawConfig = Infer<typeof configSchema>;
export type RuleMatcher = Infer<typeof ruleMatcher>;
export type GateThresholds = Infer<typeof branchGate>;
export type GatesConfig = NonNullable<RawConfig['gates']>;
export type ExceptionEntry = Infer<typeof exception>;

/** The JSON Schema of vanguard.yaml, as shipped in schemas/vanguard.schema.json. */
export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'vanguard.yaml',
    ...toJsonSchema(configSchema),
  };
}
