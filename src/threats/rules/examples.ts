/**
 * A model that triggers each rule and a look-alike that must not (bodies follow EXAMPLE_HEADER).
 * `# threat` marks every line the rule must report. rules.test.ts runs all of them and fails when a
 * rule has no example.
 */

export const EXAMPLE_HEADER = `version: 1
title: example
zones:
  - { id: internet, trust: internet }
  - { id: dmz, trust: dmz }
  - { id: app, trust: internal }
  - { id: data, trust: restricted }
data:
  - { id: pii, confidentiality: confidential, pii: true }
  - { id: creds, confidentiality: strictly-confidential, credentials: true }
  - { id: catalog, confidentiality: public }
  - { id: plans, confidentiality: strictly-confidential }
`;

export interface RuleExample {
  bad: string;
  good: string;
}

const USER = '  - { id: user, kind: user, zone: internet }';
const DB =
  '  - { id: db, kind: database, zone: data, stores: [pii], encrypted-at-rest: true, controls: [logging] }';

export const EXAMPLES: Record<string, RuleExample> = {
  'unencrypted-flow-across-boundary': {
    bad: `assets:
  - { id: web, kind: service, zone: dmz }
  - { id: api, kind: service, zone: app }
flows:
  - { id: web-api, from: web, to: api, protocol: http } # threat
`,
    good: `assets:
  - { id: web, kind: service, zone: dmz }
  - { id: api, kind: service, zone: app }
flows:
  - { id: web-api, from: web, to: api, protocol: https }
`,
  },
  'unencrypted-sensitive-flow': {
    bad: `assets:
  - { id: api, kind: service, zone: app }
  - { id: cache, kind: service, zone: app }
flows:
  - { id: api-cache, from: api, to: cache, protocol: redis, data: [pii] } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app }
  - { id: cache, kind: service, zone: app }
flows:
  - { id: api-cache, from: api, to: cache, protocol: redis-tls, data: [pii] }
`,
  },
  'cleartext-credentials': {
    bad: `assets:
  - { id: api, kind: service, zone: app }
  - { id: svc, kind: service, zone: app }
flows:
  - { id: api-svc, from: api, to: svc, protocol: http, authentication: token } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app }
  - { id: svc, kind: service, zone: app }
flows:
  - { id: api-svc, from: api, to: svc, protocol: https, authentication: token }
`,
  },
  'missing-authentication': {
    bad: `assets:
  - { id: api, kind: service, zone: app }
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app }
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls, authentication: password }
`,
  },
  'missing-authorization': {
    bad: `assets:
  - { id: api, kind: service, zone: app }
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls, authentication: password } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app }
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls, authentication: password, authorization: technical-user }
`,
  },
  'internet-to-datastore': {
    bad: `assets:
${USER}
${DB}
flows:
  - { id: user-db, from: user, to: db, protocol: sql-tls, authentication: password, authorization: rbac } # threat
`,
    good: `assets:
${USER}
  - { id: web, kind: service, zone: dmz }
flows:
  - { id: user-web, from: user, to: web, protocol: https, authentication: password, authorization: rbac }
`,
  },
  'unauthenticated-cross-zone-flow': {
    bad: `assets:
  - { id: web, kind: service, zone: dmz }
  - { id: reports, kind: service, zone: app }
flows:
  - { id: web-reports, from: web, to: reports, protocol: https } # threat
`,
    good: `assets:
  - { id: web, kind: service, zone: dmz }
  - { id: reports, kind: service, zone: app }
flows:
  - { id: web-reports, from: web, to: reports, protocol: https, authentication: client-certificate }
  - { id: reports-web, from: reports, to: web, protocol: https }
`,
  },
  'boundary-bypass': {
    bad: `assets:
${USER}
  - { id: api, kind: service, zone: data }
flows:
  - { id: user-api, from: user, to: api, protocol: https } # threat
`,
    good: `assets:
${USER}
  - { id: api, kind: service, zone: dmz }
flows:
  - { id: user-api, from: user, to: api, protocol: https }
`,
  },
  'dos-across-boundary': {
    bad: `assets:
${USER}
  - { id: web, kind: service, zone: dmz }
flows:
  - { id: user-web, from: user, to: web, protocol: https } # threat
`,
    good: `assets:
${USER}
  - { id: web, kind: service, zone: dmz, controls: [rate-limiting] }
flows:
  - { id: user-web, from: user, to: web, protocol: https }
`,
  },
  'admin-protocol-from-internet': {
    bad: `assets:
${USER}
  - { id: vm, kind: service, zone: app }
flows:
  - { id: user-vm, from: user, to: vm, protocol: ssh, authentication: client-certificate } # threat
`,
    good: `assets:
  - { id: ops, kind: user, zone: app }
  - { id: vm, kind: service, zone: app }
flows:
  - { id: ops-vm, from: ops, to: vm, protocol: ssh, authentication: client-certificate }
`,
  },
  'pii-to-external-service': {
    bad: `assets:
  - { id: api, kind: service, zone: app }
  - { id: mailer, kind: external-service }
flows:
  - { id: api-mailer, from: api, to: mailer, protocol: https, data: [pii] } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app }
  - { id: mailer, kind: external-service }
flows:
  - { id: api-mailer, from: api, to: mailer, protocol: https, data: [catalog] }
`,
  },
  'untrusted-external-input': {
    bad: `assets:
  - { id: partner, kind: external-service }
  - { id: api, kind: service, zone: app }
flows:
  - { id: partner-api, from: partner, to: api, protocol: https } # threat
`,
    good: `assets:
  - { id: partner, kind: external-service }
  - { id: api, kind: service, zone: app, controls: [input-validation] }
flows:
  - { id: partner-api, from: partner, to: api, protocol: https }
`,
  },
  'weak-trust-downgrade': {
    bad: `assets:
  - { id: core, kind: service, zone: data }
  - { id: report, kind: service, zone: app }
flows:
  - { id: core-report, from: core, to: report, protocol: https, data: [plans] } # threat
`,
    good: `assets:
  - { id: core, kind: service, zone: data }
  - { id: report, kind: service, zone: app }
flows:
  - { id: core-report, from: core, to: report, protocol: https, data: [pii] }
`,
  },
  'unencrypted-data-at-rest': {
    bad: `assets:
  - { id: db, kind: database, zone: data, stores: [pii] } # threat
`,
    good: `assets:
  - { id: db, kind: database, zone: data, stores: [pii], encrypted-at-rest: true }
`,
  },
  'datastore-in-exposed-zone': {
    bad: `assets:
  - { id: db, kind: database, zone: dmz, stores: [catalog] } # threat
`,
    good: `assets:
  - { id: db, kind: database, zone: data, stores: [catalog] }
`,
  },
  'sql-injection': {
    bad: `assets:
  - { id: api, kind: api, zone: app } # threat
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls }
`,
    good: `assets:
  - { id: api, kind: api, zone: app, controls: [parameterised-queries] }
${DB}
flows:
  - { id: api-db, from: api, to: db, protocol: sql-tls }
`,
  },
  'nosql-injection': {
    bad: `assets:
  - { id: api, kind: api, zone: app } # threat
  - { id: cache, kind: cache, zone: data }
flows:
  - { id: api-cache, from: api, to: cache, protocol: nosql-tls }
`,
    good: `assets:
  - { id: api, kind: api, zone: app, controls: [input-validation] }
  - { id: cache, kind: cache, zone: data }
flows:
  - { id: api-cache, from: api, to: cache, protocol: nosql-tls }
`,
  },
  xss: {
    bad: `assets:
  - { id: web, kind: web-app, zone: dmz, controls: [output-encoding] } # threat
`,
    good: `assets:
  - { id: web, kind: web-app, zone: dmz, controls: [output-encoding, csp] }
`,
  },
  csrf: {
    bad: `assets:
${USER}
  - { id: web, kind: web-app, zone: dmz } # threat
flows:
  - { id: user-web, from: user, to: web, protocol: https, authentication: session }
`,
    good: `assets:
${USER}
  - { id: web, kind: web-app, zone: dmz, controls: [csrf-protection] }
flows:
  - { id: user-web, from: user, to: web, protocol: https, authentication: session }
`,
  },
  ssrf: {
    bad: `assets:
  - { id: fetcher, kind: service, zone: app, fetches-urls: true } # threat
`,
    good: `assets:
  - { id: fetcher, kind: service, zone: app, fetches-urls: true, controls: [url-allowlist] }
`,
  },
  xxe: {
    bad: `assets:
  - { id: importer, kind: service, zone: app, accepts: [json, xml] } # threat
`,
    good: `assets:
  - { id: importer, kind: service, zone: app, accepts: [json, xml], controls: [xml-hardening] }
`,
  },
  'unsafe-deserialization': {
    bad: `assets:
  - { id: worker, kind: service, zone: app, accepts: [serialization] } # threat
`,
    good: `assets:
  - { id: worker, kind: service, zone: app, accepts: [json] }
`,
  },
  'unrestricted-file-upload': {
    bad: `assets:
${USER}
  - { id: web, kind: service, zone: dmz, accepts: [file] } # threat
flows:
  - { id: user-web, from: user, to: web, protocol: https }
`,
    good: `assets:
${USER}
  - { id: web, kind: service, zone: dmz, accepts: [file], controls: [upload-scanning] }
flows:
  - { id: user-web, from: user, to: web, protocol: https }
`,
  },
  'secrets-without-vault': {
    bad: `assets:
  - { id: api, kind: service, zone: app, secrets: environment } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app, secrets: vault }
`,
  },
  'container-escape': {
    bad: `assets:
  - { id: api, kind: service, zone: app, runs-on: container, shared-runtime: true, processes: [pii] } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app, runs-on: container, shared-runtime: true, processes: [pii], controls: [sandboxing] }
`,
  },
  'missing-logging': {
    bad: `assets:
  - { id: api, kind: service, zone: app, processes: [pii] } # threat
`,
    good: `assets:
  - { id: api, kind: service, zone: app, processes: [pii] }
  - { id: siem, kind: monitoring, zone: app }
flows:
  - { id: api-siem, from: api, to: siem, protocol: https }
`,
  },
  'missing-waf': {
    bad: `assets:
${USER}
  - { id: web, kind: web-app, zone: dmz } # threat
flows:
  - { id: user-web, from: user, to: web, protocol: https }
`,
    good: `assets:
${USER}
  - { id: waf, kind: waf, zone: dmz }
  - { id: web, kind: web-app, zone: dmz }
flows:
  - { id: user-waf, from: user, to: waf, protocol: https }
  - { id: waf-web, from: waf, to: web, protocol: https }
`,
  },
  'missing-identity-provider': {
    bad: `assets:
${USER}
  - { id: web, kind: web-app, zone: dmz } # threat
flows:
  - { id: user-web, from: user, to: web, protocol: https, authentication: password }
`,
    good: `assets:
${USER}
  - { id: web, kind: web-app, zone: dmz }
  - { id: idp, kind: identity-provider, zone: app }
flows:
  - { id: user-web, from: user, to: web, protocol: https, authentication: password }
`,
  },
  'missing-mfa-admin': {
    bad: `assets:
  - { id: ops, kind: user, zone: app }
  - { id: console, kind: service, zone: app, admin: true }
flows:
  - { id: ops-console, from: ops, to: console, protocol: https, authentication: password } # threat
`,
    good: `assets:
  - { id: ops, kind: user, zone: app }
  - { id: console, kind: service, zone: app, admin: true }
flows:
  - { id: ops-console, from: ops, to: console, protocol: https, authentication: mfa }
`,
  },
  'build-infrastructure-exposed': {
    bad: `assets:
${USER}
  - { id: ci, kind: build-server, zone: app } # threat
flows:
  - { id: user-ci, from: user, to: ci, protocol: https, authentication: mfa }
`,
    good: `assets:
  - { id: dev, kind: user, zone: app }
  - { id: ci, kind: build-server, zone: app }
flows:
  - { id: dev-ci, from: dev, to: ci, protocol: https, authentication: mfa }
`,
  },
  'build-code-backdooring': {
    bad: `assets:
  - { id: ci, kind: build-server, zone: app, controls: [signed-artifacts] } # threat
`,
    good: `assets:
  - { id: ci, kind: build-server, zone: app, controls: [build-provenance] }
`,
  },
  'unsigned-commits': {
    bad: `assets:
  - { id: repo, kind: source-repository, zone: app } # threat
`,
    good: `assets:
  - { id: repo, kind: source-repository, zone: app, controls: [signed-commits] }
`,
  },
  'unchecked-deployment': {
    bad: `assets:
  - { id: ci, kind: build-server, zone: app }
  - { id: api, kind: service, zone: app }
flows:
  - { id: ci-api, from: ci, to: api, protocol: https, authentication: token } # threat
`,
    good: `assets:
  - { id: ci, kind: build-server, zone: app, controls: [deployment-approval] }
  - { id: api, kind: service, zone: app }
flows:
  - { id: ci-api, from: ci, to: api, protocol: https, authentication: token }
`,
  },
  'push-deployment': {
    bad: `assets:
  - { id: ci, kind: build-server, zone: app }
  - { id: api, kind: service, zone: data }
flows:
  - { id: ci-api, from: ci, to: api, protocol: https, authentication: token } # threat
`,
    good: `assets:
  - { id: ci, kind: build-server, zone: app, controls: [pull-deployment] }
  - { id: api, kind: service, zone: data }
flows:
  - { id: ci-api, from: ci, to: api, protocol: https, authentication: token }
`,
  },
  'unpinned-dependencies': {
    bad: `assets:
  - { id: registry, kind: external-service }
  - { id: ci, kind: build-server, zone: app } # threat
flows:
  - { id: registry-ci, from: registry, to: ci, protocol: https }
`,
    good: `assets:
  - { id: registry, kind: external-service }
  - { id: ci, kind: build-server, zone: app, controls: [dependency-pinning] }
flows:
  - { id: registry-ci, from: registry, to: ci, protocol: https }
`,
  },
};
