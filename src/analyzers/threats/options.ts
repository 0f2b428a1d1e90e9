import { boolean, object, optional, string, type Infer } from '../../policy/schema-dsl.js';

/** Options of the threats analyzer (vanguard.yaml `options.threats`; `vanguard threats` sets them from its flags). */
export const threatsOptionsSchema = object(
  {
    now: optional(
      string({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}',
        patternHint: 'an ISO date (YYYY-MM-DD…)',
        refine: (v) => (Number.isNaN(Date.parse(v)) ? `"${v}" is not a date` : undefined),
        description: 'Evaluate risk-acceptance expiry as of this date (reproducible runs).',
      }),
    ),
    model: optional(string({ minLength: 1, description: 'The one model file to derive threats from.' })),
    crossCheck: optional(
      boolean('Hold the models against Compose, Kubernetes and Terraform (default true).'),
    ),
  },
  { description: 'Options of the threats analyzer.' },
);

export type ThreatsOptions = Infer<typeof threatsOptionsSchema>;
