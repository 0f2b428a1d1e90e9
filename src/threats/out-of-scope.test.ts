import { describe, expect, it } from 'vitest';
import { deriveThreats } from './derive.js';
import { loadThreatModel } from './load.js';

// The two threats a reviewer names first, on parties the model does not own (issue 11).
const MODEL = `version: 1
title: shop
zones:
  - { id: internet, trust: internet }
  - { id: app, trust: internal }
  - { id: data, trust: restricted }
data:
  - { id: login, confidentiality: confidential, credentials: true }
  - { id: orders, confidentiality: confidential, pii: true }
assets:
  - { id: browser, kind: client, zone: internet, out-of-scope: true }
  - { id: laptop, kind: client, zone: internet, out-of-scope: true }
  - { id: web, kind: web-app, zone: app, processes: [login, orders] }
  - { id: db, kind: database, zone: data, stores: [orders], encrypted-at-rest: true }
flows:
  - { id: browser-web, from: browser, to: web, protocol: http, authentication: password, data: [login] }
  - { id: laptop-db, from: laptop, to: db, protocol: sql, authentication: password, data: [orders] }
`;

const ids = (text: string): string[] =>
  deriveThreats(loadThreatModel(text, 'threatmodel.yaml'), new Date('2026-12-01T00:00:00Z'))
    .threats.map((t) => t.id)
    .sort();

describe('threats on flows from out-of-scope parties', () => {
  it('derives unencrypted communication and direct datastore access', () => {
    const found = ids(MODEL);
    expect(found).toEqual(
      expect.arrayContaining([
        'unencrypted-flow-across-boundary@browser-web',
        'cleartext-credentials@browser-web',
        'unencrypted-flow-across-boundary@laptop-db',
        'cleartext-credentials@laptop-db',
        'internet-to-datastore@laptop-db',
      ]),
    );
    // Nothing is derived about the out-of-scope parties' own insides.
    expect(found.filter((id) => id.endsWith('@browser') || id.endsWith('@laptop'))).toEqual([]);
  });
  it('stays quiet when the same parties use TLS and reach the database only through the application', () => {
    const good = MODEL.replace('protocol: http,', 'protocol: https,').replace(
      '  - { id: laptop-db, from: laptop, to: db, protocol: sql, authentication: password, data: [orders] }',
      '  - { id: web-db, from: web, to: db, protocol: sql-tls, authentication: password, authorization: technical-user, data: [orders] }',
    );
    const found = ids(good);
    expect(found.filter((id) => /^(unencrypted|cleartext|internet-to-datastore)/.test(id))).toEqual([]);
  });
});
