/**
 * The threat model: technical assets, data assets, trust zones and flows. Both `threatmodel.yaml`
 * and Threagile models are loaded into this one shape; rules, diagrams and cross-checks read only it.
 * The enumerations below are the single source for the TypeScript types and the JSON Schema.
 */

export const ASSET_KINDS = [
  'web-app',
  'api',
  'service',
  'function',
  'database',
  'cache',
  'queue',
  'storage',
  'build-server',
  'source-repository',
  'artifact-registry',
  'identity-provider',
  'vault',
  'monitoring',
  'load-balancer',
  'gateway',
  'waf',
  'external-service',
  'client',
  'user',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Kinds that hold data at rest. */
export const DATASTORE_KINDS: ReadonlySet<AssetKind> = new Set([
  'database',
  'cache',
  'queue',
  'storage',
  'vault',
]);

export const RUNTIMES = [
  'container',
  'vm',
  'serverless',
  'managed',
  'physical',
  'browser',
  'device',
  'saas',
] as const;
export type Runtime = (typeof RUNTIMES)[number];

export const TRUST_LEVELS = ['internet', 'untrusted', 'dmz', 'internal', 'restricted'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

export const ZONE_KINDS = [
  'network',
  'cloud-account',
  'security-group',
  'cluster',
  'namespace',
  'execution-environment',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const CONFIDENTIALITY = ['public', 'internal', 'confidential', 'strictly-confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const CRITICALITY = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITY)[number];

export const PROTOCOLS = [
  'https',
  'http',
  'grpc',
  'grpcs',
  'ws',
  'wss',
  'tcp',
  'tls',
  'sql',
  'sql-tls',
  'nosql',
  'nosql-tls',
  'redis',
  'redis-tls',
  'amqp',
  'amqps',
  'kafka',
  'kafka-tls',
  'mqtt',
  'mqtts',
  'ssh',
  'rdp',
  'smtp',
  'smtps',
  'ldap',
  'ldaps',
  'ftp',
  'sftp',
  'nfs',
  'smb',
  'smb-encrypted',
  'in-process',
  'local-file',
] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Protocols that carry TLS or an equivalent transport encryption. */
export const ENCRYPTED_PROTOCOLS: ReadonlySet<Protocol> = new Set([
  'https',
  'grpcs',
  'wss',
  'tls',
  'sql-tls',
  'nosql-tls',
  'redis-tls',
  'amqps',
  'kafka-tls',
  'mqtts',
  'ssh',
  'smtps',
  'ldaps',
  'sftp',
  'smb-encrypted',
]);
/**
 * The port a protocol is served on when a flow names none: IANA's one well-known port. Protocols
 * without a single customary port (gRPC, SQL of any database, bare TCP/TLS) declare none.
 */
export const PROTOCOL_PORTS: Partial<Record<Protocol, number>> = {
  https: 443,
  http: 80,
  wss: 443,
  ws: 80,
  ssh: 22,
  sftp: 22,
  rdp: 3389,
  smtp: 25,
  smtps: 465,
  ldap: 389,
  ldaps: 636,
  ftp: 21,
  redis: 6379,
  amqp: 5672,
  amqps: 5671,
  kafka: 9092,
  mqtt: 1883,
  mqtts: 8883,
  nfs: 2049,
  smb: 445,
  'smb-encrypted': 445,
};

/** Protocols that never leave a host, so transport encryption does not apply. */
export const LOCAL_PROTOCOLS: ReadonlySet<Protocol> = new Set(['in-process', 'local-file']);
export const SQL_PROTOCOLS: ReadonlySet<Protocol> = new Set(['sql', 'sql-tls']);
export const NOSQL_PROTOCOLS: ReadonlySet<Protocol> = new Set(['nosql', 'nosql-tls', 'redis', 'redis-tls']);
export const ADMIN_PROTOCOLS: ReadonlySet<Protocol> = new Set(['ssh', 'rdp', 'smb', 'smb-encrypted', 'nfs']);

export const AUTHENTICATIONS = [
  'none',
  'password',
  'api-key',
  'session',
  'token',
  'client-certificate',
  'mfa',
  'externalized',
] as const;
export type Authentication = (typeof AUTHENTICATIONS)[number];

export const AUTHORIZATIONS = ['none', 'technical-user', 'end-user', 'rbac'] as const;
export type Authorization = (typeof AUTHORIZATIONS)[number];

export const DATA_FORMATS = ['json', 'xml', 'html', 'serialization', 'file', 'csv', 'text'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export const SECRET_STORES = ['vault', 'environment', 'file', 'code', 'none'] as const;
export type SecretStore = (typeof SECRET_STORES)[number];

/** Security controls an asset can declare; a rule whose required control is declared does not fire. */
export const CONTROLS = [
  'parameterised-queries',
  'output-encoding',
  'csp',
  'csrf-protection',
  'url-allowlist',
  'rate-limiting',
  'waf',
  'input-validation',
  'xml-hardening',
  'safe-deserialization',
  'upload-scanning',
  'signed-commits',
  'build-provenance',
  'reproducible-builds',
  'deployment-approval',
  'signed-artifacts',
  'pull-deployment',
  'dependency-pinning',
  'sandboxing',
  'logging',
  'mfa',
] as const;
export type Control = (typeof CONTROLS)[number];

export const THREAT_STATUSES = ['open', 'mitigated', 'accepted', 'false-positive'] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];

/** A model element as written, with the line it starts on (1-based) in its file. */
interface Located {
  line: number;
}

export interface TrustZone extends Located {
  id: string;
  name: string;
  trust: TrustLevel;
  kind: ZoneKind;
  /** An enclosing zone, for nested boundaries. */
  parent?: string;
}

export interface DataAsset extends Located {
  id: string;
  name: string;
  confidentiality: Confidentiality;
  integrity: Criticality;
  availability: Criticality;
  pii: boolean;
  credentials: boolean;
}

export interface TechnicalAsset extends Located {
  id: string;
  name: string;
  kind: AssetKind;
  zone?: string;
  runsOn?: Runtime;
  /** Shares its host or cluster with workloads of other tenants or trust levels. */
  sharedRuntime: boolean;
  /** Reachable from the internet by design. */
  internetFacing: boolean;
  stores: string[];
  processes: string[];
  encryptedAtRest: boolean;
  secrets?: SecretStore;
  /** Offers an administrative interface. */
  admin: boolean;
  /** Fetches URLs that callers influence. */
  fetchesUrls: boolean;
  accepts: DataFormat[];
  controls: Control[];
  /** Source paths that implement the asset. */
  code: string[];
  /** Infrastructure paths, optionally `path#name` to pick one resource, service or workload. */
  iac: string[];
  outOfScope: boolean;
}

export interface Flow extends Located {
  id: string;
  from: string;
  to: string;
  protocol: Protocol;
  /** The TCP port the flow's target listens on, when the model says so. */
  port?: number;
  encrypted: boolean;
  authentication: Authentication;
  authorization: Authorization;
  data: string[];
  /** The flow's source is on the internet. */
  internet: boolean;
  /** Administrative access (consoles, deployments, SSH). */
  admin: boolean;
  description?: string;
}

export interface RiskDecision extends Located {
  /** Threat id: `<rule>@<asset or flow id>`. */
  id: string;
  status: Exclude<ThreatStatus, 'open'>;
  justification?: string;
  owner?: string;
  /** ISO date after which an acceptance no longer holds. */
  expires?: string;
}

export interface ThreatModel {
  /** Path of the model file, relative to the scan root. */
  file: string;
  format: 'vanguard' | 'threagile';
  title: string;
  line: number;
  zones: TrustZone[];
  data: DataAsset[];
  assets: TechnicalAsset[];
  flows: Flow[];
  risks: RiskDecision[];
}

/** Ordinal of a trust level: higher is more trusted. */
export function trustRank(t: TrustLevel): number {
  return TRUST_LEVELS.indexOf(t);
}

/** Ordinal of a confidentiality rating. */
export function confidentialityRank(c: Confidentiality): number {
  return CONFIDENTIALITY.indexOf(c);
}

export function criticalityRank(c: Criticality): number {
  return CRITICALITY.indexOf(c);
}
