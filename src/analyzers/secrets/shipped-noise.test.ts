import { describe, expect, it } from 'vitest';
import { roleFromPath } from '../../core/file-role.js';
import { adjustForRole } from '../../scan/file-roles.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { toFinding } from './to-finding.js';
import { scanText } from './test-scan.js';

/** Noise found in shipped packages (issue #11): test keys, sample configurations, entry points, help texts. */
const scan = (text: string, path: string) => {
  return scanText(text, path, ['shop']);
};
const rnd = seededRandom(2222);
const real = (): string => expandTemplate('<<a62:14>>#9', rnd);

/** The severity a finding is reported at once its file's role has lowered it. */
function reported(text: string, path: string, ruleId: string): string | undefined {
  const d = scan(text, path).find((x) => x.ruleId === ruleId);
  return d && adjustForRole(toFinding(d, path), roleFromPath(path))?.severity;
}

describe('key material in tests is kept, lowered below high', () => {
  const pem = (kind: string) =>
    [
      `-----BEGIN ${kind}PRIVATE KEY-----`,
      ...[1, 2, 3].map(() => expandTemplate('<<b64:64>>', rnd)),
      `-----END ${kind}PRIVATE KEY-----`,
    ].join('\n');
  const openssh = () =>
    [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      expandTemplate('b3BlbnNzaC1rZXktdjEAAAAA<<b64:46>>', rnd),
      expandTemplate('<<b64:70>>', rnd),
      '-----END OPENSSH PRIVATE KEY-----',
    ].join('\n');
  it.each([
    ['pkg/testing/server.key', () => pem(''), 'secrets/private-key'],
    ['spec/fixtures/ssh/id_ed25519', openssh, 'secrets/openssh-private-key'],
  ])('%s: low', (path, text, rule) => {
    expect(reported(text(), path, rule)).toBe('low');
  });
  // A test's own beyond doubt: written into a test module's code, or a key file the tests named a test key:
  // kept, as every test finding is, at the lowest severity.
  it.each([
    ['pkg/mta/tests/test_delivery.py', () => `KEY = """\\\n${pem('RSA ')}\n"""`, 'secrets/private-key'],
    ['pkg/testing/ssl_test_key.key', () => pem(''), 'secrets/private-key'],
    ['spec/fixtures/ssh/testkey', openssh, 'secrets/openssh-private-key'],
  ])('%s: info', (path, text, rule) => {
    expect(reported(text(), path, rule)).toBe('info');
  });
  it.each([
    ['deploy/server.key', () => pem('RSA '), 'secrets/private-key'],
    ['src/signing.py', () => `KEY = """\\\n${pem('')}\n"""`, 'secrets/private-key'],
    ['home/.ssh/id_ed25519', openssh, 'secrets/openssh-private-key'],
  ])('%s: still critical', (path, text, rule) => {
    expect(reported(text(), path, rule)).toBe('critical');
  });
});

describe("a sample configuration's section for a service on localhost", () => {
  const section = (host: string, line: string) =>
    [
      '[influxdb]',
      '# Configuration for the --export influxdb option',
      `host=${host}`,
      'port=8086',
      line,
    ].join('\n');
  const token = expandTemplate('<<a62:40>>', rnd);
  it('lowers a weak password there to low, a strong secret to medium', () => {
    expect(
      reported(section('localhost', 'password=root'), 'etc/glances/glances.conf', 'secrets/weak-password'),
    ).toBe('low');
    expect(
      reported(section('127.0.0.1', `token=${token}`), 'etc/app/app.conf', 'secrets/generic-api-key'),
    ).toBe('medium');
    const yaml = ['database:', '  host: localhost', `  password: "${real()}"`].join('\n');
    expect(reported(yaml, 'config/app.yaml', 'secrets/hardcoded-password')).toBe('medium');
  });
  it('keeps them high for a remote host, in another section, or in program source', () => {
    expect(
      reported(section('db.acme.io', 'password=root'), 'etc/app/app.conf', 'secrets/weak-password'),
    ).toBe('high');
    const other = `${section('localhost', 'port=1')}\n\n[rabbitmq]\nhost=mq.acme.io\npassword=guest`;
    expect(reported(other, 'etc/app/app.conf', 'secrets/weak-password')).toBe('high');
    const nested = ['cache:', '  host: localhost', 'database:', `  password: "${real()}"`].join('\n');
    expect(reported(nested, 'config/app.yaml', 'secrets/hardcoded-password')).toBe('high');
    const js = `const db = {\n  host: 'localhost',\n  token: '${token}',\n};`;
    expect(reported(js, 'src/db.js', 'secrets/generic-api-key')).toBe('high');
  });
});

