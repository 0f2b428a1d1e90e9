import { describe, expect, it } from 'vitest';
import { makeSourceFile } from '../../core/source-file.js';
import { processFindings } from '../../core/stages.js';
import type { RawFinding } from '../../core/finding.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

/** Noise found on real repositories (issue #11): each class with bad (must fire) and good (must not) lines. */
const scan = (text: string, path: string) => {
  return scanText(text, path, ['shop']);
};
const rnd = seededRandom(1111);
const real = (): string => expandTemplate('<<a62:14>>#9', rnd);

describe('translation catalogues are not searched for passwords', () => {
  it.each([
    ['src/assets/i18n/es.json', '{ "LABEL_PASSWORD": "Contraseña", "PASSWORD_HINT": "Passw0rd!" }'],
    ['locales/de/messages.yml', 'password: "Kennw0rt-123"'],
    ['po/fr.po', 'msgid "password"\nmsgstr "mot2passe"'],
    ['app/lang/pt-BR.json', '"password": "senha123"'],
  ])('%s', (path, text) => {
    expect(scan(text, path).filter((d) => /password/.test(d.ruleId))).toEqual([]);
  });
  it('still finds a real password in configuration beside them', () => {
    const secret = real();
    expect(scan(`{ "db_password": "${secret}" }`, 'config/app.json').map((d) => d.secret)).toContain(secret);
  });
});

describe('a translation table bundled into a script no path names as a catalogue', () => {
  const entries = (password: string): string =>
    'import{n as B}from"./chunk-D39XL-zh.js";var t=B((o,s)=>{s.exports={' +
    '"accessories.accessory_info":`Informação do Acessório`,"accessories.bridge_ip":`Bridge IP`,' +
    '"users.label_full_name":`Nome Completo`,"users.label_new_password":`Nova Senha`,' +
    `"users.label_password":\`${password}\`,"users.label_username":\`Usuário\`,` +
    '"users.setup_2fa":`Configurar Autenticação de Dois Fatores`}});export{t};';
  it('drops the word password in another language under a message key (Senha, Heslo, Wachtwoord)', () => {
    for (const word of [
      'Senha',
      'Heslo',
      'Wachtwoord',
      'Salasana',
      'Palavra-passe',
      'PKCS#12証明書のパスフレーズ',
    ])
      expect(
        scan(entries(word), 'public/chunk-B9KT1fF8.js').filter((d) => /password/.test(d.ruleId)),
      ).toEqual([]);
  });
  it('still reports a password under dotted keys whose values are no prose (a configuration)', () => {
    const secret = real();
    const config = `{"db.host":"10.0.0.5","db.user":"shop","db.password":"${secret}","db.port":"5432","db.name":"shop","db.pool":"10"}`;
    expect(scan(config, 'config/settings.json').map((d) => d.secret)).toContain(secret);
    expect(scan(config.replace(secret, 'Senha'), 'config/settings.json').map((d) => d.ruleId)).toContain(
      'secrets/weak-password',
    );
  });
  it('still reports a password that is no word among dotted keys whose other values are prose', () => {
    const secret = real();
    const config =
      '{"app.title":"Acme Shop","app.tagline":"Fresh food every day","mail.subject":"Welcome to Acme",' +
      `"mail.from":"Acme Support","smtp.user":"shop","smtp.auth_password":"${secret}","smtp.host":"10.0.0.5"}`;
    expect(scan(config, 'config/settings.json').map((d) => d.secret)).toContain(secret);
  });
});

describe('secrets/npmrc-auth-token only in .npmrc files', () => {
  it.each([
    ['main.tf', `admin_password = "${'x'}${real()}"`],
    ['settings.py', `DB_PASSWORD = "${real()}"`],
    ['deploy/values.yaml', `_authToken = ${real()}`],
  ])('not in %s', (path, text) => {
    expect(scan(text, path).filter((d) => d.ruleId === 'secrets/npmrc-auth-token')).toEqual([]);
  });
  it('in .npmrc', () => {
    const t = expandTemplate('<<uuid>>', rnd);
    expect(scan(`//npm.acme.internal/:_authToken=${t}`, 'web/.npmrc').map((d) => d.ruleId)).toContain(
      'secrets/npmrc-auth-token',
    );
  });
});

