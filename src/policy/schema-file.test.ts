import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchemaText } from './schema-file.js';

const committed = new URL('../../schemas/vanguard.schema.json', import.meta.url);

describe('schemas/vanguard.schema.json', () => {
  it('equals the schema generated from the definition (regenerate: npx tsc -p tsconfig.build.json && node scripts/gen-schemas.mjs)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(configSchemaText());
  });

  it('agrees with the validator on valid and invalid files', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const check = ajv.compile(JSON.parse(configSchemaText()) as object);
    const good = parse(
      'gates:\n  failOn: high\n  alwaysFail: ["secrets/*", {analyzer: secrets}]\nexceptions:\n  - path: a/*.env\n    reason: r\n    owner: o\n    expires: "2026-12-31"\noptions:\n  pipeline: {trustedOwners: [me]}\n',
    ) as unknown;
    expect(check(good)).toBe(true);
    for (const bad of [
      'gates:\n  failOn: hgih\n',
      'gates:\n  failon: high\n',
      'exceptions:\n  - reason: r\n    owner: o\n    expires: "2026-01-01"\n',
      'exceptions:\n  - rule: x\n    owner: o\n    expires: "2026-01-01"\n',
      'analyzers:\n  only: [sast]\n',
      'options:\n  nope: {}\n',
    ]) {
      expect(check(parse(bad)), bad).toBe(false);
    }
  });
});
