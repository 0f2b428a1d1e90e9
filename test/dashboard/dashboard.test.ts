import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { seedOrganisation } from '../helpers/dashboard-seed.js';
import { makeFinding, makeResult } from '../helpers/scan-result.js';
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
      ['rey', 'reporter'],
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
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
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
    // Where the page is, in words with their spaces (a line break in the markup once ate one: "of1").
    expect(await page.locator('.pager [role=status]').textContent()).toBe('1–1 of 1');
    expect(new URL(page.url()).searchParams.get('severity')).toBe('critical');
    // A taint finding's page says how it was established and shows the path from source to sink.
    await page.getByRole('link', { name: 'SQL built from request input' }).click();
    await page.getByRole('heading', { name: 'SQL built from request input' }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Taint: a source was followed');
    const flow = page.getByLabel('Data flow from source to sink');
    await expect
      .poll(() => flow.locator('li').allTextContents())
      .toEqual([
        expect.stringMatching(/source\s*src\/routes\/users\.js:8[\s—]*req\.query\.id/),
        expect.stringMatching(/step\s*src\/routes\/users\.js:9[\s—]*findUser\(…\)/),
        expect.stringMatching(/sink\s*src\/users\.js:12[\s—]*db\.query\(sql\)/),
      ]);
    await page.screenshot({ path: join(ARTIFACTS, 'finding-flow.png'), fullPage: true });
    await page.goBack();
    await page.getByRole('heading', { name: 'Findings' }).waitFor();

    // The list arriving while the user types (held back here until they have typed) keeps their text.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/findings?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Search').fill('aws');
    release();
    await expect.poll(() => page.locator('table.findings tbody tr').count()).toBe(8);
    await page.unroute('**/api/v1/findings?*');
    expect(await page.getByLabel('Search').inputValue()).toBe('aws');
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

  it('draws the overview: headline numbers, uPlot charts on canvas, the principles heat map', async () => {
    const { page, problems } = await signIn('vic');
    await page.getByRole('heading', { name: 'Organisation overview' }).waitFor();
    await page.locator('.tile-value').first().waitFor();
    const mttr = page.getByRole('group', { name: /MTTR/ });
    await expect.poll(() => mttr.textContent()).toMatch(/over 1 closed/);
    // Every chart is a uPlot canvas with a real size (uPlot draws once it has data and a width);
    // those below the first screen are drawn when the browser is idle or the page scrolls there.
    await page.locator('.plot canvas').first().waitFor();
    await expect.poll(() => page.locator('.plot canvas').count()).toBe(await page.locator('.plot').count());
    // Page code as text: the test's TypeScript has no DOM types.
    const sizes = await page.evaluate<[number, number][]>(
      "[...document.querySelectorAll('.plot canvas')].map((c) => [c.width, c.height])",
    );
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    // Each key names every series drawn (the first was once hidden with the periods' entry).
    expect(await page.locator('.u-legend').first().textContent()).toMatch(/Median.*Mean.*Target/);
    for (const [w, h] of sizes) expect(w * h).toBeGreaterThan(10_000);
    // uPlot drew something: the first chart's canvas is not blank.
    const inked = await page.evaluate<number>(`(() => {
      const c = document.querySelector('.plot canvas');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      return n;
    })()`);
    expect(inked).toBeGreaterThan(100);
    // The heat map names its numbers: payments has two open zoning findings, the worst critical.
    // (It is drawn after the first screen, when the browser is idle.)
    const cell = page.getByRole('link', { name: /^payments, Zoning containment: 2 open, worst critical/ });
    await expect.poll(() => cell.count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets a reporter file an anomaly and follow it; an admin routes the unrouted one', async () => {
    const { page, problems } = await signIn('rey');
    await page.getByRole('heading', { name: 'Report an anomaly' }).waitFor();
    expect(await page.getByRole('link', { name: 'Findings' }).count()).toBe(0);
    await page.getByLabel('What did you see?').fill('The order page shows another customer’s address');
    await page.getByLabel('Where?').fill('https://shop.example.test/orders/1042');
    await page.getByLabel(/High/).check();
    await page.getByLabel('Project (if you know it)').fill('payments');
    await page.getByRole('button', { name: 'Send report' }).click();
    const said = page.locator('form [role=status]');
    await expect.poll(() => said.innerText()).toMatch(/report #\d+ is filed and went to payments/);
    await page.screenshot({ path: join(ARTIFACTS, 'report-filed.png'), fullPage: true });
    await page.getByLabel('What did you see?').fill('A debug console answers on port 9229');
    await page.getByLabel('Where?').fill('build-agent-7.example.test');
    await page.getByLabel(/Low/).check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => said.innerText()).toMatch(/an administrator will route it/);
    await page.screenshot({ path: join(ARTIFACTS, 'report-form.png'), fullPage: true });
    await page.getByRole('link', { name: 'My reports' }).first().click();
    const rows = page.locator('main table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/payments.*Open/);
    await expect.poll(() => rows.nth(0).textContent()).toMatch(/waiting for an administrator/);
    await page.screenshot({ path: join(ARTIFACTS, 'my-reports.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();

    const admin = await signIn('ada');
    await admin.page.getByRole('link', { name: 'Unrouted' }).click();
    const form = admin.page.getByRole('form', { name: /Assign detection/ });
    await expect.poll(() => form.count()).toBe(1);
    await admin.page.screenshot({ path: join(ARTIFACTS, 'unrouted.png'), fullPage: true });
    await form.getByLabel('Project').selectOption('identity');
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect
      .poll(() => admin.page.locator('main > p[role=status]').innerText())
      .toMatch(/assigned to identity \(finding #\d+\)/);
    await admin.page.getByText('Nothing is waiting').waitFor();
    expect(admin.problems).toEqual([]);
    await admin.page.context().close();
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

  it("says on a finding's page that only audit-profile scans report it", async () => {
    // An audit-profile scan of its own project (the other tests count the seeded projects' findings).
    const lead = makeFinding({
      fingerprint: 'tools-audit-lead',
      ruleId: 'code/js-command-injection-audit',
      severity: 'medium',
      confidence: 'low',
      title: 'Command run from a value the program does not fix',
      message: 'exec(cmd) runs a command built from an argument the function is given.',
      remediation: 'Pass the program and its arguments apart: execFile(program, [arg]).',
      location: { path: 'src/tools/run.js', startLine: 7, snippet: 'exec(cmd)' },
      cwe: [78],
      tier: 'audit',
    });
    const res = await fetch(`${server.url}/api/v1/reports?project=tools&branch=main`, {
      method: 'POST',
      headers: { authorization: `Bearer ${users.ada!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(makeResult([lead], undefined, { profile: 'audit' })),
    });
    expect(res.status, await res.text()).toBe(201);
    const { page, problems } = await signIn('mia');
    await page.getByRole('link', { name: 'Findings' }).click();
    await page.getByLabel('Search').fill('does not fix');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: lead.title }).click();
    await page.getByRole('heading', { name: lead.title }).waitFor();
    await expect
      .poll(() => page.locator('dl.facts').textContent())
      .toContain('reported only by scans with --profile audit');
    await page.screenshot({ path: join(ARTIFACTS, 'finding-audit-only.png'), fullPage: true });
    // A finding a default scan reported says nothing of the profile.
    await page.goBack();
    await page.getByLabel('Search').fill('SQL built');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: 'SQL built from request input' }).click();
    await page.getByRole('heading', { name: 'SQL built from request input' }).waitFor();
    await expect.poll(() => page.locator('dl.facts').textContent()).toContain('Taint: a source was followed');
    expect(await page.locator('dl.facts').textContent()).not.toContain('Profile');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