describe('password rules never fire on words, query building, references or hashes', () => {
  it.each([
    ['natural language', 'config/ui.yaml', 'password: Contraseña'],
    ['natural language (quoted)', 'config/ui.json', '"password": "Mot-de-passe oublié"'],
    [
      'query building',
      'app/db.js',
      `q = "SELECT * FROM u WHERE name='" + n + "' AND password='" + password + "'"`,
    ],
    ['query building (Python)', 'app/db.py', `q = "… AND password='" + password + "'"`],
    ['template string', 'app/db.ts', 'const q = `password=${password}`;'],
    ['Terraform reference', 'infra/main.tf', 'password = random_string.password.result'],
    ['Terraform variable', 'infra/main.tf', 'password = "${var.db_password}"'],
    ['environment lookup', 'app/settings.py', 'PASSWORD = os.environ["DB_PASSWORD"]'],
    [
      'bcrypt hash',
      'config/users.yaml',
      'password: "$2b$12$abcdefghijklmnopqrstuuJ0pVJ1Xq6n0yq7Jm0GfQ4c5e6f7g8h9"',
    ],
    ['hex digest', 'config/users.yaml', 'password_hash: 5f4dcc3b5aa765d61d8327deb882cf99'],
    ['LDAP hash', 'config/ldap.conf', 'password = {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='],
    // Scripts with combining vowel signs, and a question in Japanese with its own punctuation.
    ['natural language (Bengali)', 'config/ui.json', '"password": "পাসওয়ার্ড"'],
    ['natural language (Thai)', 'config/ui.json', '"invalid-password": "รหัสผ่านไม่ถูกต้อง"'],
    ['natural language (Japanese)', 'config/ui.json', '"forgot_password": "パスワードを忘れましたか？"'],
    // A catalogue folder named `language` (public/language/<locale>/*.json), ASCII words too.
    ['catalogue in a language folder', 'public/language/cs/user.json', '"password": "Heslo"'],
    // `pass` also records a check that passed, named in snake_case beside `fail`.
    ['a passed check', 'plugins/queue/forward.js', "txn.results.add(this, { pass: 'mail_from' });"],
    ['a passed check (dotted)', 'plugins/relay.js', "results.add(this, { pass: 'rcpt_to.in_host_list' });"],
    ['a self-named password', 'app/seed.js', "const admin = { username: 'admin', password: 'adminpwd' };"],
    ['a translation key', 'modules/login/index.js', "placeholder: { password: 'apostrophe:enterPassword' },"],
    // Namespaced keys inside a string: a template's setting name, JSON quoted in a shell line.
    [
      'a namespaced setting',
      'views/settings.tpl',
      '<input type="checkbox" data-field="password:disableEdit">',
    ],
    [
      'a namespaced key in quoted JSON',
      '.travis.yml',
      '  - node app --setup="{\\"admin:password\\":\\"x\\",\\"admin:password:confirm\\":\\"x\\"}"',
    ],
  ])('%s', (_name, path, text) => {
    expect(scan(text, path).filter((d) => /password/.test(d.ruleId))).toEqual([]);
  });
  it.each([
    ['config/app.yaml', () => `password: "${real()}"`],
    ['config/app.ini', () => `db_password = ${real()}`],
    ['.env', () => 'DB_PASSWORD=admin123'],
    ['config/ui.json', () => '"password": "Kennwört#1"'],
    ['plugins/queue/forward.js', () => `smtp.auth({ user: 'relay', pass: '${real()}' });`],
    ['lib/seed.js', () => "User.create({ username: 'foo', password: 'barbar' });"],
    ['config/app.ini', () => `password:${real()}`],
    ['config/app.yaml', () => 'password: admin2'],
    ['config/app.yaml', () => 'password: "deploy:Kq7vX2mPz9"'],
    ['deploy/run.sh', () => `curl -d "password:${real()}x" https://acme.io`],
    ['deploy/run.sh', () => 'redis-cli -a "password:Kq7vX2mPz9rT4w" ping'],
  ])('still fires in %s', (path, line) => {
    expect(scan(line(), path).filter((d) => /password/.test(d.ruleId))).toHaveLength(1);
  });
});

