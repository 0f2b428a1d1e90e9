import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export that ESM interop wraps; require gives the plugin itself.
const addFormats = (require('ajv-formats') as { default: FormatsPlugin }).default;

/** The official SARIF 2.1.0 JSON schema (shipped by @microsoft/jest-sarif), compiled once. */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as Record<string, unknown>;
  // The file declares draft-04; its keywords are the draft-07 subset except the top-level `id`.
  delete schema.$schema;
  delete schema.id;
  // unicodeRegExp off: one pattern in the official file ('language') is not valid with the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The CycloneDX 1.6 JSON schema shipped by @cyclonedx/cyclonedx-library, with the SPDX and JSF schemas it references. */
export function cyclonedxValidator(): ValidateFunction {
  const dir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
  const load = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
  // Quiet: the schema uses formats ajv-formats does not know (iri-reference); they are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema(load('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(
    load('jsf-0.82.SNAPSHOT.schema.json'),
    'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json',
  );
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}

/** Vanguard's own scan-result schema (schemas/scan-result.schema.json), JSON Schema 2020-12. */
export function scanResultValidator(): ValidateFunction {
  const { Ajv2020 } = require('ajv/dist/2020') as { Ajv2020: typeof Ajv };
  const schema = JSON.parse(
    readFileSync(new URL('../../schemas/scan-result.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
