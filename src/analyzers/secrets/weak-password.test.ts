import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { secretsAnalyzer } from './index.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { productNameVariants, weakPasswordReason } from './weak-password.js';

describe('weak passwords', () => {
  it('flags common, leet, keyboard-walk, sequential and word-plus-digit passwords', () => {
    for (const p of [
      '123456',
      'password',
      'P@ssw0rd',
      'qwerty123',
      '1qaz2wsx',
      'asdfgh',
      'zxcvbnm',
      'aaaaaaaa',
      'abcdefg',
      'Summer2024!',
      'welcome1',
      'admin2025',
      'dragon99',
      'letmein!',
      '1234abCD',
      'abc789',
    ]) {
      expect(weakPasswordReason(p), p).toBeDefined();
    }
  });

  it('flags the product or company name with digits', () => {
    const names = productNameVariants('@acme/acme-portal');
    expect(names).toContain('acmeportal');
    expect(weakPasswordReason('acmeportal123', names)).toMatch(/project or company name/);
    expect(weakPasswordReason('Portal2024!', names)).toBeDefined();
    expect(weakPasswordReason('acmeportal123', [])).toBeUndefined();
  });

  it('leaves strong passwords alone', () => {
    // Two runs must both be runs and make the whole value: a run inside a random value is not enough.
    expect(weakPasswordReason('1234abXq')).toBeUndefined();
    for (const p of ['q8Zr2LmX0pWc7VbN', 'correct-horse-battery-staple-91', 'Xk9#mP2$qL7&vB']) {
      expect(weakPasswordReason(p), p).toBeUndefined();
    }
  });

  it('reports a weak password as its own finding (CWE-521) in config, URLs and code, with the repository name as product', async () => {
    const ctx = makeMemoryContext({ 'package.json': '{"name": "globex-billing"}' }, {}, '/work/globex');
    const file = makeSourceFile(
      'deploy/app.properties',
      [
        'spring.datasource.password=globex2024',
        'ftp.url=ftp://deploy:' + 'qwerty123@files.globex.io/in',
        'admin.password=Summer2024!',
        'mail.password=q8Zr2LmX0pWc7VbN!',
      ].join('\n'),
    );
    const found = await secretsAnalyzer.analyze(file, ctx);
    expect(found.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['secrets/weak-password', 1],
      ['secrets/weak-password', 2],
      ['secrets/weak-password', 3],
      ['secrets/hardcoded-password', 4],
    ]);
    expect(found[0]!.cwe).toEqual([521, 798]);
    expect(found[0]!.secret).toBe('globex2024');
    expect(found[0]!.location.snippet).not.toContain('globex2024');
  });

  // Built from parts so that this file itself holds no quoted weak password.
  const q = "'";
  const dq = '"';
  // `files`: the rest of the project (its shipped configuration confirms a documented default password).
  const scan = async (
    path: string,
    text: string,
    files: Record<string, string> = {},
    profile = 'default',
  ) => {
    const ctx = makeMemoryContext(files, { profile }, '/work/globex');
    const found = await secretsAnalyzer.analyze(makeSourceFile(path, text), ctx);
    // What the scan reports: a default scan's held-back findings (ScanResult.heldBack) are not.
    return found
      .filter((f) => !f.heldBack)
      .map((f) => [f.ruleId, f.location.startLine, f.severity, f.confidence]);
  };

  it('reads IDENTIFIED BY as SQL only in .sql files and SQL statements, not in comments', async () => {
    const comment = `  // Maybe sample the cord identified by ${q}cord${q} for method ${q}method${q}.`;
    expect(await scan('absl/strings/internal/cordz_info.h', comment)).toEqual([]);
    expect(await scan('db/init.sql', `CREATE USER app IDENTIFIED BY ${q}admin123${q};`)).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
    const inCode = `db.exec(${dq}ALTER USER app IDENTIFIED BY ${q}admin123${q}${dq});`;
    expect(await scan('src/migrate.js', inCode)).toEqual([['secrets/weak-password', 1, 'high', 'medium']]);
  });

  it('does not take status values or a bare word after `pass` for a password', async () => {
    const statusMap = [
      'const icons = {',
      `  pass: ${dq}passed${dq},`,
      `  fail: ${dq}failed${dq},`,
      `  skip: ${dq}skipped${dq},`,
      '};',
      `const options = { password: ${dq}required${dq}, pass: ${dq}hello${dq} };`,
    ].join('\n');
    expect(await scan('dist/chunks/index.js', statusMap)).toEqual([]);
    expect(await scan('config/app.yaml', 'db:\n  password: pending\n  pass: optional\n')).toEqual([]);
    expect(await scan('src/ftp.js', `const opts = { pass: ${q}admin123${q} };`)).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
  });

  it('takes a breach-list word for a password under a longer name ending in pass, not under pass alone', async () => {
    const launcher = [
      'const config = {',
      `  auth: { api: true, api_user: ${q}admin${q}, api_pass: ${q}admin${q} },`,
      `  smtp: { dbPass: ${q}qwerty${q}, SMTP_PASS: ${q}letmein${q} },`,
      '};',
    ].join('\n');
    expect(await scan('bin/app.js', launcher)).toEqual([
      ['secrets/weak-password', 2, 'high', 'medium'],
      ['secrets/weak-password', 3, 'high', 'medium'],
      ['secrets/weak-password', 3, 'high', 'medium'],
    ]);
    // A bare `pass` is also a verb and a check's status; an ordinary word under a longer name is no password.
    const words = `results.add({ pass: ${q}admin${q} });\nconst o = { api_pass: ${q}header${q}, onPass: ${q}retry${q} };`;
    expect(await scan('src/checks.js', words)).toEqual([]);
  });

  it('leaves weak passwords on commented-out lines of configuration files alone, not live ones', async () => {
    const conf = [
      '[influxdb]',
      'user=root',
      '#password=' + 'root',
      '[rabbitmq]',
      '; password=' + 'guest',
    ].join('\n');
    expect(await scan('etc/glances/glances.conf', conf)).toEqual([]);
    const sample = [
      '[database]',
      '#url: mysql+pymysql://mailman3:' + 'mmpass@localhost/mailman3',
      'debug: no',
    ];
    expect(await scan('usr/share/mailman3/mailman.cfg.sample', sample.join('\n'))).toEqual([]);
    // The live line is read by the program and reported.
    expect(await scan('etc/glances/glances.conf', '[influxdb]\npassword=' + 'root\n')).toEqual([
      ['secrets/weak-password', 2, 'high', 'medium'],
    ]);
    // A strong value on a commented line may be a live credential that was only switched off.
    const strong = await scan('config/app.ini', '#password=q8Zr2LmX0' + 'pWc7VbN!\n');
    expect(strong.map((f) => f[0])).toEqual(['secrets/hardcoded-password']);
  });

  it('leaves a weak password on a commented-out line of a template that renders a configuration file alone', async () => {
    // `directus init`'s .env template: a `#` line is copied to the .env as the comment it is.
    const stub = ['{{ database }}', '## MS SQL', '# DB_HOST="localhost"', '# DB_PASSWORD="Test' + '@123"'];
    for (const path of ['cli/create-env/env-stub.liquid', 'templates/.env.j2', 'roles/db/app.conf.j2'])
      expect(await scan(path, stub.join('\n')), path).toEqual([]);
    // Its live line is copied as it stands and reported, as is a commented-out line of another template.
    expect(await scan('cli/create-env/env-stub.liquid', 'DB_PASSWORD="Test' + '@123"\n')).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
    expect((await scan('views/environment.liquid', stub.join('\n'))).map((f) => f[0])).toEqual([
      'secrets/weak-password',
    ]);
  });

  it('leaves weak passwords inside a block comment that opens a line alone (log.io), not live or after it', async () => {
    const conf = [
      'exports.config = {',
      "  host: '0.0.0.0',",
      '  /*',
      '  // Enable HTTP Basic Authentication',
      '  auth: {',
      '    user: "admin",',
      '    pass: "' + '1234"',
      '  },',
      '  */',
      '}',
    ].join('\n');
    expect(await scan('conf/web_server.conf', conf)).toEqual([]);
    expect(await scan('lib/settings.js', conf)).toEqual([]);
    // The same block switched on is read by the program and reported; so is a value after a closed comment, and
    // after a `/*` inside a string (a glob), which opens no comment.
    const live = conf.replace('  /*\n', '').replace('  */\n', '');
    expect((await scan('lib/settings.js', live)).map((f) => f[0])).toEqual(['secrets/weak-password']);
    const closed = '/* defaults */\nmodule.exports = { user: "admin", pass: "' + '1234" };\n';
    expect((await scan('lib/settings.js', closed)).map((f) => f[0])).toEqual(['secrets/weak-password']);
    const glob = 'const files = "src/**/*.js";\nconst pass = "' + '1234";\nconst end = "*/";\n';
    expect((await scan('lib/settings.js', glob)).map((f) => f[0])).toEqual(['secrets/weak-password']);
    // review42: a `/*` opening a line of a template string, or a glob under an ini key with a cron step after the
    // value, opens no comment.
    const template = 'const ignore = `\n/*\n!dist\n`;\nconst pass = "' + '1234";\n/** Connects. */\n';
    expect((await scan('lib/settings.js', template)).map((f) => f[0])).toEqual(['secrets/weak-password']);
    const ini =
      '[backup]\nexclude =\n  /*.tmp\n\n[database]\npassword = ' + '1234\n\n[cron]\nschedule = */5 * * * *\n';
    expect((await scan('config/app.ini', ini)).map((f) => f[0])).toEqual(['secrets/weak-password']);
    // A strong value in such a block may be a live credential that was only switched off.
    const strong = await scan('lib/settings.js', '/*\nconst pass = "q8Zr2LmX0' + 'pWc7VbN!";\n*/\n');
    expect(strong.map((f) => f[0])).toEqual(['secrets/hardcoded-password']);
  });

  it('leaves a commented-out Ethereal test account (a throwaway inbox), not one for another host or switched on', async () => {
    // Built at run time: a strong value, so only the account's host decides.
    const pass = 'q8Zr2LmX0' + 'pWc7VbN';
    const zone = (host: string, open: string, close: string) =>
      [
        'module.exports = {',
        '  zones: {',
        '    default: {',
        '      // Use next MTA instead of actual MX',
        `      ${open}`,
        `      host: '${host}',`,
        '      port: 587,',
        '      auth: {',
        `        user: 'tester@${host.replace(/^smtp\./, '')}',`,
        `        pass: '${pass}'`,
        '      }',
        `      ${close}`,
        '    }',
        '  }',
        '};',
      ].join('\n');
    expect(await scan('config/default.js', zone('smtp.ethereal.email', '/*', '*/'))).toEqual([]);
    // Another host's commented-out credential may be live; Ethereal's switched on is read by the program.
    const other = await scan('config/default.js', zone('smtp.mail.acme.io', '/*', '*/'));
    expect(other.map((f) => f[0])).toEqual(['secrets/hardcoded-password']);
    const live = await scan('config/default.js', zone('smtp.ethereal.email', '', ''));
    expect(live.map((f) => f[0])).toEqual(['secrets/hardcoded-password']);
  });

  it('reports weak passwords in documentation that the project ships, at low severity and low confidence', async () => {
    const doc =
      '```js\nconst ftp = connect({ user: ' + `${q}deploy${q}, password: ${q}admin123${q} })\n` + '```\n';
    const shipped = { 'config/ftp.json': `{ "user": "deploy", "password": ${q}admin123${q} }` };
    for (const path of ['README.md', 'docs/setup.md', 'packages/ftp/readme']) {
      expect(await scan(path, doc, shipped), path).toEqual([['secrets/weak-password', 2, 'low', 'low']]);
      // Not shipped: an example to copy.
      expect(await scan(path, doc), path).toEqual([]);
    }
    expect(await scan('src/ftp.js', doc)).toEqual([['secrets/weak-password', 2, 'high', 'medium']]);
  });

  it('leaves out a weak password of a sample account (an e-mail address) in documentation, not a login or one beside a host', async () => {
    const account = [
      '```js',
      '{',
      `\tname: ${q}Test User${q},`,
      `\temail: ${q}user-1@acme.io${q},`,
      `\tpassword: ${q}test1234${q}`,
      '}',
      '```',
    ].join('\n');
    expect(await scan('docs/api.md', account)).toEqual([]);
    // The same record in program source is a seeded account: reported.
    expect(await scan('src/seed.js', account)).toEqual([['secrets/weak-password', 5, 'high', 'medium']]);
    // A documented default login (a user name, no e-mail address) and a connection stay, low, when the
    // project ships that password; otherwise they are examples to copy.
    const login = [
      '```json',
      '{',
      '  "name": "",',
      '  "username": "root",',
      '  "password": "1234' + 'abCD"',
      '}',
      '```',
    ];
    const config = { 'json/config.json': login.slice(1, -1).join('\n') };
    expect(await scan('HELP.md', login.join('\n'), config)).toEqual([
      ['secrets/weak-password', 5, 'low', 'low'],
    ]);
    expect(await scan('HELP.md', login.join('\n'))).toEqual([]);
    const connection = account.replace('email:', 'host: "db.acme.io",\n\temail:');
    const seed = { 'db/seed.sql': `CREATE USER app IDENTIFIED BY ${q}test1234${q};` };
    expect(await scan('docs/api.md', connection, seed)).toEqual([['secrets/weak-password', 6, 'low', 'low']]);
    // Beside a public host (the record's `host`), shipped or not: a connection to a real server.
    expect(await scan('docs/api.md', connection)).toEqual([['secrets/weak-password', 6, 'low', 'low']]);
  });

  it('leaves out a weak password on a comment line of program source, and reports one in its code at high', async () => {
    const option = `password: ${dq}hunter1${dq}, host: args.host };`;
    const commented = [
      '// Format:',
      `//   return { username: ${dq}lounge${dq}, ${option}`,
      ' * ' + option,
      '# ' + option,
    ];
    expect(await scan('defaults/config.js', commented.slice(0, 3).join('\n'))).toEqual([]);
    expect(await scan('app/settings.py', commented[3]!)).toEqual([]);
    // A strong one on a comment line may be a live credential.
    const strong = expandTemplate('<<a62:14>>!', seededRandom(11));
    expect(await scan('defaults/config.js', `// password: ${dq}${strong}${dq}`)).toEqual([
      ['secrets/hardcoded-password', 1, 'high', 'medium'],
    ]);
    expect(await scan('defaults/config.js', `const webirc = { ${option}`)).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
    // A comment mark after code on the line, or a product of the division operator, is no comment line.
    expect(await scan('src/x.js', `const a = b * 2; const o = { ${option}`)).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
  });

  it('leaves out a weak password in a Python docstring, and reports one in a string the program uses', async () => {
    // Built here: the repository's own scan must not meet a weak password written out.
    const url = `mailto://user:${['hunter', '1'].join('')}@mail.acme.io`;
    const doc = (body: string) =>
      `def details(url):\n    ${body}\n        Specify it as:\n          ${url}\n    ${body}\n    return url\n`;
    expect(await scan('notify/base.py', doc('"""'))).toEqual([]);
    expect(await scan('notify/base.py', `"""Module help:\n  ${url}\n"""\nimport os\n`)).toEqual([]);
    const reported = [['secrets/weak-password', 4, 'high', 'medium']];
    // The same text assigned, returned or given to a call is a value the program uses.
    expect(await scan('notify/base.py', doc('DEFAULT = """'))).toEqual(reported);
    expect(await scan('notify/base.py', doc('return ("""'))).toEqual(reported);
    expect(await scan('notify/base.py', `def f():\n    send(\n        """\n  ${url}\n""")\n`)).toEqual(
      reported,
    );
    expect(await scan('notify/base.py', `X = \\\n    """\n\n  ${url}\n"""\n`)).toEqual(reported);
    expect(await scan('notify/base.py', `def f():\n    """\n  ${url}\n    """.format(a)\n`)).toEqual([
      ['secrets/weak-password', 3, 'high', 'medium'],
    ]);
    // A docstring-like text in another language's file, and a strong password in a docstring, stay.
    const strong = expandTemplate('<<a62:14>>!', seededRandom(12));
    expect(
      await scan('notify/base.py', `def f():\n    """\n  mailto://user:${strong}@mail.acme.io\n    """\n`),
    ).toHaveLength(1);
    expect(await scan('notify/base.rb', doc('"""'))).toEqual(reported);
  });

  it('lowers a weak password in a block written around documentation domains, and only there', async () => {
    const ldap = (base: string, pad = '') =>
      [
        'module.exports = {',
        '  ldap: {',
        '    enable: false,',
        `    url: ${dq}ldaps://${base}${dq},`,
        `    rootDN: ${dq}cn=thelounge,ou=system-users,dc=${base.split('.').slice(-2).join(',dc=')}${dq},`,
        pad,
        `    rootPassword: ${dq}1234${dq},`,
        '  },',
        '};',
      ].join('\n');
    // The reserved example domain (RFC 2606) says the block is a template to fill in: reported, lowered, only by
    // the opt-in audit profile (audit-shapes.ts).
    expect(await scan('defaults/config.js', ldap('example.com'))).toEqual([]);
    expect(await scan('defaults/config.js', ldap('example.com'), {}, 'audit')).toEqual([
      ['secrets/weak-password', 7, 'low', 'low'],
    ]);
    const yaml = `host: ldap.example.org\nbind_password: ${dq}1234${dq}`;
    expect(await scan('config/ldap.yaml', yaml, {}, 'audit')).toEqual([
      ['secrets/weak-password', 2, 'low', 'low'],
    ]);
    // A real directory, a look-alike name, or the example far above the block stay high.
    expect(await scan('defaults/config.js', ldap('corp.acme.io'))).toEqual([
      ['secrets/weak-password', 7, 'high', 'medium'],
    ]);
    expect(await scan('defaults/config.js', ldap('myexample.com'))).toEqual([
      ['secrets/weak-password', 7, 'high', 'medium'],
    ]);
    const far = `// docs: https://example.com/setup\n${'const filler = 1;\n'.repeat(60)}${ldap('corp.acme.io')}`;
    expect(await scan('defaults/config.js', far)).toEqual([['secrets/weak-password', 68, 'high', 'medium']]);
    // An example e-mail address beside a password is a placeholder login, not a template's connection: a
    // seeded administrator or a compose file's default password stays high.
    const compose = [
      'services:',
      '  pgadmin:',
      '    environment:',
      '      PGADMIN_DEFAULT_EMAIL: admin@example.com',
      `      PGADMIN_DEFAULT_PASSWORD: ${dq}1234${dq}`,
    ].join('\n');
    expect(await scan('docker-compose.yml', compose)).toEqual([
      ['secrets/weak-password', 5, 'high', 'medium'],
    ]);
    const seed = `await users.insert({\n  email: ${q}admin@example.com${q},\n  password: ${q}1234${q},\n});`;
    expect(await scan('scripts/seed.js', seed)).toEqual([['secrets/weak-password', 3, 'high', 'medium']]);
  });
  it('takes a password that repeats the user name on its line as weak; a test logging in with one drops it', async () => {
    const login = (who: string) =>
      `auth.login({${q}username${q}: ${q}${who}${q}, ${q}password${q}: ${q}${who}${q}})`;
    // In the program's code: a weak password (not a strong hard-coded one).
    expect(await scan('app/accounts.py', login('svc_backup'))).toEqual([
      ['secrets/weak-password', 1, 'high', 'medium'],
    ]);
    // In a test's code: the test's own user, as other weak passwords there.
    expect(await scan('tests/test_auth.py', login('group_admin'))).toEqual([]);
    // Another user's name, or none on the line: still a hard-coded password in the program.
    const other = `auth.login({${q}username${q}: ${q}group_admin${q}, ${q}password${q}: ${q}kx7Qm2vLp9${q}})`;
    expect(await scan('app/accounts.py', other)).toEqual([
      ['secrets/hardcoded-password', 1, 'high', 'medium'],
    ]);
    // In a test, found by its name alone: the opt-in audit profile's (audit-shapes.ts).
    expect(await scan('tests/test_auth.py', other)).toEqual([]);
    expect(await scan('tests/test_auth.py', other, {}, 'audit')).toEqual([
      ['secrets/hardcoded-password', 1, 'high', 'low'],
    ]);
  });
  it('takes a password that repeats the user name set a few lines away in its block as weak', async () => {
    // A commented-out alternative to the active database settings of a shipped site configuration: the user,
    // the database and the password are the same account name. Weak, and on a commented-out line: dropped.
    const block = (mark: string, pass: string, gap = false) =>
      [
        '[database]',
        `DATABASE_ENGINE = ${q}sqlite3${q}`,
        '',
        `${mark}DATABASE_ENGINE = ${q}mysql${q}               # or sqlite3`,
        `${mark}DATABASE_NAME = ${q}radiocast${q}`,
        `${mark}DATABASE_USER = ${q}radiocast${q}             # Not used with sqlite3.`,
        ...(gap ? [''] : []),
        `${mark}DATABASE_${'PASS'}WORD = ${q}${pass}${q}         # Not used with sqlite3.`,
        `${mark}DATABASE_HOST = ${q}db.radiocast.net${q}`,
      ].join('\n');
    const at = (text: string) => text.split('\n').findIndex((l) => l.includes('WORD')) + 1;
    expect(await scan('etc/radiocast/radiocast-site.cfg', block('#', 'radiocast'))).toEqual([]);
    // The same settings live: a weak password, reported at its level.
    const live = block('', 'radiocast');
    expect(await scan('etc/radiocast/radiocast-site.cfg', live)).toEqual([
      ['secrets/weak-password', at(live), 'high', 'medium'],
    ]);
    // Nearest real leaks, kept: a commented-out strong password under the same user; the user's name in
    // another block (a blank line between); a random mixed-case string as both user and password.
    const strong = expandTemplate('<<a62:14>>', seededRandom(17));
    const commentedStrong = block('#', strong);
    expect(await scan('etc/radiocast/radiocast-site.cfg', commentedStrong)).toEqual([
      ['secrets/hardcoded-password', at(commentedStrong), 'high', 'medium'],
    ]);
    const apart = block('#', 'radiocast', true);
    expect(await scan('etc/radiocast/radiocast-site.cfg', apart)).toEqual([
      ['secrets/hardcoded-password', at(apart), 'high', 'medium'],
    ]);
    const random = block('#', strong).replace(`${q}radiocast${q}             #`, `${q}${strong}${q} #`);
    expect(await scan('etc/radiocast/radiocast-site.cfg', random)).toEqual([
      ['secrets/hardcoded-password', at(random), 'high', 'medium'],
    ]);
    // A Django settings dictionary over several lines: weak, still reported in the program.
    const settings = [
      'DATABASES = {',
      `    ${q}default${q}: {`,
      `        ${q}USER${q}: ${q}radiocast${q},`,
      `        ${q}${'PASS'}WORD${q}: ${q}radiocast${q},`,
      '    },',
      '}',
    ].join('\n');
    expect(await scan('radiocast/settings.py', settings)).toEqual([
      ['secrets/weak-password', 4, 'high', 'medium'],
    ]);
  });

  it('leaves out a guessable password of the anonymous login; not a strong one, nor another user’s', async () => {
    // Built at run time: the anonymous-FTP convention's word, and the user that by convention asks for none.
    const guest = ['gu', 'est'].join('');
    const settings = (user: string, pass: string, gap = false) =>
      [
        `FILES_STORE_ACL = ${q}private${q}`,
        '',
        `FTP_USER = ${q}${user}${q}`,
        ...(gap ? [''] : []),
        `FTP_${'PASS'}WORD = ${q}${pass}${q}`,
        'FTP_PASSIVE_MODE = True',
      ].join('\n');
    const at = (text: string) => text.split('\n').findIndex((l) => l.includes('WORD')) + 1;
    expect(await scan('crawler/settings/default_settings.py', settings('anonymous', guest))).toEqual([]);
    expect(await scan('config/mirror.conf', `mirror = ftp://anonymous:${guest}@files.acme.io/pub`)).toEqual(
      [],
    );
    const record = `FEEDS = [{${q}user${q}: ${q}anonymous${q}, ${q}password${q}: ${q}${guest}${q}}]`;
    expect(await scan('crawler/feeds.py', record)).toEqual([]);
    // Kept: a strong password under the anonymous user (someone's own); the broker's default guest account;
    // the anonymous user set in another block; a line whose other record logs in as someone else.
    const strong = expandTemplate('<<a62:14>>', seededRandom(29));
    const named = settings('anonymous', strong);
    expect(await scan('crawler/settings/default_settings.py', named)).toEqual([
      ['secrets/hardcoded-password', at(named), 'high', 'medium'],
    ]);
    const broker = settings(guest, guest);
    expect(await scan('crawler/settings/default_settings.py', broker)).toEqual([
      ['secrets/weak-password', at(broker), 'high', 'medium'],
    ]);
    const apart = settings('anonymous', guest, true);
    expect(await scan('crawler/settings/default_settings.py', apart)).toEqual([
      ['secrets/weak-password', at(apart), 'high', 'medium'],
    ]);
    const two = `FEEDS = [{${q}user${q}: ${q}anonymous${q}}, {${q}user${q}: ${q}ops${q}, ${q}password${q}: ${q}${guest}${q}}]`;
    expect(await scan('crawler/feeds.py', two)).toEqual([['secrets/weak-password', 1, 'high', 'medium']]);
  });
});
