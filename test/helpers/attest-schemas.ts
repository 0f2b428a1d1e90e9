import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';

const require = createRequire(import.meta.url);
const addFormats = (require('ajv-formats') as { default: FormatsPlugin }).default;
const schema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** Validators for an in-toto Statement v1 and its SLSA v1 provenance predicate (schemas/ in this repository). */
export function provenanceValidators(): { statement: ValidateFunction; slsa: ValidateFunction } {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema('in-toto-statement-v1.schema.json'), 'in-toto-statement-v1.schema.json');
  ajv.addSchema(schema('slsa-provenance-v1.schema.json'), 'slsa-provenance-v1.schema.json');
  return {
    statement: ajv.getSchema('in-toto-statement-v1.schema.json')!,
    slsa: ajv.getSchema('slsa-provenance-v1.schema.json')!,
  };
}