describe("a JSON configuration's object for a service on localhost", () => {
  const json = (host: string, password: string) =>
    [
      '{',
      '  "shop": { "currency": "USD" },',
      '  "system": {',
      '    "database": {',
      `      "host": "${host}",`,
      '      "port": 5432,',
      '      "user": "admin",',
      `      "password": "${password}"`,
      '    }',
      '  }',
      '}',
    ].join('\n');
  it('lowers a weak password in the object that names localhost to low, a strong one to medium', () => {
    expect(
      reported(json('localhost', '123456'), 'bin/install/templates/config.json', 'secrets/weak-password'),
    ).toBe('low');
    expect(reported(json('127.0.0.1', real()), 'config/default.json', 'secrets/hardcoded-password')).toBe(
      'medium',
    );
  });
  it('keeps them for a remote host, another object, or the same object in program source', () => {
    expect(reported(json('db.acme.io', '123456'), 'config/default.json', 'secrets/weak-password')).toBe(
      'high',
    );
    const other = json('db.acme.io', '123456').replace(
      '"shop": { "currency": "USD" }',
      '"cache": {\n    "host": "localhost"\n  }',
    );
    expect(reported(other, 'config/default.json', 'secrets/weak-password')).toBe('high');
    // One flat object or .env naming a remote database and a local cache (review40).
    const flat = json('db.acme.io', '123456').replace('"port": 5432,', '"cache_host": "localhost",');
    expect(reported(flat, 'config/default.json', 'secrets/weak-password')).toBe('high');
    const env = 'DB_HOST=db.acme-prod.net\nDB_PASSWORD=123456\nREDIS_HOST=localhost\n';
    expect(reported(env, '.env', 'secrets/weak-password')).toBe('high');
    expect(
      reported(
        `module.exports = ${json('localhost', '123456')}`,
        'config/default.js',
        'secrets/weak-password',
      ),
    ).toBe('high');
  });
});

describe('object references are not credentials', () => {
  it("an entry point's `module.path:Object` is a reference, not a password", () => {
    const line = 'SecretInPass = buildbot.secrets.providers.passwordstore:SecretInPass';
    expect(scan(line, 'pkg-1.0.egg-info/entry_points.txt')).toEqual([]);
    expect(scan(`dbPass = ${real()}`, 'pkg-1.0.egg-info/entry_points.txt').length).toBeGreaterThan(0);
  });
});

describe('a URL to a host named for the word host', () => {
  it('a database URL to a host named for the word host is an example to fill in', () => {
    const s = real().replace('#', '');
    expect(scan("      --db='mysql://bbuser:bbpasswd@dbhost/bbdb'", 'pkg/scripts/runner.py')).toEqual([]);
    expect(scan(`  --db='mysql://bb:${s}@your-host:3306/bbdb'`, 'pkg/scripts/runner.py')).toEqual([]);
    // A host named for its role may be a real service's (a compose file's `db-host` container): lowered, not dropped.
    const [role, ...more] = scan(`  --db='mysql://bb:${s}@db-host:3306/bbdb'`, 'pkg/scripts/runner.py');
    expect(more).toEqual([]);
    expect(role).toMatchObject({ ruleId: 'secrets/database-url', severity: 'medium', confidence: 'low' });
    expect(role!.note).toContain('named for its role');
    expect(scan(`DATABASE_URL=mysql://bbuser:${s}@dbhost.acme.io/bbdb`, '.env').map((d) => d.ruleId)).toEqual(
      ['secrets/database-url'],
    );
    expect(scan(`DATABASE_URL=mysql://bbuser:${s}@localhost/bbdb`, '.env').map((d) => d.ruleId)).toEqual([
      'secrets/database-url',
    ]);
  });
});

describe("a form's password and its confirmation in a test", () => {
  const s = real();
  const form = (a: string, b: string) =>
    `List.fields.password.validateInput({\n  password: '${a}',\n  password_confirm: '${b}',\n}, done);`;
  it('is the input a test types into its own form', () => {
    expect(scan(form(s, s), 'fields/types/password/test/type.js')).toEqual([]);
    const py = `data = {'password': '${s}',\n        'project': p.id,\n        'confirm_password': '${s}'}`;
    expect(scan(py, 'dashboards/users/tests.py')).toEqual([]);
  });
  it('is still reported outside tests, or without the same value confirmed', () => {
    expect(scan(form(s, s), 'scripts/seed-admin.js').length).toBeGreaterThan(0);
    expect(scan(form(s, real()), 'fields/types/password/test/type.js').length).toBeGreaterThan(0);
  });
});

describe("a password's stored form is not the password", () => {
  const b64 = expandTemplate('<<b64:44>>', rnd);
  it.each([
    ['static/tests/instances.spec.js', `var enc_password = "${b64}" +`],
    ['app/models.py', `encryptedPassword = "${b64}"`],
  ])('%s', (path, line) => {
    expect(scan(line, path)).toEqual([]);
  });
  it('the password itself still is, and the passphrase an encryption uses', () => {
    expect(scan(`var password = "${b64}";`, 'app/client.js').length).toBeGreaterThan(0);
    const typed = `${real()}!`;
    expect(scan(`ENC_PASSWORD="${typed}"`, 'deploy/backup.env').length).toBeGreaterThan(0);
    expect(scan(`cipher_password: "${typed}"`, 'config/backup.yml').length).toBeGreaterThan(0);
  });
});

