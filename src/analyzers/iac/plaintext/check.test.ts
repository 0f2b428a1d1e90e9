import { describe, expect, it } from 'vitest';
import { makeSourceFile } from '../../../core/source-file.js';
import { checkPlaintext } from './check.js';

const ids = (path: string, text: string): number[] =>
  checkPlaintext(makeSourceFile(path, text)).map((f) => f.location.startLine);

describe('plaintext-protocol: only connections the program makes', () => {
  it("reads a DOCTYPE's system identifier as a name, not a connection; the document's own URLs still count", () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE busconfig PUBLIC',
      '          "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"',
      '          "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
      '<busconfig>',
      '  <remote url="http://bus.acme-shop.io:8080/"/>',
      '</busconfig>',
    ].join('\n');
    expect(ids('etc/dbus-1/system.d/app.conf', xml)).toEqual([6]);
    const html =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n';
    expect(
      ids('config/page.xml', html + '<base href="x"/>\n<feed src="http://feeds.acme-shop.io/a"/>\n'),
    ).toEqual([3]);
    // What follows the declaration on its line is the document's own: an entity of the internal subset, a feed.
    const oneLine =
      '<!DOCTYPE feeds [<!ENTITY src SYSTEM "http://feeds.acme-shop.io/list">]>\n' +
      '<!DOCTYPE feeds SYSTEM "http://www.w3.org/x.dtd"><feed src="http://feeds.acme-shop.io/b"/>\n';
    expect(ids('config/feeds.xml', oneLine)).toEqual([1, 2]);
  });
  it("never reads a test's recorded HTTP interactions (a cassette); the same URL in a configuration counts", () => {
    const request =
      '- request:\n    method: GET\n    uri: http://httpbin.org/stream/3\n  response:\n    status:\n      code: 200\n';
    expect(ids('tests/fixtures/Stream_e2e.yaml', `interactions:\n${request}`)).toEqual([]);
    expect(ids('tests/fixtures/Stream_e2e.yaml', `replies:\n${request}`)).toEqual([4]);
  });
  it("reads a header line of a message spelled with \\n escapes as the message's text; a command's URL still counts", () => {
    const report =
      'report = --%(_boundary)s\\nReported-From: $FROM\\nSource: $IP\\nSchema-URL: http://www.x-arf.org/schema/login_0.1.json\\nAttachment: none\n';
    expect(ids('etc/fail2ban/action.d/report.conf', report)).toEqual([]);
    const command =
      'actionban = curl -s http://reports.acme-shop.io/add?ip=%(ip)s\\n\nurl = http://api.acme-shop.io/\n';
    expect(ids('etc/fail2ban/action.d/report.conf', command)).toEqual([1, 2]);
  });
  it('never reads translation catalogues or documentation', () => {
    const catalogue = '{\n  "LINK_HOME": "http://www.acme-shop.io",\n  "API": "http://api.acme-shop.io"\n}\n';
    expect(ids('src/assets/i18n/es.json', catalogue)).toEqual([]);
    expect(ids('locales/fr.json', catalogue)).toEqual([]);
    expect(ids('docs/config.yaml', 'url: http://api.acme-shop.io\n')).toEqual([]);
    // The same content in a configuration file: the API base is an endpoint (LINK_HOME reads as a link).
    expect(ids('config/app.json', catalogue)).toEqual([3]);
  });
  it('skips sentences and markup around a link, keeps bare values and fetch commands', () => {
    const text = [
      'a: "Visit http://help.acme-shop.io for more"', // sentence
      'b: "<a href=\'http://blog.acme-shop.io\'>blog</a>"', // markup
      'c: http://api.acme-shop.io/v1', // bare value
      'd: curl -fsS http://api.acme-shop.io/health', // command
      'e: "http://api.acme-shop.io"', // quoted value
    ].join('\n');
    expect(ids('config/x.yaml', text)).toEqual([3, 4, 5]);
  });
  it("reads a `#` after a directive's `;` as a comment in .conf files, not a `#` inside a value", () => {
    const nginx = [
      'location / {',
      '  proxy_pass http://10.20.0.15:9001/;',
      '  proxy_set_header X-Real-IP $remote_addr;  # http://wiki.nginx.org/HttpProxyModule',
      '}',
    ].join('\n');
    expect(ids('deploy/nginx.conf', nginx)).toEqual([2]);
    expect(ids('app.conf', 'upstream = http://api.partner.io/#/v1\n')).toEqual([1]);
  });
  it('reads a table of links to many sites as data, not the endpoints of a configuration', () => {
    const sites = (n: number): string[] =>
      Array.from({ length: n }, (_, k) => `  "s${k}": "http://search.site${k}.io/?q={q}",`);
    // A search engine's bang table: each entry sends the user's browser to that site's own search page.
    const table = ['{', ...sites(21), '  "end": 0', '}'].join('\n');
    expect(ids('searx/data/external_bangs.json', table)).toEqual([]);
    // Twenty plaintext endpoints in one configuration file are still endpoints.
    const config = ['{', ...sites(20), '  "end": 0', '}'].join('\n');
    expect(ids('config/upstreams.json', config)).toHaveLength(20);
  });
  it('keeps ftp:// and telnet:// links of a table of links, lowered to low', () => {
    const sites = Array.from({ length: 21 }, (_, k) => `  "s${k}": "http://search.site${k}.io/?q={q}",`);
    const table = ['{', ...sites, '  "ftp": "ftp://files.mirror-site.io/pub",', '  "end": 0', '}'].join('\n');
    const found = checkPlaintext(makeSourceFile('data/bangs.json', table));
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([[23, 'low']]);
    expect(found[0]!.message).toContain('one of 22 sites');
  });
  it('skips examples kept in a documentation tree, not examples elsewhere', () => {
    const sample = 'c[\'titleURL\'] = "http://builds.acme-shop.io"\n';
    expect(ids('usr/share/doc/acme/examples/master.cfg', sample)).toEqual([]);
    expect(ids('docs/examples/master.cfg', sample)).toEqual([]);
    expect(ids('examples/master.cfg', sample)).toEqual([1]);
  });
  it("reads a YAML `url` under a documentation key (`license:`) as a link, not under a service's key", () => {
    const manifest = ['license:', '  type: WTFPL', '  url: http://www.wtfpl.net/txt/copying/'].join('\n');
    expect(ids('package.yaml', manifest)).toEqual([]);
    const service = ['uplinks:', '  npmjs:', '    url: http://registry.acme-shop.io/'].join('\n');
    expect(ids('config.yaml', service)).toEqual([3]);
  });
  it("reads an OGC service's OnlineResource metadata as a link, and its sources' URLs as connections", () => {
    // The link a WMS/WMTS capabilities document prints for clients to read (MapProxy, GeoServer, MapServer).
    const proxy = [
      'services:',
      '  wms:',
      '    md:',
      '      online_resource: http://maps.acme-shop.io/',
      '      OnlineResource: "http://maps.acme-shop.io/about"',
      'sources:',
      '  osm:',
      '    url: http://tiles.acme-shop.io/%(z)s/%(x)s/%(y)s.png',
    ].join('\n');
    expect(ids('mapproxy.yaml', proxy)).toEqual([8]);
  });
  it("reads an Origin or Referer header's value as the name of a site, not a connection", () => {
    // A CORS test's request and the origin its answer allows: the server compares them, nothing connects.
    const cors = [
      'tests:',
      '  - name: allowed origin',
      '    request_headers:',
      '      Origin: http://portal.acme-shop.io',
      '      Referer: http://portal.acme-shop.io/start',
      '    response_headers:',
      '      Access-Control-Allow-Origin: http://portal.acme-shop.io',
      '  - name: the upstream',
      '    url: http://api.acme-shop.io/v1/status',
    ].join('\n');
    expect(ids('tests/functional/cors.yaml', cors)).toEqual([9]);
    // A key that only ends in the word is still an endpoint.
    expect(ids('config.yaml', 'data_origin_url: http://api.acme-shop.io/\n')).toEqual([1]);
    expect(ids('.env.production', 'NEXT_PUBLIC_API_ORIGIN=http://api.acme-shop.io\n')).toEqual([1]);
    expect(ids('config/app.yaml', 'upstream_origin: http://api.acme-shop.io\n')).toEqual([1]);
    // An `origin` outside a mapping of headers is as often the server a CDN or proxy connects to.
    expect(ids('config/cdn.yaml', 'cdn:\n  origin: http://backend.acme-shop.io\n')).toEqual([2]);
    // Another URL on the header's line is still read (the header in a one-line object is not told apart).
    const oneLine = '{"Referer": "http://www.acme-shop.io", "api": "http://api.acme-shop.io"}\n';
    expect(ids('config/app.json', oneLine)).toEqual([1, 1]);
  });
});
