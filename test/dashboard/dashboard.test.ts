import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { seedOrganisation } from '../helpers/dashboard-seed.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';
import { freshStoreOptions } from '../helpers/stores.js';

/**
 * The dashboard end to end: a real `vanguard serve` (built dist/, SQLite), data pushed through the
 * API, Debian's Chromium driven by playwright-core. Screenshots go to test-artifacts/ for people.
 */

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

interface Account {
  password: string;
  token: string;
}

describe.skipIf(!haveBrowser)('the dashboard in Chromium', () => {
  let server: ServeProcess;
  let browser: Browser;
  let cleanup: () => void;
  const users: Record<string, Account> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const opts = await freshStoreOptions('sqlite');
    cleanup = opts.cleanup;
    const storeArgs = ['--data-dir', opts.dataDir!];
    for (const [name, role] of [
      ['ada', 'admin'],
      ['mia', 'member'],
      ['vic', 'viewer'],
    ] as const) {
      const r = runCli(['admin', 'user', 'add', name, '--role', role, '--json', ...storeArgs]);
      expect(r.code, r.stderr).toBe(0);
      users[name] = JSON.parse(r.stdout) as Account;
    }
    server = await startServe(storeArgs, {});
    await seedOrganisation(server.url, users.ada!.token);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cleanup?.();
  });

  /** A fresh browser context signed in through the form; collects console errors and failed requests. */
  async function signIn(name: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(server.url);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Password').fill(users[name]!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { page, problems };
  }

  it('serves the app with a strict CSP, hashed assets and SPA routing; API misses stay JSON', async () => {
    const index = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests'); // plain HTTP here
    const html = await index.text();
    expect(html).not.toMatch(/<script>|<style|style=/); // nothing inline
    const script = /src="(\/assets\/app-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const etag = js.headers.get('etag')!;
    expect((await fetch(`${server.url}${script}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const deep = await fetch(`${server.url}/findings/1`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const api = await fetch(`${server.url}/api/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('lets a member sign in, filter the findings, triage one and see it in its history', async () => {
    const { page, problems } = await signIn('mia');
    await page.getByRole('link', { name: 'Findings' }).click();
    await page.getByRole('heading', { name: 'Findings' }).waitFor();
    await expect.poll(() => page.locator('table.findings tbody tr').count()).toBe(8);
    await page.screenshot({ path: join(ARTIFACTS, 'findings.png'), fullPage: true });

    await page.getByLabel('Severity').selectOption('critical');
    await expect.poll(() => page.locator('table.findings tbody tr').count()).toBe(1);
    await expect
      .poll(() => page.locator('table.findings tbody').textContent())
      .toContain('SQL built from request input');
    expect(new URL(page.url()).searchParams.get('severity')).toBe('critical');

    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Search').fill('aws');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('table.findings tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'AWS access key in configuration' }).click();
    await page.getByRole('heading', { name: 'AWS access key in configuration' }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('config/prod.env:3');

    await page.getByLabel('Action').selectOption('false-positive');
    await page.getByLabel('Reason').fill('Documented example key, not a live credential');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Status changed.').waitFor();
    const history = page.locator('ol.timeline');
    await expect.poll(() => history.textContent()).toContain('Documented example key, not a live credential');
    await expect.poll(() => page.locator('p.lead').textContent()).toContain('False positive');

    await page.getByLabel('Action').selectOption('comment');
    await page.getByLabel('Comment').fill('Checked with the payments team.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => history.textContent()).toContain('mia commented');
    await page.screenshot({ path: join(ARTIFACTS, 'finding-triaged.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('does not offer triage to a viewer', async () => {
    const { page, problems } = await signIn('vic');
    await page.goto(`${server.url}/findings?status=any&q=lodash`);
    await page.getByRole('link', { name: /lodash/ }).click();
    await page.getByRole('heading', { name: /lodash/ }).waitFor();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('can read findings but not triage them');
    expect(await page.getByLabel('Action').count()).toBe(0);
    await expect.poll(() => page.locator('main').textContent()).toContain('express-helper → lodash');
    await page.screenshot({ path: join(ARTIFACTS, 'finding-viewer.png'), fullPage: true });
    expect(await page.getByRole('link', { name: 'Tokens' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows an admin the tokens, users and jobs, and a project page', async () => {
    const { page, problems } = await signIn('ada');
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Project').fill('payments');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.locator('.once input').first();
    await expect.poll(() => shown.inputValue()).toMatch(/^vgp_/);
    await page.screenshot({ path: join(ARTIFACTS, 'tokens.png'), fullPage: true });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => page.locator('main table').textContent()).toContain('vic');
    await page.getByRole('link', { name: 'Import jobs' }).click();
    await page.getByRole('heading', { name: 'Import jobs' }).waitFor();
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: 'payments' }).click();
    await page.getByRole('link', { name: 'Scans' }).click();
    await expect.poll(() => page.locator('main table tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'project-scans.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
