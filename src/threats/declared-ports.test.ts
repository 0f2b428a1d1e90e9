import { describe, expect, it } from 'vitest';
import { declaredPorts } from '../core/deployment.js';
import { assetPorts } from './declared-ports.js';
import { loadThreatModel } from './load.js';

const MODEL = `version: 1
title: shop
assets:
  - { id: browser, kind: client, out-of-scope: true }
  - { id: storefront, kind: web-app }
  - { id: api, kind: api }
  - { id: orders-db, kind: database }
  - { id: bastion, kind: service }
  - { id: payments, kind: external-service }
  - { id: legacy, kind: service, out-of-scope: true }
flows:
  - { id: shop, from: browser, to: storefront, protocol: https }
  - { id: calls, from: storefront, to: api, protocol: grpcs, port: 9443 }
  - { id: also-http, from: storefront, to: api, protocol: http, port: 8080 }
  - { id: orders, from: api, to: orders-db, protocol: sql-tls }
  - { id: orders-pinned, from: api, to: orders-db, protocol: sql-tls, port: 5432 }
  - { id: admin, from: browser, to: bastion, protocol: ssh, admin: true }
  - { id: pay, from: api, to: payments, protocol: https }
  - { id: old, from: api, to: legacy, protocol: http, port: 8081 }
`;

describe('ports the threat model declares', () => {
  it("takes a flow's port, else its protocol's well-known port, for flows into the project's own assets", () => {
    const ports = assetPorts(loadThreatModel(MODEL, 'threatmodel.yaml'));
    const tcp = (...ns: number[]) => ns.map((port) => ({ port, protocol: 'tcp' }));
    expect(Object.fromEntries(ports)).toEqual({
      storefront: tcp(443),
      api: tcp(8080, 9443),
      // sql-tls has no single customary port: only the flow that names one declares it.
      'orders-db': tcp(5432),
      bastion: tcp(22),
    });
    // A partner's HTTPS API and an out-of-scope legacy system are not this project's ports to open.
    expect(ports.has('payments')).toBe(false);
    expect(ports.has('legacy')).toBe(false);
  });

  it('counts among the ports a deployment declares, next to its workloads', () => {
    const d = {
      workloads: [],
      assets: [...assetPorts(loadThreatModel(MODEL, 'threatmodel.yaml'))].map(([id, ports]) => ({
        id,
        ports,
        path: 'threatmodel.yaml',
      })),
    };
    expect(declaredPorts(d).map((p) => p.port)).toEqual([22, 443, 5432, 8080, 9443]);
  });

  it('refuses a port that is not one', () => {
    const bad = MODEL.replace('port: 9443', 'port: 70000');
    expect(() => loadThreatModel(bad, 'threatmodel.yaml')).toThrow(/port/);
  });
});
