import { ADMIN_PROTOCOLS, LOCAL_PROTOCOLS, trustRank } from '../model.js';
import { flowHit } from './types.js';
import type { ThreatRule } from './types.js';

const name = (s: { name: string; id: string }): string => (s.name === s.id ? s.id : `${s.name} (${s.id})`);

/** Rules over single flows: transport, authentication, authorisation, exposure. */
export const FLOW_RULES: ThreatRule[] = [
  {
    id: 'unencrypted-flow-across-boundary',
    title: 'Unencrypted communication across a trust boundary',
    description:
      'Traffic that crosses a trust boundary in clear text can be read and altered by anyone on the path.',
    stride: ['information-disclosure', 'tampering'],
    cwe: [319],
    principles: ['encryption', 'zoning-containment'],
    likelihood: 2,
    impact: 'data',
    mitigations: [
      {
        text: 'Use TLS (or mTLS) for the flow; refuse plain-text connections at the target.',
        principles: ['encryption'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter((f) => !f.encrypted && !LOCAL_PROTOCOLS.has(f.protocol) && m.crossesBoundary(f))
        .map((f) =>
          flowHit(f, `flow "${f.id}" (${f.protocol}) crosses a trust boundary unencrypted`, m.dataOfFlow(f)),
        ),
  },
  {
    id: 'unencrypted-sensitive-flow',
    title: 'Sensitive data sent unencrypted inside a zone',
    description:
      'Confidential data, personal data or credentials sent in clear text can be sniffed by any workload in the zone.',
    stride: ['information-disclosure'],
    cwe: [319],
    principles: ['encryption'],
    likelihood: 1,
    impact: 'data',
    mitigations: [
      {
        text: 'Encrypt the flow with TLS even inside the zone (zero trust networking).',
        principles: ['encryption'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter((f) => !f.encrypted && !LOCAL_PROTOCOLS.has(f.protocol) && !m.crossesBoundary(f))
        .filter((f) => m.sensitive(m.dataOfFlow(f)).length > 0)
        .map((f) =>
          flowHit(f, `flow "${f.id}" carries sensitive data in clear text`, m.sensitive(m.dataOfFlow(f))),
        ),
  },
  {
    id: 'cleartext-credentials',
    title: 'Credentials sent over an unencrypted flow',
    description: 'Passwords, API keys or session tokens sent in clear text are captured and replayed.',
    stride: ['spoofing', 'information-disclosure'],
    cwe: [523],
    principles: ['encryption', 'authentication'],
    likelihood: 3,
    impact: 3,
    mitigations: [
      {
        text: 'Send credentials only over TLS; prefer short-lived tokens or client certificates.',
        principles: ['encryption', 'authentication'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter((f) => !f.encrypted && !LOCAL_PROTOCOLS.has(f.protocol))
        .filter(
          (f) =>
            ['password', 'api-key', 'session', 'token'].includes(f.authentication) ||
            m.dataOfFlow(f).some((d) => d.credentials),
        )
        .map((f) => flowHit(f, `flow "${f.id}" sends credentials (${f.authentication}) over ${f.protocol}`)),
  },
  {
    id: 'missing-authentication',
    title: 'Missing authentication on a flow into a sensitive asset',
    description: 'Anyone who can reach the asset can act as a legitimate caller and read or change its data.',
    stride: ['spoofing', 'elevation-of-privilege'],
    cwe: [306],
    principles: ['authentication'],
    likelihood: 2,
    impact: 'data',
    mitigations: [
      {
        text: 'Authenticate every caller (mTLS, tokens from the identity provider).',
        principles: ['authentication'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter((f) => f.authentication === 'none' && !LOCAL_PROTOCOLS.has(f.protocol))
        .filter((f) => m.isSensitiveAsset(m.asset(f.to)) && m.asset(f.to).kind !== 'external-service')
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" reaches sensitive asset ${name(m.asset(f.to))} without authentication`,
            m.dataOfAsset(m.asset(f.to)),
          ),
        ),
  },
  {
    id: 'missing-authorization',
    title: 'Authenticated flow without authorisation into a sensitive asset',
    description:
      'Authentication alone lets every authenticated caller do everything; one stolen account reaches all data.',
    stride: ['elevation-of-privilege'],
    cwe: [862],
    principles: ['authentication', 'zoning-containment'],
    likelihood: 2,
    impact: 'data',
    mitigations: [
      {
        text: 'Check permissions per caller and action (RBAC, end-user identity propagation).',
        principles: ['authentication'],
      },
    ],
    check: (m) =>
      m.flows
        .filter(
          (f) =>
            f.authentication !== 'none' && f.authorization === 'none' && !LOCAL_PROTOCOLS.has(f.protocol),
        )
        .filter(
          (f) =>
            m.sensitive(m.dataOfAsset(m.asset(f.to))).length > 0 && m.asset(f.to).kind !== 'external-service',
        )
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" is authenticated but not authorised at ${name(m.asset(f.to))}`,
            m.dataOfAsset(m.asset(f.to)),
          ),
        ),
  },
  {
    id: 'internet-to-datastore',
    title: 'Datastore reachable from the internet or an out-of-scope client',
    description:
      'A datastore that the internet can reach directly is one credential leak or bug away from a data breach.',
    stride: ['information-disclosure', 'tampering', 'elevation-of-privilege'],
    cwe: [668],
    principles: ['zoning-containment'],
    likelihood: 3,
    impact: 'data',
    mitigations: [
      {
        text: 'Put the datastore in a private zone behind an application tier; no public endpoint.',
        principles: ['zoning-containment'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter((f) => (m.fromInternet(f) || m.fromOutsideParty(f)) && m.isDatastore(m.asset(f.to)))
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" reaches datastore ${name(m.asset(f.to))} directly from ${m.fromInternet(f) ? 'the internet' : `out-of-scope ${name(m.asset(f.from))}`}`,
            m.dataOfAsset(m.asset(f.to)),
          ),
        ),
  },
  {
    id: 'boundary-bypass',
    title: 'Flow from the internet straight into a restricted zone',
    description: 'Skipping the DMZ means a single compromised component exposes the most trusted zone.',
    stride: ['elevation-of-privilege', 'tampering'],
    cwe: [653],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Route internet traffic through a gateway or DMZ tier; only that tier talks to restricted zones.',
        principles: ['zoning-containment'],
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => m.fromInternet(f) && m.trust(m.asset(f.to)) === 'restricted')
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" enters restricted zone "${m.asset(f.to).zone ?? ''}" directly from the internet`,
          ),
        ),
  },
  {
    id: 'dos-across-boundary',
    title: 'Denial of service across a trust boundary',
    description: 'A less trusted caller can exhaust the target when nothing limits the rate of requests.',
    stride: ['denial-of-service'],
    cwe: [770],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Rate-limit and size-limit requests at the boundary (gateway, WAF, quotas).',
        principles: ['zoning-containment'],
        control: 'rate-limiting',
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => m.intoMoreTrusted(f) && m.fromInternet(f) && !m.has(m.asset(f.to), 'rate-limiting'))
        .map((f) =>
          flowHit(
            f,
            `${name(m.asset(f.to))} accepts flow "${f.id}" from a less trusted zone without rate limiting`,
          ),
        ),
  },
  {
    id: 'admin-protocol-from-internet',
    title: 'Administrative protocol reachable from the internet',
    description:
      'SSH, RDP and file-sharing protocols open to the internet are brute-forced and exploited within hours.',
    stride: ['elevation-of-privilege', 'spoofing'],
    cwe: [284],
    principles: ['zoning-containment', 'authentication'],
    likelihood: 3,
    impact: 3,
    mitigations: [
      {
        text: 'Reach administrative interfaces only through a VPN or bastion with strong authentication.',
        principles: ['zoning-containment'],
      },
      {
        text: 'Require a second factor for administrative access.',
        principles: ['authentication'],
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => m.fromInternet(f) && (ADMIN_PROTOCOLS.has(f.protocol) || f.admin))
        .map((f) => flowHit(f, `administrative flow "${f.id}" (${f.protocol}) is open to the internet`)),
  },
  {
    id: 'pii-to-external-service',
    title: 'Personal data sent to an external service',
    description:
      'Personal data leaving the organisation to a third party needs a legal basis, minimisation and a contract.',
    stride: ['information-disclosure'],
    cwe: [359],
    principles: ['asset-management', 'encryption'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Minimise or pseudonymise the data sent; record the processor and its agreement.',
        principles: ['asset-management'],
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => m.asset(f.to).kind === 'external-service' && m.dataOfFlow(f).some((d) => d.pii))
        .map((f) =>
          flowHit(f, `flow "${f.id}" sends personal data to external service ${name(m.asset(f.to))}`),
        ),
  },
  {
    id: 'untrusted-external-input',
    title: 'Input from an external service used without validation',
    description: 'Data from a third party is attacker-controlled when that party is compromised.',
    stride: ['tampering'],
    cwe: [20],
    principles: ['zoning-containment'],
    likelihood: 1,
    impact: 2,
    mitigations: [
      {
        text: 'Validate external input against a strict schema before use.',
        principles: ['zoning-containment'],
        control: 'input-validation',
      },
    ],
    check: (m) =>
      m.flows
        .filter(
          (f) => m.asset(f.from).kind === 'external-service' && !m.has(m.asset(f.to), 'input-validation'),
        )
        .filter((f) => m.asset(f.to).kind !== 'external-service')
        .map((f) =>
          flowHit(
            f,
            `${name(m.asset(f.to))} takes input from external service ${name(m.asset(f.from))} without input validation`,
          ),
        ),
  },
  {
    id: 'weak-trust-downgrade',
    title: 'Sensitive data flows to a less trusted zone',
    description:
      'Data that leaves its zone for a less trusted one inherits the weaker protection of the target.',
    stride: ['information-disclosure'],
    cwe: [200],
    principles: ['zoning-containment', 'asset-management'],
    likelihood: 1,
    impact: 'data',
    mitigations: [
      {
        text: 'Keep confidential data in its zone, or send only what the less trusted side needs.',
        principles: ['zoning-containment'],
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => trustRank(m.trust(m.asset(f.to))) < trustRank(m.trust(m.asset(f.from))))
        .filter((f) => ['dmz', 'internal'].includes(m.trust(m.asset(f.to))))
        .filter((f) => m.dataOfFlow(f).some((d) => d.confidentiality === 'strictly-confidential'))
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" moves strictly confidential data to a less trusted zone`,
            m.dataOfFlow(f),
          ),
        ),
  },
  {
    id: 'unauthenticated-cross-zone-flow',
    title: 'Unauthenticated flow across a trust boundary',
    description:
      'A flow that crosses zones without authenticating its caller lets anything in the less trusted zone act as that caller.',
    stride: ['spoofing'],
    cwe: [306],
    principles: ['authentication', 'zoning-containment'],
    likelihood: 2,
    impact: 1,
    mitigations: [
      {
        text: 'Authenticate the caller at the boundary (mTLS between services, tokens for clients).',
        principles: ['authentication'],
      },
    ],
    check: (m) =>
      m.edgeFlows
        .filter(
          (f) => f.authentication === 'none' && !LOCAL_PROTOCOLS.has(f.protocol) && m.crossesBoundary(f),
        )
        .filter((f) => m.intoMoreTrusted(f) || m.asset(f.from).outOfScope)
        // Into a sensitive asset, missing-authentication already says it more strongly; external services and
        // public content (a CDN, a static site) are the callee's own business.
        .filter((f) => !m.isSensitiveAsset(m.asset(f.to)) && m.asset(f.to).kind !== 'external-service')
        .filter((f) => !m.asset(f.to).outOfScope)
        .map((f) =>
          flowHit(
            f,
            `flow "${f.id}" crosses from ${name(m.asset(f.from))} to ${name(m.asset(f.to))} without authentication`,
          ),
        ),
  },
];
