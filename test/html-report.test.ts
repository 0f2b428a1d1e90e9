import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../src/report/html.js';
import { junitReport } from '../src/report/junit.js';
import { haveBrowser, launchChromium } from './helpers/browser.js';
import { hostileFinding } from './helpers/hostile.js';
import { makeFinding, makeResult } from './helpers/scan-result.js';

const findings = [
  makeFinding({
    ruleId: 'secrets/aws-access-key',
    analyzer: 'secrets',
    title: 'AWS access key',
    severity: 'critical',
    location: { path: 'config/prod.env', startLine: 3 },
  }),
  makeFinding({ severity: 'high', location: { path: 'src/users.js', startLine: 12 } }),
  makeFinding({
    ruleId: 'iac/k8s-privileged',
    analyzer: 'iac',
    title: 'Privileged container',
    severity: 'medium',
    location: { path: 'k8s/deploy.yaml', startLine: 20 },
  }),
  makeFinding({
    ruleId: 'pipeline/unpinned-action',
    analyzer: 'pipeline',
    title: 'Action not pinned',
    severity: 'low',
    location: { path: '.github/workflows/ci.yml', startLine: 14 },
  }),
  makeFinding({
    ruleId: 'code/js-weak-random',
    severity: 'high',
    title: 'Weak random',
    suppression: { kind: 'exception', reason: 'not security relevant', expires: '2026-12-31' },
    location: { path: 'src/id.js', startLine: 2 },
  }),
  hostileFinding(),
];

describe.skipIf(!haveBrowser)('HTML report in a headless browser', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'vg-html-'));
    const file = join(dir, 'report.html');
    await writeFile(
      file,
      htmlReport(
        makeResult(findings, {
          failed: true,
          reason: 'failed: 3 findings at or above high (2 critical, 1 high)',
          blocking: 3,
        }),
        { tty: false },
      ),
    );
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const visibleRules = (): Promise<string[]> =>
    page.locator('#findings tbody tr:not([hidden]) td.rule code').allTextContents();

  it('renders the gate and the unsuppressed findings, with the script allowed by the CSP', async () => {
    expect(await page.textContent('#gate')).toContain('failed: 3 findings at or above high');
    expect(await visibleRules()).toEqual([
      'secrets/aws-access-key',
      'code/js-sql-injection',
      'iac/k8s-privileged',
      'pipeline/unpinned-action',
      'code/js-xss',
    ]);
    // The count is written by the script: it ran under the page's CSP.
    expect(await page.textContent('#f-count')).toBe('5 of 6 findings shown');
  });

  it('filters by minimum severity', async () => {
    await page.selectOption('#f-severity', { label: 'high and above' });
    expect(await visibleRules()).toEqual(['secrets/aws-access-key', 'code/js-sql-injection', 'code/js-xss']);
    await page.selectOption('#f-severity', { label: 'critical' });
    expect(await visibleRules()).toEqual(['secrets/aws-access-key', 'code/js-xss']);
    await page.selectOption('#f-severity', { label: 'all' });
    expect(await visibleRules()).toHaveLength(5);
  });

  it('filters by analyzer', async () => {
    await page.selectOption('#f-analyzer', 'iac');
    expect(await visibleRules()).toEqual(['iac/k8s-privileged']);
    await page.selectOption('#f-analyzer', '');
  });

  it('filters by text and says when nothing matches', async () => {
    await page.fill('#f-text', 'DEPLOY.yaml');
    expect(await visibleRules()).toEqual(['iac/k8s-privileged']);
    expect(await page.isVisible('#no-match')).toBe(false);
    await page.fill('#f-text', 'no such thing anywhere');
    expect(await visibleRules()).toEqual([]);
    expect(await page.isVisible('#no-match')).toBe(true);
    expect(await page.textContent('#f-count')).toBe('0 of 6 findings shown');
    await page.fill('#f-text', '');
  });

  it('shows suppressed findings on request', async () => {
    await page.check('#f-suppressed');
    expect(await visibleRules()).toContain('code/js-weak-random');
    await page.uncheck('#f-suppressed');
    expect(await visibleRules()).not.toContain('code/js-weak-random');
  });

  it('renders hostile content as text, runs none of it, and loads nothing else', async () => {
    const message = await page.textContent('tr[data-rank="0"] .message >> nth=1');
    expect(message).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img', (s) => s.length)).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([page.url()]);
  });

  it('produces well-formed JUnit XML (checked by the browser parser)', async () => {
    // The test program has no DOM types; the check runs as page code.
    const parseError = (xml: string): Promise<string> =>
      page.evaluate<string>(
        `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');` +
          ` const e = d.getElementsByTagName('parsererror')[0]; return e ? e.textContent : ''; })()`,
      );
    expect(await parseError('<a><b></a>')).not.toBe('');
    expect(await parseError(junitReport(makeResult(findings), { tty: false }))).toBe('');
  });
});
