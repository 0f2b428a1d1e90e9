import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

/** A key file in an example program's folder is the demo's own, lowered as a test folder's key is. */
const scan = (text: string, path: string) => {
  return scanText(text, path);
};
const rnd = seededRandom(1414);
const pem = (): string =>
  [
    '-----BEGIN RSA PRIVATE KEY-----',
    ...[1, 2, 3].map(() => expandTemplate('<<b64:64>>', rnd)),
    '-----END RSA PRIVATE KEY-----',
  ].join('\n');

describe('private keys in an example program folder', () => {
  it.each(['example/privatekey.pem', 'examples/https/server.key', 'demo/tls/key.pem'])(
    '%s is kept at medium with the reason (the role stage lowers it once more)',
    (path) => {
      const found = scan(pem(), path).filter((f) => f.ruleId === 'secrets/private-key');
      expect(found.map((f) => f.severity)).toEqual(['medium']);
      expect(found[0]?.note).toMatch(/example program's folder/);
    },
  );
  it.each(['deploy/server.key', 'config.sample.pem', 'app/settings_dev.py'])('%s keeps its level', (path) => {
    const text = path.endsWith('.py') ? `KEY = """${pem()}"""` : pem();
    const found = scan(text, path).filter((f) => f.ruleId === 'secrets/private-key');
    expect(found).toHaveLength(1);
    // No verdict of its own: the rule's critical.
    expect(found[0]?.severity).toBeUndefined();
  });
});

describe('private keys in documentation', () => {
  // A sample request body on a docs page: the PEM inside a JSON string, its line breaks written `\n`.
  const inPage = (): string => `  "key": "${pem().replace(/\n/g, '\\n')}",`;
  it.each(['src/views/docs/protocols/https.ejs', 'docs/tls.md', 'README.md'])(
    '%s is kept at medium with the reason (the role stage lowers it once more)',
    (path) => {
      const found = scan(inPage(), path).filter((f) => f.ruleId === 'secrets/private-key');
      expect(found.map((f) => f.severity)).toEqual(['medium']);
      expect(found[0]?.note).toMatch(/In documentation/);
    },
  );
  it.each(['src/views/protocols/https.ejs', 'deploy/server.key'])('%s keeps its level', (path) => {
    const found = scan(inPage(), path).filter((f) => f.ruleId === 'secrets/private-key');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBeUndefined();
  });
});
