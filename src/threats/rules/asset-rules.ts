import { NOSQL_PROTOCOLS, SQL_PROTOCOLS, trustRank } from '../model.js';
import type { TechnicalAsset } from '../model.js';
import type { ModelIndex } from '../model-index.js';
import { assetHit } from './types.js';
import type { ThreatRule } from './types.js';

const ENTRY_KINDS = new Set(['web-app', 'api', 'service', 'function', 'gateway']);

/** Assets that take requests from outside and run our code. */
const entryPoints = (m: ModelIndex): TechnicalAsset[] => m.assets.filter((a) => ENTRY_KINDS.has(a.kind));

/** Queries a SQL database: a SQL protocol, or any non-NoSQL protocol into a `database`. */
const queriesSql = (m: ModelIndex, a: TechnicalAsset): boolean =>
  m
    .outgoing(a)
    .some(
      (f) =>
        m.isDatastore(m.asset(f.to)) &&
        (SQL_PROTOCOLS.has(f.protocol) ||
          (m.asset(f.to).kind === 'database' && !NOSQL_PROTOCOLS.has(f.protocol))),
    );

/** Queries a NoSQL store: a NoSQL protocol into a datastore, or any flow into a cache. */
const queriesNoSql = (m: ModelIndex, a: TechnicalAsset): boolean =>
  m
    .outgoing(a)
    .some(
      (f) =>
        m.isDatastore(m.asset(f.to)) && (NOSQL_PROTOCOLS.has(f.protocol) || m.asset(f.to).kind === 'cache'),
    );

/** An internet-reachable entry point that makes web requests to external services: a likely SSRF pivot. */
const callsOutFromInternet = (m: ModelIndex, a: TechnicalAsset): boolean =>
  ENTRY_KINDS.has(a.kind) &&
  m.reachableFromInternet(a) &&
  m.outgoing(a).some((f) => WEB_PROTOCOLS.has(f.protocol) && m.asset(f.to).kind === 'external-service');

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'https']);

const receivesFromOutside = (m: ModelIndex, a: TechnicalAsset): boolean =>
  m.reachableFromInternet(a) || m.incoming(a).some((f) => m.intoMoreTrusted(f));

