import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { STORE_KINDS } from '../helpers/stores.js';
import { makeFinding, makeResult } from '../helpers/scan-result.js';
import { serveOnFreshStore, type ServeProcess } from '../helpers/serve-process.js';

describe.each(STORE_KINDS)('vanguard serve, admin and push as a user runs them (%s)', (kind) => {
  let dir: string;
  let env: Record<string, string>;
  let storeArgs: string[];
  let server: ServeProcess;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanguard-cli-'));
    ({ server, env, storeArgs, stop } = await serveOnFreshStore(kind));
  });
  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'creates a token, pushes two repositories and another tool’s SARIF, and shows fixed findings',
    { timeout: 300_000 },
    async () => {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const created = runCli(['admin', 'token', 'create', '--project', 'web', '--json', ...storeArgs], {
        env,
      });
      expect(created.code, created.stderr).toBe(0);
      const tok = JSON.parse(created.stdout) as {
        id: string;
        project: string;
        token: string;
        expires: string;
      };
      expect(tok).toMatchObject({ project: 'web' });
      expect(tok.token.startsWith(tok.id)).toBe(true);
      const user = runCli(['admin', 'user', 'add', 'dana', '--role', 'viewer', '--json', ...storeArgs], {
        env,
      });
      const dana = JSON.parse(user.stdout) as { token: string; password: string; role: string };
      expect(dana.role).toBe('viewer');

      const report = join(dir, 'scan.json');
      writeFileSync(
        report,
        JSON.stringify(
          makeResult([makeFinding({ fingerprint: 'cli-1' }), makeFinding({ fingerprint: 'cli-2' })]),
        ),
      );
      const pushed = runCli(
        ['push', report, '--server', server.url, '--branch', 'main', '--commit', 'abc1234'],
        { env: { VANGUARD_TOKEN: tok.token } },
      );
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(pushed.stdout).toMatch(/accepted by web \(main\).*2 findings, 2 new/);

      const sarif = join(dir, 'semgrep.sarif');
      writeFileSync(
        sarif,
        JSON.stringify({
          version: '2.1.0',
          runs: [
            {
              tool: { driver: { name: 'Semgrep' } },
              results: [
                {
                  ruleId: 'js.eval',
                  level: 'warning',
                  message: { text: 'eval' },
                  locations: [
                    { physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: 2 } } },
                  ],
                },
              ],
            },
          ],
        }),
      );
      const other = runCli(
        ['push', sarif, '--server', server.url, '--token', tok.token, '--branch', 'main'],
        {},
      );
      expect(other.code, other.stderr).toBe(0);

      writeFileSync(report, JSON.stringify(makeResult([makeFinding({ fingerprint: 'cli-2' })])));
      const later = runCli(
        ['push', report, '--server', server.url, '--token', tok.token, '--branch', 'main', '--json'],
        {},
      );
      expect(JSON.parse(later.stdout)).toMatchObject({ fixed: 1, total: 1 });

      const res = await fetch(`${server.url}/api/v1/projects/web/findings?status=fixed`, {
        headers: { authorization: `Bearer ${dana.token}` },
      });
      expect(
        ((await res.json()) as { items: { fingerprint: string }[] }).items.map((i) => i.fingerprint),
      ).toEqual(['cli-1']);

      // A second repository with its own token, then revoking the first token stops it at once.
      const second = JSON.parse(
        runCli(['admin', 'token', 'create', '--project', 'api', '--json', ...storeArgs], { env }).stdout,
      ) as { token: string };
      expect(
        runCli(['push', report, '--server', server.url, '--token', second.token, '--branch', 'main'], {})
          .code,
      ).toBe(0);
      expect(runCli(['admin', 'token', 'revoke', tok.id, ...storeArgs], { env }).code).toBe(0);
      const refused = runCli(['push', report, '--server', server.url, '--token', tok.token], {});
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/HTTP 401/);
      const openapi = await fetch(`${server.url}/api/v1/openapi.json`);
      expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    },
  );

  it('gives a clear message and a non-zero exit for a missing server or an unreadable report', () => {
    const noServer = runCli(['push', 'x.json'], { env: { VANGUARD_SERVER: '', VANGUARD_TOKEN: '' } });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toMatch(/--server/);
    const missing = runCli(['push', join(dir, 'nope.json'), '--server', server.url, '--token', 'vgp_x'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});
