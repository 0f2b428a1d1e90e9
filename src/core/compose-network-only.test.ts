import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeScanOf } from './test-whole-scan.js';
import { runScan } from '../scan/run-scan.js';
import { mergedWithOthers, networkOnlyLogins } from './compose-network-only.js';

// Built at run time so this file holds no password for the repository's own scan.
const WEAK = ['let', 'me', 'in'].join('');
const STRONG = ['Vq7', 'rX2pLm9', 'sTz4wKe8'].join('');

/** A Compose file: an app that publishes its port and reaches `db` by URL, and the database service. */
function compose(db: string, url = `postgresql://app:${WEAK}@db:5432/app`, dbPassword = WEAK): string {
  return [
    'services:',
    '  app:',
    '    image: acme/app:1.0',
    '    ports:',
    '      - "3000:3000"',
    '    environment:',
    `      DATABASE_URL: ${url}`,
    '  db:',
    '    image: postgres:15-alpine',
    '    environment:',
    '      POSTGRES_USER: app',
    `      POSTGRES_PASSWORD: ${dbPassword}`,
    ...db.split('\n').filter((l) => l !== ''),
    '',
  ].join('\n');
}

/** The secrets and iac findings of a scan of one Compose file in `profile`, as `line rule`. */
async function rows(
  text: string,
  profile: 'default' | 'audit',
  name = 'docker-compose.yml',
): Promise<string[]> {
  return (await wholeScanOf(name, text, profile, ['secrets', 'iac']))
    .filter((f) => f.ruleId.startsWith('secrets/') || f.ruleId === 'iac/compose-secret-in-env')
    .map((f) => `${f.location.startLine} ${f.ruleId}`)
    .sort();
}

describe('logins only the Compose network reaches', () => {
  it("finds a database image's own password and a URL's password to that service, by line", () => {
    const found = networkOnlyLogins(compose(''));
    expect([...found.keys()]).toEqual([7, 12]);
    expect(found.get(7)?.has(WEAK)).toBe(true);
    expect(found.get(12)?.has(WEAK)).toBe(true);
  });

  it('leaves a weak password of a database that publishes no port to the audit profile (secrets and iac)', async () => {
    const text = compose('    expose:\n      - "5432"');
    expect(await rows(text, 'default')).toEqual([]);
    expect(await rows(text, 'audit')).toEqual(['12 secrets/weak-password', '7 secrets/weak-password']);
    expect(await rows(text, 'default', 'compose.yaml')).toEqual([]);
  });

  it('keeps it where the database is reached from outside the Compose network', async () => {
    const reported = ['12 secrets/weak-password', '7 secrets/weak-password'];
    for (const db of [
      '    ports:\n      - "5432:5432"',
      '    ports:\n      - "127.0.0.1:5432:5432"',
      '    network_mode: host',
      '    extends:\n      file: base.yml\n      service: db',
    ])
      expect(await rows(compose(db), 'default'), db).toEqual(reported);
    // Another service runs in the database's network namespace and publishes its ports.
    const shared = compose('').replace(
      '  db:\n',
      '  proxy:\n    image: acme/proxy\n    network_mode: service:db\n  db:\n',
    );
    expect(await rows(shared, 'default')).toEqual(['15 secrets/weak-password', '7 secrets/weak-password']);
  });

  it('keeps a URL to another host, a strong password, and a client login in an app image', async () => {
    expect(await rows(compose('', `postgresql://app:${WEAK}@db.acme-corp.io:5432/app`), 'default')).toEqual([
      '7 secrets/weak-password',
    ]);
    const strong = await rows(compose('', 'postgresql://app@db/app', STRONG), 'default');
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((r) => r.startsWith('12 '))).toBe(true);
    // POSTGRES_PASSWORD in the app's own environment is its login to some PostgreSQL, not the image's own.
    const client = `services:\n  worker:\n    image: acme/worker\n    environment:\n      POSTGRES_HOST: db.acme-corp.io\n      POSTGRES_PASSWORD: ${WEAK}\n`;
    expect(await rows(client, 'default')).toContain('6 secrets/weak-password');
  });

  it('keeps it where another Compose file in the folder may publish the port (an override)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vanguard-compose-override-'));
    try {
      writeFileSync(join(root, 'docker-compose.yml'), compose('    expose:\n      - "5432"'));
      writeFileSync(
        join(root, 'docker-compose.override.yml'),
        'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      );
      const r = await runScan({ path: root, workers: 1, failOn: 'none', only: ['secrets', 'iac'] });
      const found = r.findings
        .filter((f) => f.location.path === 'docker-compose.yml' && f.ruleId === 'secrets/weak-password')
        .map((f) => f.location.startLine)
        .sort((a, b) => a - b);
      expect(found).toEqual([7, 12]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('tells a Compose file with another beside it', () => {
    const paths = new Set([
      'docker-compose.yml',
      'docker-compose.override.yml',
      'deploy/compose.yaml',
      'deploy/app.yml',
    ]);
    expect(mergedWithOthers('docker-compose.yml', paths)).toBe(true);
    expect(mergedWithOthers('deploy/compose.yaml', paths)).toBe(false);
    expect(mergedWithOthers('docker-compose.yml', new Set(['docker-compose.yml', 'sub/compose.yml']))).toBe(
      false,
    );
  });
});