describe("documentation's sample connections to the reader's own machine", () => {
  // Split so that the repository's own scan does not read a weak password here.
  const weak = 'hel' + 'lo';
  const weakIds = (text: string, path: string) =>
    scan(text, path)
      .filter((d) => d.ruleId === 'secrets/weak-password')
      .map((d) => d.line);
  it('drops a weak password beside a local or private host in documentation', () => {
    const block = [
      '```js',
      '{',
      '  // hostname or IP',
      '  "host": "127.0.0.1",',
      '',
      `  "password": "${weak}",`,
      '}',
    ];
    expect(weakIds(block.join('\n'), 'README.md')).toEqual([]);
    const uri = `;database_uri = mysql://supy:${weak}1@localhost/supy`;
    expect(weakIds(uri, 'usr/share/doc/supy/html/_sources/setup/configuration.rst.txt')).toEqual([]);
    const camera = `      edge: 'rtsp://admin:${weak}1@192.168.0.149:554/streaming/channels/101',`;
    expect(weakIds(camera, 'README.md')).toEqual([]);
    const demo = [
      'postgresql:',
      '  connect_address: 127.0.0.1:5434',
      '  superuser:',
      `    password: ${weak}`,
    ];
    expect(weakIds(demo.join('\n'), 'usr/share/doc/pg/examples/postgres2.yml')).toEqual([]);
  });
  it('keeps it beside a public host, and outside documentation', () => {
    const remote = ['{', '  "host": "db.acme-shop.io",', `  "password": "${weak}",`, '}'];
    expect(weakIds(remote.join('\n'), 'README.md')).toEqual([3]);
    const local = ['{', '  "host": "127.0.0.1",', `  "password": "${weak}",`, '}'];
    expect(weakIds(local.join('\n'), 'config/app.json')).toEqual([3]);
    // An example outside a documentation tree is a sample a deployment may start from.
    const demo = [
      'postgresql:',
      '  connect_address: 127.0.0.1:5434',
      '  superuser:',
      `    password: ${weak}`,
    ];
    expect(weakIds(demo.join('\n'), 'examples/postgres2.yml')).toEqual([4]);
  });
});

describe('an empty setting does not take the next line for its value', () => {
  it('a commented-out empty password in a .conf file is not a password', () => {
    const text = '#[elasticsearch log]\n#es_user:\n#es_pass:\n#es_type: log\n';
    expect(scan(text, 'etc/app/conf.d/logs.conf').map((d) => d.ruleId)).toEqual([]);
  });
  it('a value on the same line is still one', () => {
    const text = `#[elasticsearch log]\nes_pass: ${real()}\nes_type: log\n`;
    expect(scan(text, 'etc/app/conf.d/logs.conf').map((d) => d.ruleId)).toContain(
      'secrets/hardcoded-password',
    );
  });
});

describe("sudoers' password tags are not passwords", () => {
  const ids = (text: string, path: string) => scan(text, path).map((d) => d.ruleId);
  it('drops NOPASSWD and a user specification’s PASSWD tag in a sudoers file', () => {
    expect(ids('plinth    ALL=(ALL:ALL) NOPASSWD:BOX_ACTIONS\n', 'etc/sudoers.d/plinth')).toEqual([]);
    expect(ids('%wheel ALL = (root) PASSWD: ALL\n', 'etc/sudoers.d/wheel')).toEqual([]);
  });
  it('keeps an upper-case PASSWD key that holds a value, outside a user specification', () => {
    expect(ids(`PASSWD: ${real()}\n`, 'deploy/settings.yml')).toContain('secrets/hardcoded-password');
  });
});

describe('a digest of the password named in prose is not the password', () => {
  const ids = (text: string, path: string) => scan(text, path).map((d) => d.ruleId);
  const log = 'tests/files/logs/dovecot';
  it("drops Dovecot's `SHA1 of given password:` in a sample auth log", () => {
    const line =
      'Jun 11 13:57:17 main dovecot: auth: ldap(user@server.org,192.168.178.25,<LZmGp6mZaMrAqLIZ>): ' +
      'Password mismatch (SHA1 of given password: f638ff)\n';
    expect(ids(line, log)).toEqual([]);
    expect(ids('the MD5 hash of the password: 9f86d081884c7d659a2feaa0c55ad015\n', 'docs/notes.txt')).toEqual(
      [],
    );
  });
  it('keeps a value after such prose that cannot be a digest (review37)', () => {
    expect(ids(`the MD5 hash of the password: ${real()}\n`, 'docs/notes.txt')).toContain(
      'secrets/hardcoded-password',
    );
  });
  it('keeps a password beside a digest setting, and one the log gives whole', () => {
    expect(ids(`sha1: on\npassword: ${real()}\n`, 'deploy/settings.yml')).toContain(
      'secrets/hardcoded-password',
    );
    expect(ids(`{"digest": "sha1", "password": "${real()}"}\n`, 'deploy/settings.json')).toContain(
      'secrets/hardcoded-password',
    );
    expect(ids(`auth: ldap(u): Password mismatch (given password: ${real()})\n`, log)).toContain(
      'secrets/hardcoded-password',
    );
  });
});
