import { describe, expect, it } from 'vitest';
import {
  entropy,
  isEnvReference,
  isIdentifierLookAlike,
  isPlaceholder,
  isStructuredPlaceholder,
} from './filters.js';
import { expandTemplate, randomFrom, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

function scan(text: string, path = 'config/app.yaml') {
  return scanText(text, path);
}

describe('look-alike filters', () => {
  it('recognises placeholders', () => {
    for (const v of [
      'xxxxxxxxxxxxxxxx',
      '<your-api-key>',
      'your_api_key_here',
      'changeme',
      'AKIAIOSFODNN7EXAMPLE',
      'abcdefghijkl',
      '1234567890',
      'REDACTED',
      '********',
    ]) {
      expect(isPlaceholder(v), v).toBe(true);
    }
    expect(isPlaceholder('q8Zr2LmX0pWc7VbN4tYe')).toBe(false);
  });

  it('drops a generic value cut short with three dots, keeps the whole one and a dotted one', () => {
    const rnd = seededRandom(24);
    const cut = expandTemplate('<<a62:20>>', rnd);
    // A configuration template's commented-out example shows a token's shape, cut short for the reader.
    expect(isPlaceholder(`${cut}...`)).toBe(true);
    expect(scan(`    # 'token': '${cut}...',\n`, 'etc/bot/config-template.py')).toEqual([]);
    expect(scan(`    api_token = '${cut}...'\n`, 'etc/bot/config.py')).toEqual([]);
    // The same value written whole is still reported, and so is one with single dots inside (a JWT's parts).
    expect(isPlaceholder(cut)).toBe(false);
    expect(scan(`    'token': '${cut}',\n`, 'etc/bot/config.py').map((d) => d.ruleId)).toEqual([
      'secrets/generic-api-key',
    ]);
    expect(isPlaceholder(`${cut}.${cut}`)).toBe(false);
  });

  it('keeps private keys and provider tokens whose random body happens to contain a placeholder word', () => {
    const rnd = seededRandom(17);
    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (const word of ['todo', 'mock', 'fake', 'your', 'xxxx', 'TODO', 'Mock', 'dummy', 'lorem', 'fixme']) {
      const lines = Array.from({ length: 20 }, () => randomFrom(rnd, b64, 64));
      lines[7] = randomFrom(rnd, b64, 30) + word + randomFrom(rnd, b64, 64 - 30 - word.length);
      const pem = `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
      expect(
        scan(pem, 'deploy/server.key').map((d) => d.ruleId),
        word,
      ).toEqual(['secrets/private-key']);
      const a62 = b64.slice(0, 62);
      const stripe = `sk_live_${randomFrom(rnd, a62, 40)}${word}${randomFrom(rnd, a62, 40)}`;
      expect(
        scan(`STRIPE_KEY=${stripe}\n`).map((d) => d.ruleId),
        word,
      ).toEqual(['secrets/stripe-secret-key']);
    }
  });

  it('still drops fixed-format placeholders: whole words, masks, runs of x and long template words', () => {
    for (const v of [
      'sk_live_your_secret_key',
      'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'AKIAXXXXXXXXXXXXXXXX',
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'sk_test_<stripe-key>',
      'ghp_****************',
      'xoxb-todo-fake-token',
      'sk_live_placeholder0123456789',
    ]) {
      expect(isStructuredPlaceholder(v), v).toBe(true);
    }
    for (const v of ['Ab3TODOx9Kq2', 'mockZ8/yourQ+fakeR', 'sk_live_a8Kfake2Lq9Zr7']) {
      expect(isStructuredPlaceholder(v), v).toBe(false);
      expect(isPlaceholder(v), v).toBe(true);
    }
  });

  it('recognises environment references', () => {
    for (const v of [
      '${DB_PASS}',
      '$DB_PASS',
      'process.env.TOKEN',
      'os.environ["TOKEN"]',
      '{{ secrets.TOKEN }}',
      '%TOKEN%',
      'import.meta.env.VITE_KEY',
    ]) {
      expect(isEnvReference(v), v).toBe(true);
    }
    expect(isEnvReference('q8Zr2LmX0pWc7VbN4tYe')).toBe(false);
  });

  it('recognises UUIDs and hashes named as such', () => {
    expect(
      isIdentifierLookAlike(
        '123e4567-e89b-42d3-a456-426614174000',
        'token: 123e4567-e89b-42d3-a456-426614174000',
      ),
    ).toBe(true);
    expect(isIdentifierLookAlike('a'.repeat(40), 'commit_token: aaaa')).toBe(true);
    expect(isIdentifierLookAlike('a'.repeat(40), 'api_token: aaaa')).toBe(false);
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });

  it('reports nothing for environment references, placeholders and documented example keys', () => {
    const text = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'api_key: ${API_KEY}',
      'secret_token: $SECRET_TOKEN',
      'password: "{{ secrets.DB_PASSWORD }}"',
      'client_secret: <your-client-secret>',
      'api_key: your_api_key_here',
      'token: xxxxxxxxxxxxxxxxxxxxxxxx',
      'password: changeme',
      'stripe_key: sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
      'secret: abcdefghijklmnopqrstuvwxyz',
    ].join('\n');
    expect(scan(text)).toEqual([]);
  });

  it('reports nothing for code that reads secrets from the environment', () => {
    const text = [
      'const apiKey = process.env.API_KEY;',
      'const password = config.db.password;',
      'const token = req.headers.authorization;',
      "const secret = getSecret('stripe');",
      'password: string;',
      'if (password === confirmPassword) {}',
      "headers['Authorization'] = `Bearer ${token}`;",
    ].join('\n');
    expect(scan(text, 'src/app.ts')).toEqual([]);
  });

  it('reports nothing for password look-alikes seen in real packages', () => {
    const text = [
      '"minipass": "^7.0.4",',
      'cacheBehavior: enabled ? "bypass" : "default",',
      "PWD: '/Users/me/project',",
      'const proxy = "http://user:pass@myproxy:3128";',
      "fastURI.parse('uri://admin:s3cretPw9@example.com:123/path');",
      'const url = "dotenv://:key_1234@dotenvx.com/vault/.env.vault";',
    ].join('\n');
    expect(scan(text, 'lib/bundle.js')).toEqual([]);
    expect(scan('.codicon-pass:before{content:"x"}', 'dist/icons.css')).toEqual([]);
    expect(scan('the validation pass: valid code', 'README.md')).toEqual([]);
  });

  it('lowers confidence for test fixtures and documentation', () => {
    const [d] = scan('DB_PASSWORD=admin123\n', 'test/fixtures/.env');
    expect(d).toMatchObject({ ruleId: 'secrets/weak-password', confidence: 'low' });
  });

  it('reports nothing for lockfile hashes, UUIDs and git SHAs', () => {
    const rnd = seededRandom(3);
    const lock = expandTemplate(
      [
        '{',
        '  "packages": {',
        '    "node_modules/left-pad": {',
        '      "version": "1.3.0",',
        '      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",',
        '      "integrity": "sha512-<<b64:86>>=="',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      rnd,
    );
    expect(scan(lock, 'package-lock.json')).toEqual([]);
    const yarn = expandTemplate(
      'left-pad@^1.3.0:\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#<<hex:40>>"\n  integrity sha512-<<b64:86>>==\n',
      rnd,
    );
    expect(scan(yarn, 'yarn.lock')).toEqual([]);
    const leaked = expandTemplate(
      '    "resolved": "https://ci:<<a62:24>>@npm.acme.io/left-pad/-/left-pad-1.3.0.tgz",',
      rnd,
    );
    expect(scan(leaked, 'package-lock.json').map((d) => d.ruleId)).toEqual(['secrets/basic-auth-url']);
    const ids = expandTemplate(
      'request_token: <<uuid>>\ncommit_sha_token: <<hex:40>>\nrelease_token_rev: <<hex:40>>\n',
      rnd,
    );
    expect(scan(ids)).toEqual([]);
  });

  it("takes a URL password made of a credential field's name as a form's example, and other PascalCase words as a password", () => {
    // Built from parts so that this file holds no credential URL.
    const url = (scheme: string, user: string, pass: string, host: string) =>
      `${scheme}://${user}:${pass}@${host}`;
    for (const pass of ['Auth' + 'Token', 'Your' + 'ApiKey', 'Your' + 'Password', 'Access' + 'Key'])
      expect(scan(`notify: ${url('https', 'bot', pass, 'hooks.acme.io/notify')}`), pass).toEqual([]);
    for (const pass of ['Super' + 'Secret', 'MySecret' + 'Password', 'Top' + 'Secret']) {
      const found = scan(`DATABASE_URL: ${url('postgres', 'admin', pass, 'db.acme.io/app')}`);
      expect(
        found.map((d) => d.ruleId),
        pass,
      ).toEqual(['secrets/database-url']);
    }
  });
});

describe("a package.json's dependency entries", () => {
  const rnd = seededRandom(3333);
  const key = expandTemplate('<<a62:24>>', rnd);
  const manifest = (entry: string) => `{\n  "name": "app",\n  "dependencies": {\n    ${entry}\n  }\n}\n`;
  // Joined here: written out, an entry would be reported by the repository's own scan outside a package.json.
  const entry = (name: string, value: string) => [`"${name}"`, `"${value}"`].join(': ');
  const tarball = entry('@tryghost/extract-api-key', 'file:components/tryghost-extract-api-key-5.40.2.tgz');
  const session = entry(
    '@tryghost/mw-session-from-token',
    'file:components/tryghost-mw-session-from-token-5.40.2.tgz',
  );
  it('are no secrets: a package named with a secret word and a local tarball or alias as its value', () => {
    expect(scan(manifest(tarball), 'package.json')).toEqual([]);
    expect(scan(manifest(session), 'ghost/core/package.json')).toEqual([]);
    expect(scan(manifest('"secret-token-7": "link:packages/secret-token-7-v2"'), 'package.json')).toEqual([]);
  });
  it('still reports a key in the manifest, and a file: value in another file', () => {
    const config = `{\n  "name": "app",\n  "config": { "apiKey": "${key}" }\n}\n`;
    expect(scan(config, 'package.json').map((d) => d.ruleId)).toContain('secrets/generic-api-key');
    expect(scan(manifest(tarball), 'config/app.json').map((d) => d.ruleId)).toContain(
      'secrets/generic-api-key',
    );
    // A specifier's prefix outside the dependency objects (review40): a `config` or `scripts` value.
    const prefixed = `{\n  "name": "app",\n  "config": {\n    "token": "npm:${key}"\n  }\n}\n`;
    expect(scan(prefixed, 'package.json').map((d) => d.ruleId)).toContain('secrets/generic-api-key');
    const oneLine = `{"name": "app", "config": {"apiToken": "github:${key}"}, "dependencies": {}}`;
    expect(scan(oneLine, 'package.json').map((d) => d.ruleId)).toContain('secrets/generic-api-key');
    expect(scan(`{"dependencies": {"secret-token-7": "npm:secret-token@2"}}`, 'package.json')).toEqual([]);
  });
  it('reads the object of the match itself, not of the first line with the same text', () => {
    const member = `    "token": "npm:${key}"`;
    const both = `{\n  "dependencies": {\n${member}\n  },\n  "config": {\n${member}\n  }\n}\n`;
    expect(scan(both, 'package.json').map((d) => [d.ruleId, d.line])).toEqual([
      ['secrets/generic-api-key', 6],
    ]);
  });
});