describe('release notes named by convention are prose, like Markdown', () => {
  it.each([
    ['ChangeLog', '- (cloudcmd) middleware: password: plain -> encrypted (#136)'],
    ['ChangeLog', '- (auth) password: sha1 -> sha512WithRSAEncryption'],
    ['HISTORY', '  * password: double crypt'],
    ['pkg/NEWS.txt', 'password: plain now stored hashed'],
  ])('an unquoted word after password: in %s is a sentence', (path, line) => {
    expect(scan(line, path)).toEqual([]);
  });
  it('a quoted password in a changelog, and an unquoted one in a config file, are still found', () => {
    const secret = real();
    expect(scan(`- example: password: "${secret}"`, 'ChangeLog').map((d) => d.secret)).toContain(secret);
    expect(scan(`password: ${secret}`, 'config/settings').map((d) => d.secret)).toContain(secret);
  });
});

describe('source maps quote code, not configuration', () => {
  const map = (code: string): string =>
    JSON.stringify({ version: 3, sources: ['lib/hogan.js'], sourcesContent: [code], mappings: 'AAAA' });
  it('an unquoted right-hand side in the quoted source is an expression', () => {
    expect(scan(map('      pass = !!val;\n      if (!inverted && pass) {}'), 'public/js/app.js.map')).toEqual(
      [],
    );
  });
  it('a quoted password in the quoted source is still found', () => {
    const secret = real();
    expect(
      scan(map(`const db = { password: '${secret}' };`), 'public/js/app.js.map').map((d) => d.secret),
    ).toContain(secret);
  });
});

describe("a web page template's script writes its values as code", () => {
  // A Pug (or EJS, Handlebars, Nunjucks) view's inline script: an unquoted right-hand side is a variable.
  const view = (body: string): string =>
    `extends ../layout\nblock content\n  script.\n    $.ajax({\n      ${body}\n    });\n`;
  it('an unquoted password name on the right is a variable', () => {
    const line = 'data: JSON.stringify({oldPassword:oldPassword,newPassword:newPassword}),';
    for (const path of ['views/auth/password.pug', 'views/auth/password.ejs', 'views/auth/password.hbs'])
      expect(scan(view(line), path), path).toEqual([]);
  });
  it('a quoted password in the template is still found', () => {
    const secret = real();
    expect(scan(view(`data: { password: '${secret}' },`), 'views/login.pug').map((d) => d.secret)).toContain(
      secret,
    );
  });
});

describe("a doctest's URL credentials are the test's own", () => {
  it('kept at low on a doctest prompt line; the same URL in code keeps its severity', () => {
    const secret = real();
    const url = `http://bar:${secret}@files.acme.io/bar`;
    const doctest = `def parse(url):\n    """\n    >>> parse('${url}')\n    ('bar', '${secret}')\n    """\n`;
    const found = scan(doctest, 'pkg/client/http.py').filter((d) => d.ruleId === 'secrets/basic-auth-url');
    expect(found.map((d) => d.severity)).toEqual(['low']);
    const code = scan(`MIRROR = '${url}'\n`, 'pkg/client/http.py').filter(
      (d) => d.ruleId === 'secrets/basic-auth-url',
    );
    // The rule's own severity (high), not lowered.
    expect(code.map((d) => d.severity)).toEqual([undefined]);
  });
});

describe("passwords of a test's own throwaway users are not credentials", () => {
  it.each([
    ['test/user.js', "User.create({ username: 'foo', password: 'barbar' }, next);"],
    ['test/topics.js', "User.create({ username: 'follower', password: '123456' }, next);"],
    ['test/messaging.js', "async.apply(User.create, { username: 'herp', password: 'derpderp' }),"],
    ['drivers/mysql/test.js', "const connection = { host: 'localhost', password: 'sqlpad' };"],
    ['src/__tests__/login.spec.ts', "await login('admin', { password: 'swordfish' });"],
    // Self-describing, also in leetspeak, or weak: the test's own users.
    ['test/login.js', "user.password = 'VeryPasswordManySecure🐶';"],
    ['test/login.js', "await login({ username: 'admin', password: 'AnotherLovelyPassword' });"],
    ['test/adapter.js', "const creds = { user: 'u', password: 'p@ss:word/special' };"],
    ['test/pages.js', "user2.password = 'admin2';"],
    ['drivers/sqlserver/test.js', "const c = { password: 'SuperP4ssw0rd!' };"],
    ['fields/types/password/test/filters.js', "return [{ password: 'abc123' }, { password: 'ABC123' }];"],
  ])('%s', (path, text) => {
    expect(scan(text, path).filter((d) => /password/.test(d.ruleId))).toEqual([]);
  });
  it.each([
    // Generated or mixed: may be a live credential, reported (lowered by the test role).
    ['test/db.js', () => `const db = { password: '${real()}' };`],
    ['drivers/sqlserver/test.js', () => "const c = { password: 'Xk9#qT2v!mZ7wR' };"],
    // A database URL in a test still counts.
    ['test/db.js', () => `const url = 'postgres://app:${real()}@db.internal/x';`],
  ])('still fires in %s', (path, line) => {
    expect(scan(line(), path).length).toBeGreaterThan(0);
  });
});

