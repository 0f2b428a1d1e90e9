import { describe, expect, it } from 'vitest';
import { makeSourceFile } from '../../../core/source-file.js';
import { checkPlaintext } from './check.js';
import { isDocumentationHost } from './documentation-host.js';

const lines = (path: string, text: string): number[] =>
  checkPlaintext(makeSourceFile(path, text)).map((f) => f.location.startLine);

describe('documentation addresses (RFC 5737, RFC 3849, RFC 2606/6761)', () => {
  it('holds exactly the reserved blocks and names', () => {
    for (const host of [
      '192.0.2.1',
      '192.0.2.255',
      '198.51.100.0',
      '203.0.113.98',
      '[2001:db8::1]',
      '2001:0db8:85a3::8a2e:370:7334',
      'example.com',
      'ns1.example.net',
      'www.example.org',
      'pool.example',
      'dns.test',
      'host.invalid',
      'example.com.',
    ])
      expect(isDocumentationHost(host), host).toBe(true);
    for (const host of [
      '192.0.3.1',
      '192.0.20.1',
      '198.51.10.1',
      '198.51.1000.1',
      '203.0.113.256',
      '203.0.1130.1',
      '10.0.0.1',
      '100.64.0.1',
      '[2001:db80::1]',
      '[2001:db9::1]',
      'example.co.uk',
      'example-shop.com',
      'examples.org',
      'myexample.com',
      'example.com.evil.io',
      'test.acme.io',
      'latest',
    ])
      expect(isDocumentationHost(host), host).toBe(false);
  });

  it("drops a fixture's URL on a documentation address; the nearest routable addresses stay", () => {
    const yaml = [
      'targets:',
      '  - options: {api_endpoint: "http://192.0.2.1:8081", port: 53}',
      '  - options: {api_endpoint: "http://192.0.3.1:8081", port: 53}',
      '    image_ref_url: http://203.0.113.98:9292/images/1',
      '    mirror: http://203.0.112.98/images/1',
      '    backup: ftp://files.example.org/in',
      '    legacy: ftp://files.example-partner.org/in',
    ].join('\n');
    expect(lines('tests/resources/pools.yaml', yaml)).toEqual([3, 5, 7]);
    const json =
      '{\n  "image_ref_url": "http://198.51.100.98:9292/images/1",\n  "api": "http://10.20.0.15:9200"\n}\n';
    expect(lines('tests/resources/notification.json', json)).toEqual([3]);
  });
});
