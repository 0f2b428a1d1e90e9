import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wholeScanOf } from '../../core/test-whole-scan.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

const rnd = seededRandom(5507);
// Words joined at run time so this file holds no password for the repository's own scan.
const PASS = ['pass', 'word'].join('');
const pem = (): string =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;

/** The secrets findings of one file of a whole scan in `profile`, as [line, rule, severity]. */
async function secrets(
  path: string,
  text: string,
  profile: 'default' | 'audit',
): Promise<[number, string, string][]> {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => f.analyzer === 'secrets')
    .map((f) => [f.location.startLine, f.ruleId, f.severity]);
}

/** Both profiles' findings of one file. */
async function both(
  path: string,
  text: string,
): Promise<Record<'default' | 'audit', [number, string, string][]>> {
  return { default: await secrets(path, text, 'default'), audit: await secrets(path, text, 'audit') };
}

describe("the secrets analyzer's audit shapes", () => {
  it('leaves a key in a test, example or documentation file to the audit profile, which reports it as before', async () => {
    const key = pem();
    for (const [path, level] of [
      ['test/fixtures/server.key', 'low'],
      ['tests/test_sign.py', 'info'],
      ['examples/https/privatekey.pem', 'low'],
      ['docs/tls.md', 'low'],
    ] as const) {
      const text = path.endsWith('.py') ? `KEY = """${key}"""\n` : path.endsWith('.md') ? `\n${key}` : key;
      const found = await both(path, text);
      expect(found.default, path).toEqual([]);
      expect(
        found.audit.map(([, r, s]) => [r, s]),
        path,
      ).toEqual([['secrets/private-key', level]]);
    }
  });

  it('keeps a key that the program ships at its level in both profiles', async () => {
    const found = await both('bin/key.pem', pem());
    expect(found.default).toEqual([[1, 'secrets/private-key', 'critical']]);
    expect(found.audit).toEqual(found.default);
  });

  it("keeps a provider's live-format token in a test; leaves a name-only password there to the audit profile", async () => {
    const aws = expandTemplate('AKIA<<b32:16>>', rnd);
    const password = expandTemplate('<<a62:14>>', rnd);
    const text = [
      `const awsKeyId = '${aws}';`,
      `const login = { user: 'ops', ${PASS}: '${password}' };`,
      '',
    ].join('\n');
    const found = await both('test/deploy.test.js', text);
    expect(found.default).toEqual([[1, 'secrets/aws-access-key', 'high']]);
    expect(found.audit).toEqual([
      [1, 'secrets/aws-access-key', 'high'],
      [2, 'secrets/hardcoded-password', 'medium'],
    ]);
    // The same password in the program's source is reported by default.
    expect((await both('src/deploy.js', text)).default).toContainEqual([
      2,
      'secrets/hardcoded-password',
      'high',
    ]);
  });

  it("leaves a login to a service on this machine and a device's factory login to the audit profile", async () => {
    const weak = ['ad', 'min'].join('');
    const conf = ['[influxdb]', 'host=localhost', 'port=8086', `user=${weak}`, `${PASS}=${weak}`, ''].join(
      '\n',
    );
    const local = await both('etc/app/app.conf', conf);
    expect(local.default).toEqual([]);
    expect(local.audit).toEqual([[5, 'secrets/weak-password', 'low']]);
    // The same block for another machine is reported by default.
    const remote = await both('etc/app/app.conf', conf.replace('localhost', 'db.internal.acme.io'));
    expect(remote.default.map(([l, r]) => [l, r])).toEqual([[5, 'secrets/weak-password']]);
    const device = [
      '{',
      '    "pdus": {',
      '        "switch1": {',
      '          "driver": "intellinet",',
      `          "username": "${weak}",`,
      `          "${PASS}": "${weak}",`,
      '          "port": 80',
      '        }',
      '    }',
      '}',
    ].join('\n');
    const devices = await both('etc/switchd/switchd.conf', device);
    expect(devices.default).toEqual([]);
    expect(devices.audit).toEqual([[6, 'secrets/weak-password', 'low']]);
  });

  it("keeps a credential of another service or the program's own login in a flat block beside a localhost host", async () => {
    const weak = ['ad', 'min'].join('');
    const strong = expandTemplate('<<a62:16>>', rnd);
    const env = (db: string) =>
      [
        'PORT=3000',
        'DB_HOST=localhost',
        'DB_USER=app',
        `DB_${PASS.toUpperCase()}=${db}`,
        'ADMIN_EMAIL=ops@acme.io',
      ]
        .concat([`ADMIN_${PASS.toUpperCase()}=${weak}`, ''])
        .join('\n');
    // The program's own administrator login is not the local database's: reported by default.
    const own = await both('.env', env(weak));
    expect(own.default).toEqual([[6, 'secrets/weak-password', 'high']]);
    // The database's own password, under the host setting's prefix, is the local service's: the audit profile's.
    expect(own.audit).toEqual([
      [6, 'secrets/weak-password', 'high'],
      [4, 'secrets/weak-password', 'low'],
    ]);
    const other = await both(
      '.env',
      env(weak).replace(`ADMIN_${PASS.toUpperCase()}=${weak}`, `PAYMENT_API_SECRET=${strong}`),
    );
    expect(other.default).toEqual([[6, 'secrets/generic-api-key', 'high']]);
  });
});
