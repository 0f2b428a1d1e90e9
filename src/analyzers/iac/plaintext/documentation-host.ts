/**
 * Addresses and names reserved for documentation and testing, which no program reaches on a network:
 * RFC 5737's three IPv4 blocks (TEST-NET-1 192.0.2.0/24, TEST-NET-2 198.51.100.0/24, TEST-NET-3 203.0.113.0/24),
 * RFC 3849's IPv6 prefix 2001:db8::/32, RFC 2606's second-level names `example.com`, `example.net` and
 * `example.org` with every name under them, and RFC 2606/6761's top-level names `.example`, `.test` and
 * `.invalid`. Routers drop the blocks and the root zone holds none of the names (RFC 6761 §6.2–6.4: the
 * example names answer only IANA's page, which is no endpoint a program is configured for). A URL to one is
 * a sample or a test fixture's address, never a connection made in clear.
 *
 * Only these: private blocks (10/8, 172.16/12, 192.168/16) and 100.64/10 are networks someone runs, and names
 * that merely contain the word (`example-shop.com`, `examples.org`, `example.co.uk`) are someone's.
 */
const DOC_IPV4 = /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** 2001:db8::/32: the first group 2001, the second db8 written with up to one leading zero (`0db8`). */
const DOC_IPV6 = /^2001:0?db8(?::|$)/i;
const DOC_NAME = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid)\.?$/i;

/** True when `host` (as a URL writes it: an IPv6 address in brackets, any port already removed) is reserved for documentation. */
export function isDocumentationHost(host: string): boolean {
  const h = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return DOC_IPV4.test(h) || DOC_IPV6.test(h) || DOC_NAME.test(h);
}