describe("a test's own Basic login and encrypted test keys are not credentials", () => {
  const basic = (cred: string) =>
    `request(app).get('/').set('Authorization', 'Basic ${Buffer.from(cred).toString('base64')}')`;
  const pem = (kind: string) =>
    [
      `-----BEGIN ${kind}PRIVATE KEY-----`,
      ...[1, 2, 3].map(() => expandTemplate('<<b64:64>>', rnd)),
      `-----END ${kind}PRIVATE KEY-----`,
    ].join('\n');
  it.each([
    ['test/connect_builder.js', () => basic('user:pass')],
    ['test/auth.spec.js', () => basic('admin:123456')],
    ['test/conf/server.key', () => pem('ENCRYPTED ')],
    ['spec/fixtures/tls/key.pem', () => pem('ENCRYPTED ')],
  ])('%s', (path, text) => {
    expect(scan(text(), path)).toEqual([]);
  });
  it.each([
    // A random-looking password in a test may be a live credential: reported (lowered by the test role).
    ['test/connect_builder.js', () => basic(`deploy:${real()}`)],
    // The same weak login outside tests, a plain key in a test, an encrypted key that ships.
    ['lib/client.js', () => basic('user:pass')],
    ['test/conf/server.key', () => pem('RSA ')],
    ['deploy/server.key', () => pem('ENCRYPTED ')],
  ])('still fires in %s', (path, text) => {
    expect(scan(text(), path).length).toBeGreaterThan(0);
  });
});

describe('one secret reported by two analyzers is one finding', () => {
  const key = expandTemplate('<<a62:40>>', rnd);
  const line = `SECRET_KEY = '${key}'`;
  const file = makeSourceFile('app/settings.py', `${line}\n`);
  const base = {
    confidence: 'high' as const,
    remediation: 'Rotate it.',
    owasp: ['A07:2025'],
    principles: ['authentication' as const],
    phase: 'code' as const,
  };
  const fromSecrets: RawFinding = {
    ...base,
    ruleId: 'secrets/generic-api-key',
    analyzer: 'secrets',
    severity: 'medium',
    title: 'High-entropy secret',
    message: 'A secret in app/settings.py.',
    location: { path: file.path, startLine: 1, snippet: line },
    cwe: [798],
    secret: key,
  };
  const fromCode: RawFinding = {
    ...base,
    ruleId: 'code/py-hardcoded-secret-key',
    analyzer: 'code',
    severity: 'high',
    title: 'Hard-coded session or token signing secret',
    message: `Secret key is hard-coded: ${line}`,
    location: { path: file.path, startLine: 1, snippet: line },
    cwe: [798, 321],
  };
  it('keeps the secrets finding at the higher severity and names the other rule', () => {
    const out = processFindings([fromSecrets, fromCode]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'secrets/generic-api-key', severity: 'high' });
    expect(out[0]!.message).toContain('Also matched: code/py-hardcoded-secret-key');
    expect(JSON.stringify(out)).not.toContain(key);
  });
  it('keeps two different secrets on one line apart', () => {
    const other = { ...fromSecrets, ruleId: 'secrets/aws-secret-access-key', secret: `${key}x` };
    expect(processFindings([fromSecrets, other])).toHaveLength(2);
  });
  it('keeps findings on other lines apart', () => {
    const moved = { ...fromCode, location: { ...fromCode.location, startLine: 2 } };
    expect(processFindings([fromSecrets, moved])).toHaveLength(2);
  });
});

