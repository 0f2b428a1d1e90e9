import { array, boolean, object, optional, string, type Infer } from '../../policy/schema-dsl.js';

/** Options of the pipeline analyzer (vanguard.yaml `options.pipeline`). */
export const pipelineOptionsSchema = object(
  {
    trustedOwners: optional(
      array(string({ minLength: 1 }), {
        description: 'Action owners (GitHub organisations or users) trusted to be pinned by tag.',
      }),
    ),
    strictPinning: optional(boolean('Require a full commit SHA for every action, trusted owners included.')),
  },
  { description: 'Options of the pipeline analyzer.' },
);

export type PipelineOptionsInput = Infer<typeof pipelineOptionsSchema>;