/** Rules over single assets: data at rest, injection, secrets, identity, logging, runtime. */
export const ASSET_RULES: ThreatRule[] = [
  {
    id: 'unencrypted-data-at-rest',
    title: 'Confidential data stored unencrypted',
    description:
      'Disks, snapshots and backups of an unencrypted datastore leak its data when they leave your control.',
    stride: ['information-disclosure'],
    cwe: [311],
    principles: ['encryption'],
    likelihood: 1,
    impact: 'data',
    mitigations: [
      {
        text: 'Enable encryption at rest with managed keys; encrypt backups and snapshots.',
        principles: ['encryption'],
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => !a.encryptedAtRest && m.sensitive(m.storedData(a)).length > 0)
        .map((a) =>
          assetHit(
            a,
            `${a.id} stores ${m
              .sensitive(m.storedData(a))
              .map((d) => d.id)
              .join(', ')} unencrypted`,
            m.storedData(a),
          ),
        ),
  },
  {
    id: 'datastore-in-exposed-zone',
    title: 'Datastore without network segmentation',
    description:
      'A datastore in the DMZ or the same zone as internet-facing services is one hop from the attacker.',
    stride: ['information-disclosure', 'elevation-of-privilege'],
    cwe: [653],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 'data',
    mitigations: [
      {
        text: 'Move datastores into a private zone reachable only from the application tier.',
        principles: ['zoning-containment'],
      },
    ],
    check: (m) => {
      const exposedZones = new Set(
        m.assets.filter((o) => !m.isDatastore(o) && m.reachableFromInternet(o)).map((o) => o.zone),
      );
      return m.assets
        .filter((a) => m.isDatastore(a) && a.kind !== 'vault')
        .filter((a) => trustRank(m.trust(a)) <= trustRank('dmz') || exposedZones.has(a.zone))
        .map((a) =>
          assetHit(
            a,
            `datastore ${a.id} shares a zone with internet-facing assets or sits in an exposed zone`,
            m.dataOfAsset(a),
          ),
        );
    },
  },
  {
    id: 'sql-injection',
    title: 'SQL injection exposure',
    description:
      'A service that builds SQL from request data lets callers read or change the whole database.',
    stride: ['tampering', 'information-disclosure', 'elevation-of-privilege'],
    cwe: [89],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Use parameterised queries or an ORM everywhere; least-privilege database users.',
        principles: ['zoning-containment'],
        control: 'parameterised-queries',
      },
    ],
    check: (m) =>
      entryPoints(m)
        .filter((a) => queriesSql(m, a) && !m.has(a, 'parameterised-queries'))
        .map((a) => assetHit(a, `${a.id} queries a SQL database without declared parameterised queries`)),
  },
  {
    id: 'nosql-injection',
    title: 'NoSQL injection exposure',
    description:
      'Operators smuggled into NoSQL queries (for example {"$ne": null}) bypass filters and authentication.',
    stride: ['tampering', 'information-disclosure'],
    cwe: [943],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Validate query input types and never pass request objects into queries.',
        principles: ['zoning-containment'],
        control: 'input-validation',
      },
    ],
    check: (m) =>
      entryPoints(m)
        .filter((a) => queriesNoSql(m, a) && !m.has(a, 'input-validation'))
        .map((a) => assetHit(a, `${a.id} queries a NoSQL store without declared input validation`)),
  },
  {
    id: 'xss',
    title: 'Cross-site scripting in a web UI',
    description:
      "A web UI that renders user-controlled data without encoding runs attacker script in users' sessions.",
    stride: ['tampering', 'information-disclosure', 'spoofing'],
    cwe: [79],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Encode output by context (templating with auto-escaping).',
        principles: ['zoning-containment'],
        control: 'output-encoding',
      },
      { text: 'Set a strict Content-Security-Policy.', principles: ['zoning-containment'], control: 'csp' },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.kind === 'web-app' && !(m.has(a, 'output-encoding') && m.has(a, 'csp')))
        .map((a) => assetHit(a, `web UI ${a.id} lacks output encoding and a Content-Security-Policy`)),
  },
  {
    id: 'csrf',
    title: 'Cross-site request forgery on a session-based web app',
    description:
      'Cookies are sent with forged cross-site requests; state changes need a token or SameSite cookies.',
    stride: ['spoofing', 'tampering'],
    cwe: [352],
    principles: ['authentication'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Use anti-CSRF tokens and SameSite=strict session cookies.',
        principles: ['authentication'],
        control: 'csrf-protection',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => ['web-app', 'api'].includes(a.kind) && !m.has(a, 'csrf-protection'))
        .filter((a) => m.incoming(a).some((f) => f.authentication === 'session'))
        .map((a) => assetHit(a, `${a.id} uses session authentication without CSRF protection`)),
  },
  {
    id: 'ssrf',
    title: 'Server-side request forgery',
    description:
      'A service that fetches caller-supplied URLs can be made to reach internal services and cloud metadata.',
    stride: ['information-disclosure', 'elevation-of-privilege'],
    cwe: [918],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Allow-list destinations; block private ranges and the metadata endpoint; separate egress.',
        principles: ['zoning-containment'],
        control: 'url-allowlist',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => (a.fetchesUrls || callsOutFromInternet(m, a)) && !m.has(a, 'url-allowlist'))
        .map((a) =>
          assetHit(
            a,
            a.fetchesUrls
              ? `${a.id} fetches caller-supplied URLs without an allow-list`
              : `${a.id} takes internet requests and makes web requests to external services without an allow-list`,
          ),
        ),
  },
  {
    id: 'xxe',
    title: 'XML external entity processing',
    description: 'XML parsers that resolve external entities read local files and reach internal hosts.',
    stride: ['information-disclosure'],
    cwe: [611],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Disable DTDs and external entities in every XML parser.',
        principles: ['zoning-containment'],
        control: 'xml-hardening',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.accepts.includes('xml') && !m.has(a, 'xml-hardening'))
        .map((a) => assetHit(a, `${a.id} accepts XML without declared parser hardening`)),
  },
  {
    id: 'unsafe-deserialization',
    title: 'Deserialisation of untrusted data',
    description: 'Native object deserialisation of attacker input leads to remote code execution.',
    stride: ['elevation-of-privilege', 'tampering'],
    cwe: [502],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Accept only data formats (JSON) with schemas; never native serialisation from callers.',
        principles: ['zoning-containment'],
        control: 'safe-deserialization',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.accepts.includes('serialization') && !m.has(a, 'safe-deserialization'))
        .map((a) => assetHit(a, `${a.id} deserialises native objects from its callers`)),
  },
  {
    id: 'unrestricted-file-upload',
    title: 'Unrestricted file upload',
    description: 'Uploaded files can carry malware or be served back as active content.',
    stride: ['tampering', 'elevation-of-privilege'],
    cwe: [434],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Check type and size, scan uploads, store them outside the web root on another origin.',
        principles: ['zoning-containment'],
        control: 'upload-scanning',
      },
    ],
    check: (m) =>
      m.assets
        .filter(
          (a) => a.accepts.includes('file') && !m.has(a, 'upload-scanning') && receivesFromOutside(m, a),
        )
        .map((a) => assetHit(a, `${a.id} accepts file uploads from less trusted callers without scanning`)),
  },
  {
    id: 'secrets-without-vault',
    title: 'Secrets kept outside a vault',
    description:
      'Secrets in environment variables, files or code leak through logs, images, crash dumps and repositories.',
    stride: ['information-disclosure', 'spoofing'],
    cwe: [522],
    principles: ['encryption', 'authentication'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Load secrets from a vault at run time, with short-lived credentials and rotation.',
        principles: ['encryption', 'authentication'],
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => !m.usesVault(a) && a.kind !== 'vault')
        .filter(
          (a) =>
            ['environment', 'file', 'code'].includes(a.secrets ?? '') ||
            m.dataOfAsset(a).some((d) => d.credentials),
        )
        .map((a) =>
          assetHit(
            a,
            `${a.id} keeps secrets ${a.secrets && a.secrets !== 'none' ? `in ${a.secrets}` : 'without a vault'}`,
          ),
        ),
  },
  {
    id: 'container-escape',
    title: 'Container escape on a shared runtime',
    description:
      'A workload that breaks out of its container reaches every other tenant on the same host or cluster.',
    stride: ['elevation-of-privilege'],
    cwe: [250],
    principles: ['zoning-containment'],
    likelihood: 1,
    impact: 3,
    mitigations: [
      {
        text: 'Run unprivileged with seccomp/AppArmor, or isolate with a sandboxed runtime (gVisor, Kata) or separate nodes.',
        principles: ['zoning-containment'],
        control: 'sandboxing',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.runsOn === 'container' && m.sharesRuntime(a) && !m.has(a, 'sandboxing'))
        .filter((a) => m.isSensitiveAsset(a) || m.reachableFromInternet(a))
        .map((a) => assetHit(a, `${a.id} runs in containers on a shared runtime without sandboxing`)),
  },
  {
    id: 'missing-logging',
    title: 'No security logging for an asset handling sensitive data',
    description: 'Without logs, access to sensitive data cannot be detected, investigated or proved.',
    stride: ['repudiation'],
    cwe: [778],
    principles: ['logging'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Log authentication, access and changes to a central, tamper-resistant store; alert on anomalies.',
        principles: ['logging'],
        control: 'logging',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => !['external-service', 'user', 'client', 'monitoring'].includes(a.kind) && !m.logs(a))
        .filter((a) => m.isSensitiveAsset(a))
        .map((a) =>
          assetHit(a, `${a.id} handles sensitive data but neither logs nor ships logs to monitoring`),
        ),
  },
  {
    id: 'missing-waf',
    title: 'Internet-facing web application without a WAF',
    description: 'Known attack patterns and bots reach the application unfiltered.',
    stride: ['tampering', 'denial-of-service'],
    cwe: [693],
    principles: ['zoning-containment'],
    likelihood: 1,
    impact: 1,
    mitigations: [
      {
        text: 'Put a WAF or an API gateway with request filtering in front.',
        principles: ['zoning-containment'],
        control: 'waf',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => ['web-app', 'api'].includes(a.kind) && m.reachableFromInternet(a) && !m.has(a, 'waf'))
        .filter((a) => !m.incoming(a).some((f) => m.asset(f.from).kind === 'waf'))
        .map((a) => assetHit(a, `${a.id} is reachable from the internet without a WAF in front`)),
  },
];
