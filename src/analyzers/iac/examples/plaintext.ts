import type { ExampleTable } from './types.js';

export const PLAINTEXT_EXAMPLES: ExampleTable = {
  'iac/plaintext-protocol': [
    {
      path: 'config/app.yaml',
      bad: `# see http://docs.vendor.io/setup for details\npayments:\n  endpoint: http://api.payments-partner.com/v2 ⟵\n  backup: ftp://files.partner.net/in ⟵\n`,
      good: `# see http://docs.vendor.io/setup for details\npayments:\n  endpoint: https://api.payments-partner.com/v2\n  local: http://localhost:8080/health\n  svc: http://orders.shop.svc.cluster.local:8080\n  sidecar: http://redis:6379\n  tracing: http://jaeger-collector.observability:14268/api/traces\n  doc: http://example.com/x\n`,
    },
    {
      path: 'settings.json',
      bad: `{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "upstream": "http://10.20.0.15:9200" ⟵\n}\n`,
      good: `{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "xmlns": "http://www.w3.org/2000/svg",\n  "homepage": "http://acme.io",\n  "upstream": "https://search.acme.io"\n}\n`,
    },
    {
      path: '.env.production',
      bad: `API_URL=http://api.acme-corp.io ⟵\nLDAP_URL=ldap://dc1.corp.acme.io ⟵\n`,
      good: `API_URL=https://api.acme-corp.io\nLDAP_URL=ldaps://dc1.corp.acme.io\nMETADATA=http://169.254.169.254/latest\n`,
    },
    {
      // Text shown to people: a sentence with a link, markup, a label; and a translation catalogue.
      path: 'config/ui.json',
      bad: `{\n  "footer": "Powered by us",\n  "apiBase": "http://api.shop-backend.io/v1" ⟵\n}\n`,
      good: `{\n  "notice": "Read our terms at http://legal.acme.io before you continue",\n  "banner": "<a href='http://blog.acme.io'>Blog</a>",\n  "tooltip": "http://status.acme.io",\n  "apiBase": "https://api.shop-backend.io/v1"\n}\n`,
    },
    {
      // A command that fetches the URL makes the connection.
      path: 'deploy/health.yaml',
      bad: `check:\n  command: curl -fsS http://status.partner-api.io/health ⟵\n`,
      good: `check:\n  command: curl -fsS https://status.partner-api.io/health\n  note: Docs live at http://docs.partner-api.io and in the wiki\n`,
    },
    {
      // nginx: a documentation link after a directive is a comment; the upstream is a connection.
      path: 'deploy/nginx.conf',
      bad: `http {\n  server {\n    location / {\n      proxy_pass http://10.20.0.15:9001/; ⟵\n      proxy_set_header X-Real-IP $remote_addr;  # http://wiki.nginx.org/HttpProxyModule\n    }\n  }\n}\n`,
      good: `http {\n  server {\n    location / {\n      proxy_pass https://10.20.0.15:9001/;\n      proxy_set_header X-Real-IP $remote_addr;  # http://wiki.nginx.org/HttpProxyModule\n      # WebSocket proxying - from http://nginx.org/en/docs/http/websocket.html\n    }\n  }\n}\n`,
    },
    {
      // A table of links to many sites (a search engine's bangs) is data: the sites' own schemes.
      path: 'data/bangs.json',
      bad: `{\n  "mirror": "http://mirror.partner-cdn.io/pkgs" ⟵\n}\n`,
      good: `{\n${Array.from({ length: 21 }, (_, k) => `  "b${k}": "http://search.site${k}.io/?q={q}",\n`).join('')}  "end": 0\n}\n`,
    },
    {
      // A test's configuration is the opt-in audit profile's (the test suite's own connection, no deployment's):
      // a default scan leaves it out (plaintext/test-role.test.ts), --profile audit reports it.
      path: 'tests/ratelimit/nginx.conf',
      options: { profile: 'audit' },
      bad: `server {\n  location / {\n    proxy_pass http://10.20.0.15:9001/; ⟵\n  }\n}\n`,
      good: `server {\n  location / {\n    proxy_pass https://10.20.0.15:9001/;\n  }\n}\n`,
    },
    {
      // The user's role globs say this testing/ package ships with the program: its configuration is source.
      path: 'pkg/testing/archive.cfg',
      options: { roles: { source: ['pkg/testing/**'] } },
      bad: `[general]\nbase_url: http://archive.acme-shop.io/ ⟵\n`,
      good: `[general]\nbase_url: https://archive.acme-shop.io/\n`,
    },
    {
      path: 'pyproject.toml',
      bad: `[tool.app]\nmirror = "http://pypi.mirror.acme.io/simple" ⟵\n`,
      good: `[tool.app]\nmirror = "https://pypi.mirror.acme.io/simple"\nurl = "http://\${HOST}/simple"\n`,
    },
    {
      // Documentation addresses (RFC 5737, RFC 3849, RFC 2606/6761): a sample endpoint no program reaches. (In a
      // test folder every plaintext URL is the audit profile's since noisy57: the example is a deployed file.)
      path: 'etc/designate/pools.yaml',
      bad: `targets:\n  - api_endpoint: http://192.0.3.1:8081 ⟵\n  - api_endpoint: http://203.0.114.9/ ⟵\n`,
      good: `targets:\n  - api_endpoint: http://192.0.2.1:8081\n  - image_ref_url: http://198.51.100.98:9292/images/1\n  - api_endpoint: http://203.0.113.7/\n  - api_endpoint: http://[2001:db8::1]:8081\n  - api_endpoint: http://ns1.example.net/\n  - api_endpoint: http://dns.pool.test/\n`,
    },
  ],
};
