import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretEngine } from '../src/analyzers/secrets/engine.js';
import { SECRET_RULES } from '../src/analyzers/secrets/rules.js';
import { expandTemplate, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { REPORTERS } from '../src/report/index.js';
import { runCli } from './helpers/cli.js';

/**
 * Plants a credential generated at run time for every rule that can quote one (secrets, code, iac,
 * pipeline, deps), renders every output format and the terminal, and looks for any full secret.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function random(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += ALNUM[b % ALNUM.length];
  return `${out.slice(0, n - 2)}4k`;
}

// Every reporter the CLI knows: a format added later is checked without touching this test.
const FORMATS = Object.keys(REPORTERS);

/**
 * Writes the first bad example of every secrets rule into its own file (at the path its examples are
 * scanned as) and returns the secret each one plants, as the engine itself reads it. Seeded, so a
 * failure names the same values on every run.
 */
function plantEveryRule(repo: string, product: string): Map<string, string> {
  const engine = new SecretEngine(SECRET_RULES);
  const planted = new Map<string, string>();
  SECRET_RULES.forEach((rule, i) => {
    const template = rule.examples.bad[0];
    if (template === undefined) return;
    const rel = `planted/${rule.meta.id.replace(/^secrets\//, '')}/${rule.examples.path ?? 'config/app.conf'}`;
    const text = `# settings\n${expandTemplate(template, seededRandom(1000 + i), product)}\n`;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    const hit = engine
      .scan(Buffer.from(text), { path: rel, name, ext, productNames: [product] })
      .find((d) => d.ruleId === rule.meta.id);
    if (!hit) throw new Error(`the bad example of ${rule.meta.id} did not fire: ${text}`);
    mkdirSync(join(repo, rel, '..'), { recursive: true });
    writeFileSync(join(repo, rel), text);
    planted.set(rule.meta.id, hit.secret);
  });
  return planted;
}

/** The parts of a secret that must never be printed: the whole, and each long line of a multi-line key. */
function fragments(secret: string): string[] {
  if (!secret.includes('\n')) return [secret];
  return secret
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 24 && !l.startsWith('-----'));
}

