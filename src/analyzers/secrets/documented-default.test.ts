import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { secretsAnalyzer } from './index.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

// Weak passwords are assembled at run time: Vanguard scans its own repository and must not see one here.
const weak = ['1234', 'abCD'].join('');
const word = ['blo', 'ggs'].join('');
const rnd = seededRandom(5150);

async function found(path: string, text: string, others: Record<string, string> = {}) {
  const ctx = makeMemoryContext({ [path]: text, ...others });
  const out = await secretsAnalyzer.analyze(makeSourceFile(path, text), ctx);
  return out.map((f) => f.ruleId);
}

const usersFile = (pass: string) =>
  `## Configuration: users\n\n\`\`\`json\n{\n  "admin": {\n    "name": "admin",\n    "pass": "${pass}"\n  }\n}\n\`\`\`\n`;

describe('a password in documentation', () => {
  it('is an example to copy when the project ships no such password (a README users file)', async () => {
    expect(await found('README.md', usersFile(weak))).toEqual([]);
  });
  it('is an example in a documented command line that sets the password (a wiki page)', async () => {
    const page = `title: WebServer\n\n\`\`\`\ntiddlywiki mywiki --listen username=joe password=${word}\n\`\`\`\n`;
    expect(await found('tiddlers/WebServer.tid', page)).toEqual([]);
    const quoted = `** \`arguments="wiki --listen username=joe &quot;password=MonMotDePasse&quot; port=PORT">\``;
    expect(await found('tiddlers/Installing on IIS.tid', quoted)).toEqual([]);
  });
  it('is the default account when the project ships the same password in its configuration', async () => {
    const compose = `services:\n  db:\n    environment:\n      DB_USER: admin\n      DB_PASSWORD: "${weak}"\n`;
    expect(await found('README.md', usersFile(weak), { 'docker/docker-compose.yml': compose })).toEqual([
      'secrets/weak-password',
    ]);
  });
  it('is the default account when the configuration ships its digest', async () => {
    const digest = createHash('sha512').update(weak).digest('hex');
    const config = `{\n  "username": "admin",\n  "password": "${digest}"\n}\n`;
    expect(await found('HELP.md', usersFile(weak), { 'json/config.json': config })).toEqual([
      'secrets/weak-password',
    ]);
  });
  it("is the default account when the product's code creates it or falls back to it", async () => {
    const q = "'";
    const code = {
      'src/seed.js': `async function seed() {\n  await createUser(${q}admin${q}, ${q}${weak}${q});\n}\n`,
      'app/settings.py': `ADMIN_PASSWORD = os.environ.get(${q}ADMIN_PASSWORD${q}, ${q}${weak}${q})\n`,
      'scripts/install.sh': `mysql -e "CREATE USER ${q}shop${q} IDENTIFIED BY ${q}${weak}${q};"\n`,
      Dockerfile: `FROM node:20\nENV ADMIN_PASSWORD ${weak}\n`,
      'docker/Dockerfile.prod': `FROM node:20\nENV ADMIN_PASSWORD=${weak}\n`,
    };
    for (const [path, text] of Object.entries(code)) {
      expect(await found('README.md', usersFile(weak), { [path]: text }), path).toEqual([
        'secrets/weak-password',
      ]);
    }
    // The same value quoted in code that neither creates an account nor names a password confirms nothing.
    const other = { 'src/ids.js': `const sample = [${q}${weak}${q}];\n` };
    expect(await found('README.md', usersFile(weak), other)).toEqual([]);
  });
  it("is kept beside its record's public host: a connection to a company's server", async () => {
    const page = (host: string) =>
      `\`\`\`yaml\ndatabase:\n  host: ${host}\n  user: shop\n  password: "${word}"\n\`\`\`\n`;
    expect(await found('docs/deploy.md', page('db.acme-shop.io'))).toEqual(['secrets/weak-password']);
    expect(await found('docs/deploy.md', page('localhost'))).toEqual([]);
  });
  it('is not confirmed by a test or an example of the project', async () => {
    const config = `password: "${weak}"\n`;
    expect(await found('README.md', usersFile(weak), { 'test/config.yml': config })).toEqual([]);
    expect(await found('README.md', usersFile(weak), { 'examples/app.yml': config })).toEqual([]);
  });
  it('is kept beside a public host: a transcript of a login to a real service', async () => {
    const made = ['shop', 'test', '123'].join('');
    const line = `login: {"uri":"https://registry.acme-shop.io/_session","body":{"name":"shoptest1","password":"${made}"}}`;
    expect(await found('docs/flow/adduser.md', `\`\`\`\n${line}\n\`\`\`\n`)).toEqual([
      'secrets/hardcoded-password',
    ]);
  });
  it('is kept when it looks random: a real password pasted into a page', async () => {
    const secret = expandTemplate('<<a62:18>>#4', rnd);
    expect(await found('README.md', usersFile(secret))).toEqual(['secrets/hardcoded-password']);
  });
  it("is an example in a documentation tree's examples (a script's usage text showing a configuration)", async () => {
    const made = ['never', 'gonna', 'let', 'you', 'down'].join('-');
    const q3 = '"'.repeat(3);
    const script = (pass: string) =>
      `${q3}\nUsage:\n    cat > ~/.tool/config.yaml <<EOF\n    dump_username: "someone"\n    dump_password: "${pass}"\n    EOF\n${q3}\nimport json\n`;
    expect(await found('usr/share/doc/tool/examples/contrib/dump.py', script(made))).toEqual([]);
    expect(await found('docs/examples/dump.py', script(made))).toEqual([]);
    // The nearest true variants: the same script in the program's own examples folder (not documentation), a
    // random-looking password pasted into the sample, and a default the project ships.
    expect(await found('examples/contrib/dump.py', script(made))).toEqual(['secrets/hardcoded-password']);
    const secret = expandTemplate('<<a62:18>>#4', rnd);
    expect(await found('usr/share/doc/tool/examples/dump.py', script(secret))).toEqual([
      'secrets/hardcoded-password',
    ]);
    const shipped = { 'etc/tool/config.yaml': `dump_password: "${made}"\n` };
    expect(await found('usr/share/doc/tool/examples/dump.py', script(made), shipped)).toEqual([
      'secrets/hardcoded-password',
    ]);
  });
  it('outside documentation is judged as before', async () => {
    expect(await found('config/users.json', `{ "admin": { "pass": "${weak}" } }`)).toEqual([
      'secrets/weak-password',
    ]);
  });
});
