import { describe, expect, it } from 'vitest';
import { deriveThreats } from '../derive.js';
import { loadThreatModel } from '../load.js';
import { EXAMPLE_HEADER } from './examples.js';

const ids = (body: string): string[] =>
  deriveThreats(
    loadThreatModel(
      EXAMPLE_HEADER.replace('zones:\n', 'zones:\n  - { id: k8s, trust: internal, kind: cluster }\n') + body,
      'threatmodel.yaml',
    ),
  ).threats.map((t) => t.id);

describe('what rules infer when the model does not say it outright', () => {
  it('SSRF: an internet-facing service calling external services over the web', () => {
    const body = (controls: string): string => `assets:
  - { id: user, kind: user, zone: internet }
  - { id: api, kind: api, zone: dmz${controls} }
  - { id: hook, kind: external-service }
flows:
  - { id: user-api, from: user, to: api, protocol: https }
  - { id: api-hook, from: api, to: hook, protocol: https }
`;
    expect(ids(body(''))).toContain('ssrf@api');
    expect(ids(body(', controls: [url-allowlist]'))).not.toContain('ssrf@api');
  });

  it('container escape: containers sharing a cluster zone', () => {
    const body = (second: string): string => `assets:
  - { id: api, kind: service, zone: k8s, runs-on: container, processes: [pii] }
${second}`;
    expect(ids(body('  - { id: batch, kind: service, zone: k8s, runs-on: container }\n'))).toContain(
      'container-escape@api',
    );
    expect(ids(body('  - { id: batch, kind: service, zone: k8s, runs-on: vm }\n'))).not.toContain(
      'container-escape@api',
    );
  });

  it('SQL injection into a database over an unnamed protocol; NoSQL into a cache', () => {
    const body = `assets:
  - { id: api, kind: api, zone: app }
  - { id: db, kind: database, zone: data }
  - { id: cache, kind: cache, zone: data }
flows:
  - { id: api-db, from: api, to: db, protocol: tls }
  - { id: api-cache, from: api, to: cache, protocol: tcp }
`;
    expect(ids(body)).toEqual(expect.arrayContaining(['sql-injection@api', 'nosql-injection@api']));
  });

  it('data at rest: a datastore holds what it processes', () => {
    expect(ids('assets:\n  - { id: db, kind: database, zone: data, processes: [pii] }\n')).toContain(
      'unencrypted-data-at-rest@db',
    );
    expect(ids('assets:\n  - { id: api, kind: service, zone: app, processes: [pii] }\n')).not.toContain(
      'unencrypted-data-at-rest@api',
    );
  });

  it('a person talking to a service crosses a boundary even in a model without zones', () => {
    const body = (protocol: string): string => `assets:
  - { id: visitor, kind: user }
  - { id: site, kind: service }
flows:
  - { id: visitor-site, from: visitor, to: site, protocol: ${protocol} }
`;
    expect(ids(body('http'))).toContain('unencrypted-flow-across-boundary@visitor-site');
    expect(ids(body('https'))).not.toContain('unencrypted-flow-across-boundary@visitor-site');
  });

  it('MFA is asked of people, not of machines', () => {
    const body = (from: string): string => `assets:
  - { id: src, kind: ${from}, zone: app }
  - { id: console, kind: service, zone: app, admin: true }
flows:
  - { id: src-console, from: src, to: console, protocol: https, authentication: token, admin: true }
`;
    expect(ids(body('user'))).toContain('missing-mfa-admin@src-console');
    expect(ids(body('build-server'))).not.toContain('missing-mfa-admin@src-console');
  });
});
