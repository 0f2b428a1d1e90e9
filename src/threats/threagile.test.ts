import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
