import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { deriveThreats } from './derive.js';
import { loadThreatModel } from './load.js';

const text = readFileSync(new URL('./fixtures/threagile.yaml', import.meta.url), 'utf8');
const lines = text.split('\n');

describe('Threagile 1.0 models', () => {
  const m = loadThreatModel(text, 'threagile.yaml');

  it('maps technical assets by technology, machine, encryption and internet', () => {
    expect(m.format).toBe('threagile');
    const byId = new Map(m.assets.map((a) => [a.id, a]));
    expect(byId.get('customer-client')).toMatchObject({
      kind: 'client',
      zone: 'internet',
      runsOn: 'physical',
    });
    expect(byId.get('web-portal')).toMatchObject({
      kind: 'web-app',
      zone: 'web-network',
      runsOn: 'container',
      internetFacing: true,
      processes: ['customer-contracts'],
      accepts: ['json', 'xml'],
      controls: ['logging'],
    });
    expect(byId.get('contract-db')).toMatchObject({
      kind: 'database',
      encryptedAtRest: false,
      stores: ['customer-contracts'],
    });
    expect(byId.get('jenkins')?.kind).toBe('build-server');
    for (const a of m.assets) expect(lines[a.line - 1]).toContain(`${a.name}:`);
  });

  it('maps communication links to flows with protocol, authentication and authorisation', () => {
    const byId = new Map(m.flows.map((f) => [f.id, f]));
    expect([...byId.keys()]).toEqual([
      'customer-client-customer-traffic',
      'web-portal-database-access',
      'jenkins-deploy',
    ]);
    expect(byId.get('customer-client-customer-traffic')).toMatchObject({
      from: 'customer-client',
      to: 'web-portal',
      protocol: 'https',
      encrypted: true,
      authentication: 'session',
      authorization: 'end-user',
      internet: true,
      data: ['customer-contracts'],
    });
    expect(byId.get('web-portal-database-access')).toMatchObject({
      protocol: 'sql',
      encrypted: false,
      authentication: 'password',
    });
    expect(byId.get('jenkins-deploy')).toMatchObject({
      protocol: 'ssh',
      admin: true,
      authentication: 'client-certificate',
    });
    for (const f of m.flows) expect(lines[f.line - 1]).toMatch(/^ {6}\S.*:$/);
  });

  it('maps data assets and trust boundaries, nesting included', () => {
    expect(m.data.find((d) => d.id === 'customer-contracts')).toMatchObject({
      confidentiality: 'confidential',
      integrity: 'critical',
      pii: true,
    });
    expect(m.data.find((d) => d.id === 'build-secrets')).toMatchObject({
      confidentiality: 'strictly-confidential',
      credentials: true,
    });
    expect(m.zones.find((z) => z.id === 'web-network')).toMatchObject({
      kind: 'security-group',
      parent: 'backend-network',
    });
    expect(m.zones.find((z) => z.id === 'internet')?.trust).toBe('internet');
  });

  it('derives threats and honours risk_tracking entries written for Vanguard rule ids', () => {
    const { threats, staleDecisions } = deriveThreats(m, new Date('2026-11-22T00:00:00Z'));
    const ids = threats.map((t) => t.id);
    expect(ids).toContain('unencrypted-flow-across-boundary@web-portal-database-access');
    expect(ids).toContain('unencrypted-data-at-rest@contract-db');
    expect(ids).toContain('xxe@web-portal');
    expect(ids).toContain('build-code-backdooring@jenkins');
    expect(threats.find((t) => t.id === 'sql-injection@web-portal')?.status).toBe('mitigated');
    expect(staleDecisions).toEqual([]);
  });
});

describe('Threagile variants', () => {
  it('reads a `technologies` list as later Threagile versions write it', () => {
    const m = loadThreatModel(
      'threagile_version: 1.0.0\ntitle: t\ntechnical_assets:\n  Vault:\n    id: vault\n    type: datastore\n    technologies: [vault]\n',
      'threagile.yaml',
    );
    expect(m.assets[0]?.kind).toBe('vault');
  });
});

describe('Threagile errors', () => {
  const err = (yaml: string): ConfigError => {
    try {
      loadThreatModel(yaml, 'threagile.yaml');
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
    throw new Error('expected a ConfigError');
  };

  it('points at the offending entry', () => {
    const base =
      'threagile_version: 1.0.0\ntitle: t\ntechnical_assets:\n  Web:\n    id: web\n    type: process\n';
    expect(
      err(
        `${base}    communication_links:\n      DB:\n        target: db\n        protocol: carrier-pigeon\n`,
      ),
    ).toMatchObject({
      line: 8,
      message: expect.stringContaining('unknown protocol "carrier-pigeon"') as unknown,
    });
    expect(
      err(`${base}    communication_links:\n      DB:\n        target: ghost\n        protocol: https\n`)
        .message,
    ).toContain('unknown asset "ghost"');
    expect(err('threagile_version: 1.0.0\ntechnical_assets:\n  Web:\n    type: process\n')).toMatchObject({
      line: 3,
    });
    expect(err('threagile_version: 1.0.0\ntechnical_assets: [a, b]\n').message).toContain('must be a map');
    expect(err('threagile_version: 1.0.0\n').message).toContain('no technical_assets');
  });
});

describe('loading hostile input', () => {
  it('never fails with anything but a ConfigError', () => {
    const arb = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          threagile_version: fc.constant('1.0.0'),
          technical_assets: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), {
            maxKeys: 4,
          }),
        })
        .map((v) => JSON.stringify(v)),
      fc
        .record({
          version: fc.constant(1),
          title: fc.string({ maxLength: 5 }),
          assets: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(arb, (text) => {
        try {
          loadThreatModel(text, 'm.yaml');
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});