describe('a link under a password-like key is not a password', () => {
  it('skips a URL value in a table of sites, keeps a real password beside it', () => {
    // A search engine's bang table: the key `pass` names the site (compass-style.org), the value is its link.
    const table =
      '{\n  "pass": "http://compass-style.org/search/?q=x1",\n  "pwd": "//docs.acme.io/find?q=a2"\n}\n';
    expect(scan(table, 'data/external_bangs.json').filter((d) => /password/.test(d.ruleId))).toEqual([]);
    const secret = real();
    expect(scan(`{ "pass": "${secret}" }`, 'config/app.json').map((d) => d.secret)).toContain(secret);
  });
});

describe('a URL whose password repeats its user name', () => {
  it('is a weak password (low at localhost), not a database credential', () => {
    const found = scan(
      // Split so that this file's own scan does not read it.
      'database_uri = postgres://supysonic:' + 'supysonic@localhost/supysonic\n',
      'config.sample',
    );
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['secrets/weak-password', 'low']]);
  });
  it('keeps a strong password in a database URL a database credential', () => {
    const secret = real();
    const found = scan(`database_uri = postgres://app:${secret}@db.acme-shop.io/app\n`, 'config.sample');
    expect(found.map((d) => d.ruleId)).toEqual(['secrets/database-url']);
  });
});

describe('a weak password named for a test account', () => {
  it('is kept but low; the same value under another name stays as it was', () => {
    const sev = (text: string) =>
      scan(text, 'app/default_settings.py').map((d) => [d.ruleId, d.severity] as const);
    expect(sev("CAS_TEST_USER = 'test'\nCAS_TEST_PASSWORD = 'test'\n")).toEqual([
      ['secrets/weak-password', 'low'],
    ]);
    expect(sev("LATEST_PASSWORD = 'test'\n")).toEqual([['secrets/weak-password', undefined]]);
  });
});

describe("a URL's syntax in a help text and a test's own local database", () => {
  it('reads a bracketed optional password (`[:password]@`) as notation, not a password', () => {
    // Split so that this file's own scan does not read it.
    const help = [
      '    redis://[:pass' + 'word]@localhost:6379?db=0',
      '  url: redis://[user[:pass' + 'word1]@]cache.acme-shop.io',
    ];
    for (const line of help) expect(scan(line, 'app/common/redis.py')).toEqual([]);
    const secret = real();
    expect(scan(`url = 'redis://:${secret}@cache.acme-shop.io:6379'`, 'app/common/redis.py').length).toBe(1);
  });
  it("drops a weak password in a test's URL to this machine, keeps one to another host or a strong one", () => {
    const weak = "url = 'mysql+pymysql://user:pass%" + "word@localhost/foobar'";
    expect(scan(weak, 'app/tests/indexer/test_utils.py')).toEqual([]);
    // The same line outside tests is still reported (lowered at localhost).
    expect(scan(weak, 'app/indexer/defaults.py').map((d) => d.ruleId)).toEqual(['secrets/weak-password']);
    expect(scan(weak.replace('localhost', 'db.acme-shop.io'), 'app/tests/test_utils.py').length).toBe(1);
    // Another URL of the line going to this machine does not make this one local.
    const two = weak
      .replace('localhost', 'db.acme-shop.io')
      .replace(/'$/, "', cache='redis://u@localhost:6379/0'");
    expect(scan(two, 'app/tests/test_utils.py').map((d) => d.ruleId)).toEqual(['secrets/weak-password']);
    const secret = real();
    expect(scan(`url = 'mysql://user:${secret}@localhost/foobar'`, 'app/tests/test_utils.py').length).toBe(1);
  });
});

describe("a test's login as the seeded user of the application it tests", () => {
  const login = (email: string, secret: string): string =>
    `  const res = await request(app)\n    .post("/auth/login")\n    .send({ email: "${email}", password: "${secret}" });\n`;
  const passwords = (path: string, text: string) =>
    scan(text, path)
      .filter((d) => /password/.test(d.ruleId))
      .map((d) => d.secret);

  it('is not a credential when the e-mail is at a placeholder domain', () => {
    expect(passwords('auth/testhelp.js', login('admin@foo.com', real()))).toEqual([]);
    expect(passwords('test/login.test.js', login('staff@shop.test', real()))).toEqual([]);
  });
  it('is still reported with a real domain (a test against a live service) or outside tests', () => {
    const a = real();
    expect(passwords('test/login.test.js', login('qa@acme-shop.io', a))).toEqual([a]);
    const b = real();
    expect(passwords('src/seed.js', login('admin@foo.com', b))).toEqual([b]);
  });
});
