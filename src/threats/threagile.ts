/**
 * Reads Threagile 1.0 models (https://threagile.io, `threagile_version: 1.0.0`): technical assets with
 * their communication links, data assets, trust boundaries and shared runtimes, mapped onto our model.
 * Threagile has no notion of trust levels or declared controls: boundaries are taken as internal
 * zones, assets marked `internet: true` go to a synthetic internet zone, and asset tags that name one
 * of our controls count as that control.
 */
import { ConfigError } from '../core/errors.js';
import { CONTROLS, ENCRYPTED_PROTOCOLS, LOCAL_PROTOCOLS } from './model.js';
import type {
  AssetKind,
  Authentication,
  Authorization,
  Confidentiality,
  Control,
  Criticality,
  DataAsset,
  DataFormat,
  Flow,
  Protocol,
  RiskDecision,
  Runtime,
  TechnicalAsset,
  ThreatModel,
  TrustZone,
} from './model.js';
import { lineAt } from './yaml-lines.js';
import type { LocatedYaml } from './yaml-lines.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a parsed YAML document that is a Threagile model. */
export function isThreagile(v: unknown): boolean {
  return isObj(v) && ('threagile_version' in v || ('technical_assets' in v && isObj(v.technical_assets)));
}

const CONFIDENTIALITY: Record<string, Confidentiality> = {
  public: 'public',
  internal: 'internal',
  restricted: 'confidential',
  confidential: 'confidential',
  'strictly-confidential': 'strictly-confidential',
};
const CRITICALITY: Record<string, Criticality> = {
  archive: 'low',
  operational: 'medium',
  important: 'high',
  critical: 'critical',
  'mission-critical': 'critical',
};
const MACHINE: Record<string, Runtime> = {
  physical: 'physical',
  virtual: 'vm',
  container: 'container',
  serverless: 'serverless',
};
const AUTHN: Record<string, Authentication> = {
  none: 'none',
  credentials: 'password',
  'session-id': 'session',
  token: 'token',
  'client-certificate': 'client-certificate',
  'two-factor': 'mfa',
  externalized: 'externalized',
};
const AUTHZ: Record<string, Authorization> = {
  none: 'none',
  'technical-user': 'technical-user',
  'enduser-identity-propagation': 'end-user',
};
const PROTOCOL: Record<string, Protocol> = {
  http: 'http',
  https: 'https',
  ws: 'ws',
  wss: 'wss',
  'reverse-proxy-web-protocol': 'http',
  'reverse-proxy-web-protocol-encrypted': 'https',
  jdbc: 'sql',
  odbc: 'sql',
  'sql-access-protocol': 'sql',
  'jdbc-encrypted': 'sql-tls',
  'odbc-encrypted': 'sql-tls',
  'sql-access-protocol-encrypted': 'sql-tls',
  'nosql-access-protocol': 'nosql',
  'nosql-access-protocol-encrypted': 'nosql-tls',
  binary: 'tcp',
  text: 'tcp',
  iiop: 'tcp',
  jrmp: 'tcp',
  nrpe: 'tcp',
  xmpp: 'tcp',
  pop3: 'tcp',
  imap: 'tcp',
  'binary-encrypted': 'tls',
  'text-encrypted': 'tls',
  'iiop-encrypted': 'tls',
  'jrmp-encrypted': 'tls',
  'pop3-encrypted': 'tls',
  'imap-encrypted': 'tls',
  ssh: 'ssh',
  'ssh-tunnel': 'ssh',
  scp: 'ssh',
  smtp: 'smtp',
  'smtp-encrypted': 'smtps',
  ftp: 'ftp',
  ftps: 'sftp',
  sftp: 'sftp',
  ldap: 'ldap',
  ldaps: 'ldaps',
  jms: 'amqp',
  mqtt: 'mqtt',
  nfs: 'nfs',
  smb: 'smb',
  'smb-encrypted': 'smb-encrypted',
  'local-file-access': 'local-file',
  'in-process-library-call': 'in-process',
  'container-spawning': 'in-process',
};
const TECHNOLOGY: Record<string, AssetKind> = {
  'web-server': 'web-app',
  'web-application': 'web-app',
  cms: 'web-app',
  'web-service-rest': 'api',
  'web-service-soap': 'api',
  'application-server': 'api',
  database: 'database',
  'search-index': 'database',
  'search-engine': 'database',
  'identity-store-database': 'identity-provider',
  'identity-store-ldap': 'identity-provider',
  'identity-provider': 'identity-provider',
  'file-server': 'storage',
  'local-file-system': 'storage',
  'block-storage': 'storage',
  'data-lake': 'storage',
  'message-queue': 'queue',
  'stream-processing': 'queue',
  'build-pipeline': 'build-server',
  'sourcecode-repository': 'source-repository',
  'artifact-registry': 'artifact-registry',
  vault: 'vault',
  hsm: 'vault',
  monitoring: 'monitoring',
  ids: 'monitoring',
  ips: 'monitoring',
  'load-balancer': 'load-balancer',
  'reverse-proxy': 'load-balancer',
  gateway: 'gateway',
  waf: 'waf',
  browser: 'client',
  desktop: 'client',
  'mobile-app': 'client',
  'client-system': 'client',
  'iot-device': 'client',
  function: 'function',
};
const FORMATS: Record<string, DataFormat> = {
  json: 'json',
  xml: 'xml',
  serialization: 'serialization',
  file: 'file',
  csv: 'csv',
};

