import fc from 'fast-check';
import RE2 from 're2';
import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { checksummedToken, expandTemplate, seededRandom } from './test-tokens.js';

const engine = new SecretEngine(SECRET_RULES);
const scan = (bytes: Buffer, path = 'app/config.yaml') => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return engine.scan(bytes, { path, name, ext: name.slice(name.lastIndexOf('.') + 1), productNames: [] });
};

describe('secret engine', () => {
  // The engine compiles a rule's full pattern on the first prefilter hit; a pattern RE2 refuses must
  // still fail here, not on some user's file.
  it('has a full pattern RE2 accepts for every rule', () => {
    for (const rule of SECRET_RULES) {
      const { pattern } = rule;
      if (pattern !== undefined) expect(() => new RE2(pattern, 'gd'), rule.meta.id).not.toThrow();
      const { sourcePattern } = rule;
      if (sourcePattern !== undefined) expect(() => new RE2(sourcePattern, 'gd'), rule.meta.id).not.toThrow();
    }
  });

  it('locates secrets by line and UTF-16 column after multi-byte text', () => {
    const token = checksummedToken(seededRandom(1), 'ghp');
    const found = scan(Buffer.from(`# héllo wörld ✓\nname: x\n  tök: ${token}\n`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 3, column: 8, endColumn: 8 + token.length, secret: token });
  });

  it('masks every secret on the reported line, not only its own', () => {
    const rnd = seededRandom(2);
    const line = expandTemplate('aws_access_key_id=AKIA<<b32:16>> aws_secret_access_key=<<b64:40>>', rnd);
    const found = scan(Buffer.from(line));
    expect(found.map((d) => d.ruleId).sort()).toEqual([
      'secrets/aws-access-key',
      'secrets/aws-secret-access-key',
    ]);
    for (const d of found) for (const other of found) expect(d.snippet).not.toContain(other.secret);
  });

  it('windows the snippet on huge lines and never leaks part of a secret', () => {
    const token = checksummedToken(seededRandom(3), 'ghp');
    const line = `${'x=1;'.repeat(50_000)}t="${token}";${'y=2;'.repeat(50_000)}`;
    const [d] = scan(Buffer.from(line), 'dist/app.min.js');
    expect(d).toBeDefined();
    expect(d!.snippet.length).toBeLessThan(300);
    expect(d!.snippet).not.toContain(token.slice(4, 20));
    expect(d!.column).toBe(200_001 + 3);
  });

  it('finishes quickly on a 10 MB single line and regex-bomb shapes, and finds the planted secret', () => {
    const token = checksummedToken(seededRandom(4), 'npm');
    const hostile = [
      'a'.repeat(10 * 1024 * 1024),
      'password='.repeat(200_000),
      '"secret": "'.repeat(200_000),
      'postgres://u:'.repeat(200_000),
      '-----BEGIN RSA PRIVATE KEY-----' + 'A'.repeat(2_000_000),
      'eyJ' + 'a'.repeat(500_000) + '.eyJ' + 'b'.repeat(500_000) + '.',
      `_authToken=${token}`,
    ].join('');
    const start = performance.now();
    const found = scan(Buffer.from(hostile));
    const ms = performance.now() - start;
    expect(found.some((d) => d.secret === token)).toBe(true);
    // Generous bound for slow CI machines; a backtracking engine takes minutes on this input.
    expect(ms).toBeLessThan(10_000);
  });

  it('finds a secret planted at the end of a large ordinary file (the prefilter does not give up)', () => {
    const body = 'const a = require("b");\nfunction f(x) { return x.password || token; }\n'.repeat(400_000);
    const token = checksummedToken(seededRandom(5), 'ghp');
    const found = scan(Buffer.from(`${body}export const t = '${token}';\n`), 'src/big.js');
    expect(found.map((d) => [d.secret, d.line])).toEqual([[token, 800_001]]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.string({ maxLength: 500 }), (raw, text) => {
        scan(Buffer.from(raw));
        scan(Buffer.from(`password=${text}\ntoken: "${text}"\npostgres://a:${text}@h`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('secret engine at its caps', () => {
  const scanWarn = (bytes: Buffer, path = 'app/config.yaml') => {
    const warnings: string[] = [];
    const name = path.slice(path.lastIndexOf('/') + 1);
    const found = engine.scan(bytes, {
      path,
      name,
      ext: name.slice(name.lastIndexOf('.') + 1),
      productNames: [],
      warn: (m) => warnings.push(m),
    });
    return { found, warnings };
  };

  it('finds the real key after 100,001 lines of the documented example key', () => {
    const real = expandTemplate('AKIA<<b32:16>>', seededRandom(41));
    const text = `${'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'.repeat(100_001)}aws_access_key_id = ${real}\n`;
    const { found, warnings } = scanWarn(Buffer.from(text));
    expect(found.map((d) => d.secret)).toEqual([real]);
    expect(found[0]!.line).toBe(100_002);
    expect(warnings).toEqual([]);
  });

  it('finds the real password after 100,001 distinct-looking placeholder lines', () => {
    const real = expandTemplate('<<a62:18>>#', seededRandom(42));
    const lines = Array.from({ length: 100_001 }, (_, i) => `password${i % 7} = "\${DB_PASSWORD}"`);
    const text = `${lines.join('\n')}\ndb_password = "${real}"\n`;
    const { found } = scanWarn(Buffer.from(text), 'config/app.ini');
    expect(found.some((d) => d.secret === real)).toBe(true);
  });

  it('announces a cap and never prints a key past it, on one line', () => {
    const rnd = seededRandom(43);
    const tokens = Array.from({ length: 1500 }, () => checksummedToken(rnd, 'ghp'));
    const { found, warnings } = scanWarn(Buffer.from(tokens.map((t) => `t=${t}`).join(' ')));
    expect(found.length).toBe(1000);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/stopped after 1000 secrets for secrets\/github-pat/);
    const printed = found.map((d) => d.snippet).join('\n');
    for (const t of tokens) expect(printed.includes(t)).toBe(false);
  });

  it('caps secrets per file across rules', () => {
    const rnd = seededRandom(44);
    const lines: string[] = [];
    for (let i = 0; i < 900; i++) {
      lines.push(`a=${checksummedToken(rnd, 'ghp')}`, `b=${checksummedToken(rnd, 'npm')}`);
      lines.push(
        expandTemplate('c=AKIA<<b32:16>>', rnd),
        expandTemplate('d=xoxb-<<dig:11>>-<<dig:12>>-<<a62:24>>', rnd),
      );
      lines.push(expandTemplate('e=glpat-<<url:20>>', rnd), expandTemplate('f=sk_live_<<a62:24>>', rnd));
    }
    const { found, warnings } = scanWarn(Buffer.from(lines.join('\n')));
    expect(found.length).toBeLessThanOrEqual(5000);
    expect(warnings.some((w) => /stopped after 5000 secrets/.test(w))).toBe(true);
  });
});

describe('secret engine on scripts without an extension', () => {
  // An extensionless `bin/` script is program source when its shebang names a language interpreter: an
  // unquoted right-hand side there is a variable, as in a `.js` file (http-server's `bin/http-server`).
  it('reads an interpreter script without an extension as source, a shell script as configuration', () => {
    const rnd = seededRandom(7);
    const script = (head: string, body: string) =>
      engine
        .scan(Buffer.from(`${head}\n${expandTemplate(body, rnd)}\n`), {
          path: 'bin/serve',
          name: 'serve',
          ext: '',
          productNames: [],
        })
        .map((d) => d.ruleId);
    const variable = 'const options = {\n  passphrase: sslPassphrase,\n  cert: certPath,\n};';
    expect(script('#!/usr/bin/env node', variable)).toEqual([]);
    expect(script('#!/usr/local/bin/node --harmony', variable)).toEqual([]);
    expect(script('#!/usr/bin/python3 -u', 'db = connect(password=dbPassword8x)')).toEqual([]);
    // Literal passwords are still found in such scripts.
    expect(script('#!/usr/bin/env node', 'const options = { passphrase: "<<a62:16>>!" };')).toEqual([
      'secrets/hardcoded-password',
    ]);
    // A shell script's unquoted assignment is a value; so is one in a file without a shebang.
    expect(script('#!/bin/sh', 'DB_PASSWORD=<<a62:16>>')).toEqual(['secrets/hardcoded-password']);
    expect(script('# settings', '  passphrase: sslPassphrase,')).toEqual(['secrets/hardcoded-password']);
  });
});