let dir: string;
let secrets: Record<string, string>;
let perRule: Map<string, string>;
const outputs: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-mask-'));
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'app'), { recursive: true });
  mkdirSync(join(repo, 'web'), { recursive: true });
  secrets = {
    envPassword: random(20),
    urlPassword: random(24),
    urlUserToken: `ghp_${random(36)}`,
    djangoKey: `django-${random(40)}`,
    hmacKey: random(32),
    basicAuth: random(18),
    logged: random(26),
    jwtSecret: random(30),
    sessionSecret: random(28),
    cipherKey: random(32),
    dockerToken: `ghp_${random(36)}`,
    gitlabToken: random(24),
    ghaPassword: random(22),
    registryPassword: random(22),
    gitToken: random(40),
  };
  perRule = plantEveryRule(repo, 'planted');
  for (const [id, value] of perRule)
    fragments(value).forEach((f, i) => {
      // Short values (a weak password such as `admin123`) can occur in ordinary text; they are checked
      // at the finding level in the secrets rule tests.
      if (f.length >= 10) secrets[`${id}#${i}`] = f;
    });
  const s = secrets;
  writeFileSync(join(repo, '.env'), `DB_PASSWORD=${s.envPassword}\n`);
  writeFileSync(
    join(repo, 'deploy.sh'),
    `git clone https://ci:${s.urlPassword}@git.acme.io/app.git\ngit clone https://${s.urlUserToken}@github.com/acme/app.git\n`,
  );
  writeFileSync(
    join(repo, 'app', 'settings.py'),
    [
      'import hashlib, hmac, logging, requests',
      `SECRET_KEY = '${s.djangoKey}'`,
      'def sign(body):',
      `    return hmac.new(b"${s.hmacKey}", body, hashlib.sha256).hexdigest()`,
      'def fetch(url):',
      `    return requests.get(url, auth=("admin", "${s.basicAuth}"), verify=False, timeout=5)`,
      'def login(password):',
      `    logging.info("token=${s.logged}", password)`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(repo, 'web', 'server.js'),
    [
      "const jwt = require('jsonwebtoken');",
      "const session = require('express-session');",
      "const crypto = require('crypto');",
      `const t = jwt.sign({ id: 1 }, '${s.jwtSecret}');`,
      `app.use(session({ secret: '${s.sessionSecret}' }));`,
      `const h = crypto.createHmac('sha256', '${s.cipherKey}');`,
      'module.exports = { t, h };',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(repo, 'Dockerfile'),
    `FROM debian:12\nRUN curl -u admin:${s.dockerToken} https://get.acme.io/install.sh | sh\nUSER app\n`,
  );
  writeFileSync(
    join(repo, '.gitlab-ci.yml'),
    `build:\n  image: alpine:3.20\n  script:\n    - 'curl -fsSL -H "PRIVATE-TOKEN: ${s.gitlabToken}" https://get.tool.dev | sh'\n`,
  );
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    join(repo, '.github', 'workflows', 'ci.yml'),
    `on: push\npermissions: {}\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: curl -u bot:${s.ghaPassword} https://get.tool.dev | bash\n`,
  );
  writeFileSync(
    join(repo, 'package.json'),
    JSON.stringify({ name: 'planted', version: '1.0.0', dependencies: { left: '1.0.0', right: '1.0.0' } }),
  );
  writeFileSync(
    join(repo, 'package-lock.json'),
    JSON.stringify(
      {
        name: 'planted',
        version: '1.0.0',
        lockfileVersion: 3,
        packages: {
          '': { name: 'planted', version: '1.0.0', dependencies: { left: '1.0.0', right: '1.0.0' } },
          'node_modules/left': {
            version: '1.0.0',
            resolved: `http://deploy:${s.registryPassword}@npm.acme.io/left/-/left-1.0.0.tgz`,
            integrity: `sha512-${randomBytes(64).toString('base64')}`,
          },
          'node_modules/right': {
            version: '1.0.0',
            resolved: `git+https://${s.gitToken}@github.com/acme/right.git#main`,
          },
        },
      },
      null,
      2,
    ),
  );
  const db = join(dir, 'no-db.sqlite');
  const args = ['scan', repo, '--no-progress', '--workers', '1', '--db-path', db, '--fail-on', 'none'];
  for (const f of FORMATS) args.push('--format', f, '--output', join(dir, `out.${f}`));
  // The terminal: the table on standard output, warnings and the summary on standard error.
  const term = runCli([
    'scan',
    repo,
    '--no-progress',
    '--workers',
    '1',
    '--db-path',
    db,
    '--fail-on',
    'none',
  ]);
  outputs.terminal = term.stdout + term.stderr;
  const files = runCli(args);
  outputs.filesRunStderr = files.stdout + files.stderr;
  for (const f of FORMATS) outputs[f] = readFileSync(join(dir, `out.${f}`), 'utf8');
  for (const [fmt, name] of [
    ['cyclonedx-json', 'cyclonedx'],
    ['spdx-json', 'spdx'],
  ] as const) {
    const r = runCli(['sbom', repo, '--format', fmt]);
    expect(r.code, r.stderr).toBe(0);
    outputs[name] = r.stdout + r.stderr;
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no full secret in any output', () => {
  it('every planted rule fired (the test would prove nothing otherwise)', () => {
    const json = JSON.parse(outputs.json!) as { findings: { ruleId: string; message: string }[] };
    // A secret that several rules report on one line is one finding naming the others ("Also matched").
    const rules = new Set(
      json.findings.flatMap((f) => [
        f.ruleId,
        ...(/Also matched: ([^.]+)\./.exec(f.message)?.[1]?.split(', ') ?? []),
      ]),
    );
    for (const id of [
      'secrets/basic-auth-url',
      'code/py-hardcoded-secret-key',
      'code/py-hardcoded-crypto-key',
      'code/py-tls-verification-disabled',
      'code/py-secret-in-log',
      'code/js-hardcoded-session-secret',
      'code/js-hardcoded-crypto-key',
      'iac/dockerfile-curl-pipe-shell',
      'pipeline/gitlab-curl-pipe-shell',
      'pipeline/gha-curl-pipe-shell',
      'deps/resolved-over-http',
      'deps/git-unpinned',
    ])
      expect(rules, id).toContain(id);
  });

  it('every secrets rule planted its example and reported it', () => {
    const json = JSON.parse(outputs.json!) as { findings: { ruleId: string; message: string }[] };
    const rules = new Set(
      json.findings.flatMap((f) => [
        f.ruleId,
        ...(/Also matched: ([^.]+)\./.exec(f.message)?.[1]?.split(', ') ?? []),
      ]),
    );
    expect(perRule.size).toBe(SECRET_RULES.length);
    expect([...perRule.keys()].filter((id) => !rules.has(id))).toEqual([]);
  });

  it.each(['terminal', 'filesRunStderr', ...FORMATS, 'cyclonedx', 'spdx'])('%s', (name) => {
    const text = outputs[name]!;
    // With every format sent to files, the terminal may stay quiet; the other outputs must not be empty.
    if (name !== 'filesRunStderr') expect(text.length).toBeGreaterThan(0);
    const leaked = Object.entries(secrets).filter(([, v]) => text.includes(v));
    expect(leaked.map(([k]) => k)).toEqual([]);
  });

  it('writes nothing else that holds a secret', () => {
    for (const f of readdirSync(dir).filter((n) => n.startsWith('out.'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const v of Object.values(secrets)) expect(text.includes(v), f).toBe(false);
    }
  });
});
