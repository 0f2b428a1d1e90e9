import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsResponse } from '../../src/server/metrics/types.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { freshStoreOptions, STORE_KINDS } from '../helpers/stores.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

const DAY = 86_400_000;
const server = (vulnerable: boolean) =>
  [
    "const { exec, execFile } = require('node:child_process');",
    "const express = require('express');",
    'const app = express();',
    "app.get('/files', (req, res) => {",
    vulnerable
      ? "  exec('ls ' + req.query.dir, (err, out) => res.send(out));"
      : "  execFile('ls', ['--', String(req.query.dir)], (err, out) => res.send(out));",
    '});',
    '',
  ].join('\n');

describe.each(STORE_KINDS)('MTTD and MTTR from two pushed scans, by API and CLI alike (%s)', (kind) => {
  let dir: string;
  let env: Record<string, string>;
  let storeArgs: string[];
  let serve: ServeProcess;
  let cleanup: () => void;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanguard-metrics-cli-'));
    const opts = await freshStoreOptions(kind);
    cleanup = opts.cleanup;
    // The blame cache goes to the test's own folder, never the user's.
    env = {
      XDG_CACHE_HOME: join(dir, 'cache'),
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    };
    storeArgs = opts.dataDir ? ['--data-dir', opts.dataDir] : [];
    serve = await startServe(storeArgs, env);
  });
  afterAll(async () => {
    await serve.stop();
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a fix between two scans gives the right numbers', { timeout: 300_000 }, async () => {
    const push = JSON.parse(
      runCli(['admin', 'token', 'create', '--project', 'shop', '--json', ...storeArgs], { env }).stdout,
    ) as { token: string };
    const viewer = JSON.parse(
      runCli(['admin', 'user', 'add', 'lead', '--role', 'viewer', '--json', ...storeArgs], { env }).stdout,
    ) as { token: string };

    // The vulnerable line was committed ten days ago; the scan finds it now.
    const introduced = new Date(Date.now() - 10 * DAY).toISOString();
    const repo = new TestRepo();
    repo.commitAt(introduced, 'files endpoint', { 'app/server.js': server(true) });
    const scanAndPush = (name: string): void => {
      const out = join(dir, name);
      const scan = runCli(
        ['scan', repo.dir, '--only', 'code', '--format', 'json', '-o', out, '--no-progress'],
        { env },
      );
      expect([0, 1], scan.stderr).toContain(scan.code);
      const pushed = runCli(['push', out, '--server', serve.url, '--branch', 'main'], {
        env: { ...env, VANGUARD_TOKEN: push.token },
      });
      expect(pushed.code, pushed.stderr).toBe(0);
    };
    scanAndPush('first.json');
    const first = JSON.parse(readFileSync(join(dir, 'first.json'), 'utf8')) as {
      findings: { ruleId: string; severity: 'critical' | 'high'; introducedAt?: string }[];
    };
    expect(first.findings.map((f) => [f.ruleId, f.introducedAt])).toEqual([
      ['code/js-command-injection', introduced.replace(/\.\d{3}Z$/, '.000Z')],
    ]);
    repo.commit('use execFile', { 'app/server.js': server(false) });
    scanAndPush('second.json');

    const res = await fetch(`${serve.url}/api/v1/metrics`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(res.status).toBe(200);
    const api = (await res.json()) as MetricsResponse;
    expect(api.mttd.overall.count).toBe(1);
    expect(api.mttd.overall.meanDays!).toBeGreaterThan(9.99);
    expect(api.mttd.overall.meanDays!).toBeLessThan(10.01);
    expect(api.mttd.bySeverity[first.findings[0]!.severity].count).toBe(1);
    // Fixed by the second scan, seconds after the first.
    expect(api.mttr.overall.count).toBe(1);
    expect(api.mttr.overall.meanDays!).toBeLessThan(0.01);
    expect(api.netResolveRate).toMatchObject({ opened: 1, closed: 1, rate: 1 });
    expect(api.totals.open).toBe(0);

    const cli = runCli(['metrics', '--server', serve.url, '--format', 'json'], {
      env: { ...env, VANGUARD_TOKEN: viewer.token },
    });
    expect(cli.code, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as MetricsResponse;
    expect(fromCli.mttd).toEqual(api.mttd);
    expect(fromCli.mttr).toEqual(api.mttr);
    expect(fromCli.phases).toEqual(api.phases);

    const md = runCli(
      [
        'metrics',
        '--server',
        serve.url,
        '--token',
        viewer.token,
        '--format',
        'markdown',
        '--project',
        'shop',
      ],
      { env },
    );
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| MTTD (median) |');
    expect(md.stdout).toMatch(/; projects shop; 1 project$/m);
    expect(md.stdout).toContain('over 1 finding;');
    const html = join(dir, 'metrics.html');
    const page = runCli(
      ['metrics', '--server', serve.url, '--token', viewer.token, '--format', 'html', '-o', html],
      { env },
    );
    expect(page.code, page.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(text).not.toMatch(/<script|https?:\/\//);

    const unknown = runCli(['metrics', '--server', serve.url, '--token', viewer.token, '--project', 'nope'], {
      env,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no project nope/);
  });
});
