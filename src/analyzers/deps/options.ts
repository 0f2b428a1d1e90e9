import { array, boolean, integer, object, optional, string, type Infer } from '../../policy/schema-dsl.js';

/** Options of the deps analyzer (vanguard.yaml `options.deps`; `--db-path` sets dbPath). */
export const depsOptionsSchema = object(
  {
    dbPath: optional(
      string({
        minLength: 1,
        description: 'Advisory database file (default: VANGUARD_DB, then the user cache).',
      }),
    ),
    registries: optional(
      array(string({ minLength: 1 }), {
        description: 'Extra trusted registry hosts (mirrors) for deps/unexpected-registry.',
      }),
    ),
    maxDbAgeDays: optional(
      integer({ minimum: 0, description: 'Warn when the advisory database is older than this (default 7).' }),
    ),
    advisories: optional(
      boolean('Match packages against advisories (default true); false: inventory and integrity only.'),
    ),
  },
  { description: 'Options of the deps analyzer.' },
);

export type DepsOptions = Infer<typeof depsOptionsSchema>;
