import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AssetFile, DataFile, FlowFile, RiskFile, ZoneFile } from './schema.js';
import { SCHEMA_PROPERTIES, threatModelSchema } from './schema.js';

const shipped = new URL('../../schemas/threatmodel.schema.json', import.meta.url);

// Every key of every file interface, checked by the compiler: adding a key to an interface without
// adding it here (and so to the schema test below) fails to compile.
const zone: Required<ZoneFile> = {
  id: 'z',
  name: '',
  trust: 'dmz',
  kind: 'network',
  parent: 'p',
  description: '',
};
const data: Required<DataFile> = {
  id: 'd',
  name: '',
  confidentiality: 'public',
  integrity: 'low',
  availability: 'low',
  pii: false,
  credentials: false,
  description: '',
};
const asset: Required<AssetFile> = {
  id: 'a',
  name: '',
  kind: 'api',
  zone: 'z',
  'runs-on': 'vm',
  'shared-runtime': false,
  'internet-facing': false,
  stores: [],
  processes: [],
  'encrypted-at-rest': false,
  secrets: 'vault',
  admin: false,
  'fetches-urls': false,
  accepts: [],
  controls: [],
  code: [],
  iac: [],
  'out-of-scope': false,
  description: '',
};
const flow: Required<FlowFile> = {
  id: 'f',
  from: 'a',
  to: 'a',
  protocol: 'https',
  port: 443,
  encrypted: true,
  authentication: 'none',
  authorization: 'none',
  data: [],
  internet: false,
  admin: false,
  description: '',
};
const threat: Required<RiskFile> = {
  id: 'x@a',
  status: 'mitigated',
  justification: '',
  owner: '',
  expires: '2026-01-01',
};

describe('threatmodel JSON Schema', () => {
  it('has exactly the keys of the TypeScript file types', () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    expect(keys(SCHEMA_PROPERTIES.zone)).toEqual(keys(zone));
    expect(keys(SCHEMA_PROPERTIES.data)).toEqual(keys(data));
    expect(keys(SCHEMA_PROPERTIES.asset)).toEqual(keys(asset));
    expect(keys(SCHEMA_PROPERTIES.flow)).toEqual(keys(flow));
    expect(keys(SCHEMA_PROPERTIES.threat)).toEqual(keys(threat));
  });

  it('is shipped as schemas/threatmodel.schema.json, identical to the generated one', () => {
    // Regenerate with: npm run build && node scripts/gen-threatmodel-schema.mjs
    expect(JSON.parse(readFileSync(shipped, 'utf8'))).toEqual(threatModelSchema());
  });
});
