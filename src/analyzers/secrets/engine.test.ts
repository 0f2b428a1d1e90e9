import fc from 'fast-check';
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
