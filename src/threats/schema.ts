import {
  ASSET_KINDS,
  AUTHENTICATIONS,
  AUTHORIZATIONS,
  CONFIDENTIALITY,
  CONTROLS,
  CRITICALITY,
  DATA_FORMATS,
  PROTOCOLS,
  RUNTIMES,
  SECRET_STORES,
  THREAT_STATUSES,
  TRUST_LEVELS,
  ZONE_KINDS,
} from './model.js';
import type {
  AssetKind,
  Authentication,
  Authorization,
  Confidentiality,
  Control,
  Criticality,
  DataFormat,
  Protocol,
  Runtime,
  SecretStore,
  ThreatStatus,
  TrustLevel,
  ZoneKind,
} from './model.js';

/** `threatmodel.yaml` as written (kebab-case keys); see docs/threat-model.md. */
export interface ThreatModelFile {
  version: 1;
  title: string;
  description?: string;
  zones?: ZoneFile[];
  data?: DataFile[];
  assets: AssetFile[];
  flows?: FlowFile[];
  threats?: RiskFile[];
}
export interface ZoneFile {
  id: string;
  name?: string;
  trust: TrustLevel;
  kind?: ZoneKind;
  parent?: string;
  description?: string;
}
export interface DataFile {
  id: string;
  name?: string;
  confidentiality: Confidentiality;
  integrity?: Criticality;
  availability?: Criticality;
  pii?: boolean;
  credentials?: boolean;
  description?: string;
}
export interface AssetFile {
  id: string;
  name?: string;
  kind: AssetKind;
  zone?: string;
  'runs-on'?: Runtime;
  'shared-runtime'?: boolean;
  'internet-facing'?: boolean;
  stores?: string[];
  processes?: string[];
  'encrypted-at-rest'?: boolean;
  secrets?: SecretStore;
  admin?: boolean;
  'fetches-urls'?: boolean;
  accepts?: DataFormat[];
  controls?: Control[];
  code?: string[];
  iac?: string[];
  'out-of-scope'?: boolean;
  description?: string;
}
export interface FlowFile {
  id: string;
  from: string;
  to: string;
  protocol: Protocol;
  port?: number;
  encrypted?: boolean;
  authentication?: Authentication;
  authorization?: Authorization;
  data?: string[];
  internet?: boolean;
  admin?: boolean;
  description?: string;
}
export interface RiskFile {
  id: string;
  status: Exclude<ThreatStatus, 'open'>;
  justification?: string;
  owner?: string;
  expires?: string;
}

const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' } as const;
const TEXT = { type: 'string', maxLength: 2000 } as const;
const BOOL = { type: 'boolean' } as const;
const enumOf = (values: readonly string[]): Record<string, unknown> => ({
  type: 'string',
  enum: [...values],
});
const listOf = (items: Record<string, unknown>): Record<string, unknown> => ({
  type: 'array',
  items,
  maxItems: 10_000,
});
const object = (required: string[], properties: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/** Properties per object, used by the schema and by the test that holds the schema to the interfaces. */
export const SCHEMA_PROPERTIES = {
  zone: {
    id: ID,
    name: TEXT,
    trust: enumOf(TRUST_LEVELS),
    kind: enumOf(ZONE_KINDS),
    parent: ID,
    description: TEXT,
  },
  data: {
    id: ID,
    name: TEXT,
    confidentiality: enumOf(CONFIDENTIALITY),
    integrity: enumOf(CRITICALITY),
    availability: enumOf(CRITICALITY),
    pii: BOOL,
    credentials: BOOL,
    description: TEXT,
  },
  asset: {
    id: ID,
    name: TEXT,
    kind: enumOf(ASSET_KINDS),
    zone: ID,
    'runs-on': enumOf(RUNTIMES),
    'shared-runtime': BOOL,
    'internet-facing': BOOL,
    stores: listOf(ID),
    processes: listOf(ID),
    'encrypted-at-rest': BOOL,
    secrets: enumOf(SECRET_STORES),
    admin: BOOL,
    'fetches-urls': BOOL,
    accepts: listOf(enumOf(DATA_FORMATS)),
    controls: listOf(enumOf(CONTROLS)),
    code: listOf(TEXT),
    iac: listOf(TEXT),
    'out-of-scope': BOOL,
    description: TEXT,
  },
  flow: {
    id: ID,
    from: ID,
    to: ID,
    protocol: enumOf(PROTOCOLS),
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    encrypted: BOOL,
    authentication: enumOf(AUTHENTICATIONS),
    authorization: enumOf(AUTHORIZATIONS),
    data: listOf(ID),
    internet: BOOL,
    admin: BOOL,
    description: TEXT,
  },
  threat: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,64}@[a-z0-9._-]{1,64}$' },
    status: enumOf(THREAT_STATUSES.filter((s) => s !== 'open')),
    justification: TEXT,
    owner: TEXT,
    expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
  },
  model: {
    version: { const: 1 },
    title: TEXT,
    description: TEXT,
  },
} as const;

/** The JSON Schema of `threatmodel.yaml`, shipped as schemas/threatmodel.schema.json. */
export function threatModelSchema(): Record<string, unknown> {
  const P = SCHEMA_PROPERTIES;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://vanguard.dev/schemas/threatmodel.schema.json',
    title: 'Vanguard threat model (threatmodel.yaml)',
    ...object(['version', 'title', 'assets'], {
      ...P.model,
      zones: listOf(object(['id', 'trust'], P.zone)),
      data: listOf(object(['id', 'confidentiality'], P.data)),
      assets: listOf(object(['id', 'kind'], P.asset)),
      flows: listOf(object(['id', 'from', 'to', 'protocol'], P.flow)),
      threats: listOf(object(['id', 'status'], P.threat)),
    }),
  };
}
