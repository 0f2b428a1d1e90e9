import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const scan = (text: string, path: string) => {
  return scanText(text, path).map((d) => d.ruleId);
};
// WireGuard-shaped keys (44 base64 characters), generated: no literal key in the source.
const rnd = seededRandom(4242);
const keys = Array.from({ length: 4 }, () => expandTemplate('<<a62:43>>=', rnd));
const peer = (host: string, key: string) =>
  `    _server = [\n        {\n            'peer_endpoint': '${host}:5678',\n` +
  `            'ip_address': '192.168.0.2',\n            'private_key': '${key}',\n        },\n    ]\n`;
// A key that spells words, one of them `test` (assembled so that no such literal sits in the source).
const spelled = ['test', 'encryption', 'key', 'for', 'oidc', '32ch'].join('_');

describe('a name-based secret that test code shows to be made up', () => {
  it("drops a key in a test's record that connects to a documentation domain (RFC 2606)", () => {
    expect(scan(peer('wg2.example.org', keys[0]!), 'plinth/modules/wg/tests/test_functional.py')).toEqual([]);
  });
  it("drops a key spelled in words with 'test' in a test environment's configuration", () => {
    const yml = `storage:\n  # Static test key\n  encryption_key: '${spelled}'\n`;
    expect(scan(yml, 'tools/oidc-test-env/authelia/configuration.yml')).toEqual([]);
  });
  it('keeps a key beside a real host in tests, and both shapes outside test code', () => {
    expect(scan(peer('wg2.acme-vpn.io', keys[1]!), 'plinth/modules/wg/tests/test_functional.py')).toContain(
      'secrets/generic-api-key',
    );
    expect(scan(peer('wg2.example.org', keys[2]!), 'plinth/modules/wg/peers.py')).toContain(
      'secrets/generic-api-key',
    );
    expect(scan(`storage:\n  encryption_key: '${spelled}'\n`, 'deploy/authelia/configuration.yml')).toContain(
      'secrets/generic-api-key',
    );
  });
});