const CREDENTIAL_WORDS = /credential|password|secret|token|private key|api key/i;

/** Maps a Threagile document onto the model; structural errors are ConfigErrors with a line. */
export function fromThreagile(doc: LocatedYaml, file: string): ThreatModel {
  const root = doc.value as Obj;
  const L = (...segs: string[]): number =>
    lineAt(doc.lines, segs.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''));
  const fail = (message: string, line: number): never => {
    throw new ConfigError(message, { file, line });
  };
  const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s) => s !== '') : []);
  const section = (key: string): [string, Obj][] => {
    const v = root[key];
    if (v === undefined || v === null) return [];
    if (!isObj(v)) return fail(`Threagile "${key}" must be a map of titles to entries`, L(key));
    return Object.entries(v).map(([title, entry]) =>
      isObj(entry) ? [title, entry] : fail(`Threagile ${key} "${title}" must be a map`, L(key, title)),
    );
  };
  const idOf = (key: string, title: string, e: Obj): string => {
    const id = str(e.id);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) {
      fail(`Threagile ${key} "${title}" needs an "id" of letters, digits, '.', '_' or '-'`, L(key, title));
    }
    return id;
  };

  const data: DataAsset[] = section('data_assets').map(([title, e]) => {
    const tags = strs(e.tags).map((t) => t.toLowerCase());
    return {
      id: idOf('data_assets', title, e),
      name: title,
      confidentiality: CONFIDENTIALITY[str(e.confidentiality)] ?? 'internal',
      integrity: CRITICALITY[str(e.integrity)] ?? 'medium',
      availability: CRITICALITY[str(e.availability)] ?? 'medium',
      pii: tags.some((t) => t === 'pii' || t === 'personal-data' || t === 'gdpr'),
      credentials: tags.includes('credentials') || CREDENTIAL_WORDS.test(title),
      line: L('data_assets', title),
    };
  });

  const zoneOf = new Map<string, string>();
  const zones: TrustZone[] = [];
  const boundaries = section('trust_boundaries');
  const parentOf = new Map<string, string>();
  for (const [title, e] of boundaries) {
    const id = idOf('trust_boundaries', title, e);
    for (const nested of strs(e.trust_boundaries_nested)) parentOf.set(nested, id);
  }
  for (const [title, e] of boundaries) {
    const id = str(e.id);
    const type = str(e.type);
    for (const a of strs(e.technical_assets_inside)) zoneOf.set(a, id);
    const parent = parentOf.get(id);
    zones.push({
      id,
      name: title,
      trust: 'internal',
      kind:
        type === 'execution-environment'
          ? 'execution-environment'
          : type === 'network-policy-namespace-isolation'
            ? 'namespace'
            : type === 'network-cloud-security-group'
              ? 'security-group'
              : type === 'network-cloud-provider'
                ? 'cloud-account'
                : 'network',
      ...(parent ? { parent } : {}),
      line: L('trust_boundaries', title),
    });
  }

  const shared = new Set<string>();
  for (const [, e] of section('shared_runtimes')) {
    const inside = strs(e.technical_assets_running);
    if (inside.length > 1) for (const a of inside) shared.add(a);
  }

  const rawAssets = section('technical_assets');
  if (rawAssets.length === 0) fail('Threagile model has no technical_assets', 1);
  const internetAssets = new Set<string>();
  const assets: TechnicalAsset[] = [];
  const flows: Flow[] = [];
  for (const [title, e] of rawAssets) {
    const id = idOf('technical_assets', title, e);
    const type = str(e.type);
    // Threagile 1.0 has `technology`; later versions a `technologies` list.
    const tech = str(e.technology) || (strs(e.technologies)[0] ?? '');
    const tags = strs(e.tags).map((t) => t.toLowerCase());
    const internet = e.internet === true;
    if (internet) internetAssets.add(id);
    const zone = zoneOf.get(id) ?? (internet ? 'internet' : undefined);
    const runsOn = MACHINE[str(e.machine)];
    assets.push({
      id,
      name: title,
      kind:
        TECHNOLOGY[tech] ??
        (type === 'datastore' ? 'database' : type === 'external-entity' ? 'external-service' : 'service'),
      ...(zone ? { zone } : {}),
      ...(runsOn ? { runsOn } : {}),
      sharedRuntime: e.multi_tenant === true || shared.has(id),
      internetFacing: false,
      stores: strs(e.data_assets_stored),
      processes: strs(e.data_assets_processed),
      encryptedAtRest: str(e.encryption) !== '' && str(e.encryption) !== 'none',
      admin: tags.includes('admin'),
      fetchesUrls: tags.includes('fetches-urls'),
      accepts: strs(e.data_formats_accepted).flatMap((f) => (FORMATS[f] ? [FORMATS[f]] : [])),
      controls: tags.filter((t): t is Control => (CONTROLS as readonly string[]).includes(t)),
      code: [],
      iac: [],
      outOfScope: e.out_of_scope === true,
      line: L('technical_assets', title),
    });
    const links = e.communication_links;
    if (links === undefined || links === null) continue;
    if (!isObj(links)) fail(`communication_links of "${title}" must be a map`, L('technical_assets', title));
    for (const [linkTitle, link] of Object.entries(links as Obj)) {
      const line = L('technical_assets', title, 'communication_links', linkTitle);
      if (!isObj(link)) fail(`communication link "${linkTitle}" must be a map`, line);
      const l = link as Obj;
      const protocol = PROTOCOL[str(l.protocol)];
      if (!protocol)
        fail(`communication link "${linkTitle}" has unknown protocol "${str(l.protocol)}"`, line);
      const p = protocol as Protocol;
      flows.push({
        id: `${id}-${linkTitle
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}`.slice(0, 64),
        from: id,
        to: str(l.target),
        protocol: p,
        encrypted: ENCRYPTED_PROTOCOLS.has(p) || LOCAL_PROTOCOLS.has(p) || l.vpn === true,
        authentication: AUTHN[str(l.authentication)] ?? 'none',
        authorization: AUTHZ[str(l.authorization)] ?? 'none',
        data: [...new Set([...strs(l.data_assets_sent), ...strs(l.data_assets_received)])],
        internet,
        admin: str(l.usage) === 'devops',
        ...(str(l.description) ? { description: str(l.description) } : {}),
        line,
      });
    }
  }
  if (internetAssets.size > 0 && !zones.some((z) => z.id === 'internet')) {
    zones.push({ id: 'internet', name: 'Internet', trust: 'internet', kind: 'network', line: 1 });
  }
  // An asset that an internet asset talks to is internet-facing by construction.
  for (const f of flows) {
    const target = assets.find((a) => a.id === f.to);
    if (f.internet && target && !internetAssets.has(target.id)) target.internetFacing = true;
  }

  const risks: RiskDecision[] = [];
  for (const [key, e] of section('risk_tracking')) {
    const status = str(e.status);
    // Threagile's own rule ids never match ours; only entries written for Vanguard rules apply.
    if (!/^[a-z0-9-]{1,64}@[a-z0-9._-]{1,64}$/.test(key)) continue;
    if (status !== 'mitigated' && status !== 'accepted' && status !== 'false-positive') continue;
    risks.push({
      id: key,
      status,
      ...(str(e.justification) ? { justification: str(e.justification) } : {}),
      ...(str(e.checked_by) ? { owner: str(e.checked_by) } : {}),
      ...(str(e.expires) ? { expires: str(e.expires) } : {}),
      line: L('risk_tracking', key),
    });
  }

  return {
    file,
    format: 'threagile',
    title: str(root.title) || file,
    line: 1,
    zones,
    data,
    assets,
    flows,
    risks,
  };
}
