// The dashboard's first view with 100,000 findings stored (issue #15 target: under 1 s).
// Fills a fresh SQLite store directly (100 projects, findings over a year, ~40 % fixed), starts
// `vanguard serve` from dist/, signs in with Debian's Chromium and times in the page, from the click
// on "Sign in": the signed-in shell, the overview drawn (charts on canvas; its metrics as a running
// server keeps them, computed at start), then the findings list's first page, a filtered page and a
// search; then the first view's requests and the API calls' server times.
// Usage: node bench/dashboard/first-view.mjs [--findings N] [--keep DIR] [--trace FILE] [--assert]
// (run `npm run build` first; --keep fills DIR once and reuses it; --trace writes a Chromium trace
// of the first view; --assert exits 1 when a view takes 1 s or more).
/* global document, location, requestAnimationFrame, window -- callbacks that run in the page */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { openStore } = await import(dist('server/store/open.js'));
const { addUser } = await import(dist('server/auth/accounts.js'));
const { rebuildRollup } = await import(dist('server/metrics/rollup-build.js'));
const { maskOf, OWASP_BITS, PRINCIPLE_BITS } = await import(dist('server/store/labels.js'));

/**
 * Server time of an API call: the first request, and the median of five (the metrics route caches
 * an answer until the data changes, so its first request is the one a first view waits for).
 */
async function apiTime(url, token, path) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    times.push(performance.now() - t);
  }
  const first = Math.round(times[0]);
  return `first ${first} ms, median of 5 ${Math.round(times.sort((a, b) => a - b)[2])} ms`;
}

/**
 * Times steps in the page itself: from the user's event (the click, or the select's change) to the
 * first animation frame in which each step's view is there. Waiting from the test driver instead
 * (locator.waitFor) polls at up to 500 ms intervals, which added as much to the figures before.
 */
async function timed(page, steps, act) {
  await page.evaluate((names) => {
    const rows = () => [...document.querySelectorAll('table.findings tbody tr')];
    const idle = () => !document.querySelector('.table-wrap.loading');
    const checks = {
      // Signed in: the session made and the shell drawn (the rest of the overview is its metrics).
      signin: () => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Sign out'),
      // The overview drawn: its numbers and a uPlot canvas.
      overview: () => document.querySelector('.tile-value') && document.querySelector('.plot canvas'),
      findings: () => rows().length > 0,
      // The filtered page itself (the old one stays on screen, marked loading, until it arrives).
      filtered: () =>
        location.search.includes('severity=critical') &&
        idle() &&
        rows().length > 0 &&
        rows().every((r) => r.querySelector('.sev-critical')) &&
        /of [\d,]+/.test(document.querySelector('.pager [role=status]')?.textContent ?? ''),
      search: () =>
        location.search.includes('q=') &&
        idle() &&
        (rows().length > 0
          ? rows().every((r) => r.textContent.includes('module-42/'))
          : document.querySelector('p.empty') !== null),
    };
    const w = { start: 0, at: {} };
    window.vgTimes = w;
    const begin = () => {
      w.start ||= performance.now();
    };
    for (const e of ['click', 'change']) document.addEventListener(e, begin, { capture: true, once: true });
    const tick = () => {
      if (w.start)
        for (const n of names)
          if (w.at[n] === undefined && checks[n]()) w.at[n] = Math.round(performance.now() - w.start);
      if (names.some((n) => w.at[n] === undefined)) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, steps.split(','));
  await act();
  await page.waitForFunction(
    (names) => names.every((n) => window.vgTimes.at[n] !== undefined),
    steps.split(','),
    {
      polling: 'raf',
    },
  );
  return page.evaluate(() => window.vgTimes.at);
}

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('--findings', 100_000));
const KEEP = arg('--keep', undefined);
const TRACE = arg('--trace', undefined);
const PROJECTS = 100;
const SEV = ['critical', 'high', 'medium', 'medium', 'low', 'low', 'info'];
const ANALYZERS = ['secrets', 'deps', 'code', 'iac', 'pipeline', 'threats'];
const PHASES = ['design', 'code', 'code', 'build', 'build', 'test', 'release', 'runtime'];
const PRINCIPLES = ['encryption', 'authentication', 'logging', 'asset-management', 'zoning-containment'];
const DAY = 86_400_000;

// A fixed-seed generator (mulberry32), so every run stores the same data. The LCG used before
// multiplied in doubles past 2^53 and cycled after some 16,000 draws.
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

const dataDir = KEEP ?? mkdtempSync(join(tmpdir(), 'vg-firstview-'));
const reuse = KEEP !== undefined && existsSync(join(KEEP, 'vanguard.sqlite'));
const store = await openStore({ dataDir });
const t0 = Date.now();
const now = Date.now();
const user = `lead-${now}`;
const { password, token } = await addUser(store.db, user, 'viewer', 'bench');
if (reuse) console.log(`reusing ${KEEP} (its findings were stored relative to the day it was filled)`);
else await fill();
await store.close();

async function fill() {
  const projects = [];
  for (let p = 0; p < PROJECTS; p++)
    projects.push(
      (
        await store.db
          .insertInto('projects')
          .values({
            name: `service-${p}`,
            created_at: new Date(now - 400 * DAY).toISOString(),
            default_branch: 'main',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  // Ids grow with time, as in real use: the first-seen times are drawn first and sorted, then the
  // rows are made and written in that order, a chunk at a time (a million rows never sit in memory).
  const firsts = new Float64Array(N);
  for (let i = 0; i < N; i++) firsts[i] = now - Math.floor(rnd() * 365 * DAY);
  firsts.sort();
  const CHUNK = 500;
  for (let start = 0; start < N;) {
    await store.db.transaction().execute(async (trx) => {
      for (let k = 0; k < 40 && start < N; k++, start += CHUNK) {
        const rows = [];
        for (let i = start; i < Math.min(N, start + CHUNK); i++) rows.push(row(i, firsts[i], projects));
        await trx.insertInto('findings').values(rows).execute();
      }
    });
  }
  // Rows went straight into the table, past the writes that keep the metrics rollup: build it.
  await rebuildRollup(store.db, store.dialect);
  console.log(
    `stored ${N.toLocaleString('en')} findings in ${PROJECTS} projects in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

function row(i, first, projects) {
  const introduced = first - Math.floor(rnd() * 60 * DAY);
  const fixed = rnd() < 0.4 ? Math.min(now - 1000, first + Math.floor(rnd() * 90 * DAY)) : null;
  const analyzer = pick(ANALYZERS);
  const severity = pick(SEV);
  const path = `src/module-${i % 997}/file-${i % 113}.ts`;
  const principle = pick(PRINCIPLES);
  return {
    project_id: projects[i % PROJECTS],
    branch: 'main',
    fingerprint: `fp-${i}`,
    rule_id: `${analyzer}/rule-${i % 57}`,
    analyzer,
    severity,
    confidence: 'high',
    title: `Finding ${i} of rule ${i % 57}`,
    message: `What is wrong in ${path}`,
    remediation: 'Fix it.',
    path,
    start_line: 1 + (i % 400),
    location: JSON.stringify({ path, startLine: 1 + (i % 400) }),
    cwe: '[79]',
    owasp: '["A05:2025"]',
    principles: JSON.stringify([principle]),
    principle_mask: maskOf(PRINCIPLE_BITS, [principle]),
    owasp_mask: maskOf(OWASP_BITS, ['A05:2025']),
    tools: '["vanguard"]',
    phase: pick(PHASES),
    advisory: null,
    package_key: null,
    package: null,
    status: fixed ? 'fixed' : rnd() < 0.05 ? 'accepted' : 'open',
    status_source: 'scan',
    status_reason: null,
    accepted_owner: null,
    accepted_until: null,
    introduced_at: new Date(introduced).toISOString(),
    first_seen: new Date(first).toISOString(),
    last_seen: new Date(fixed ?? now).toISOString(),
    fixed_at: fixed ? new Date(fixed).toISOString() : null,
    sla_start: new Date(first).toISOString(),
    sla_due: new Date(first + 30 * DAY).toISOString(),
    detected_by: 'scan',
    first_scan_id: null,
    last_scan_id: null,
  };
}

const child = spawn(process.execPath, [dist('cli/main.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (b) => {
    out += b;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
});
// A first view on a running server, not one racing its start: wait for the work it does at start (the
// expiry sweep, planner statistics, today's metric snapshot) to be done, then a few seconds more.
for (let waited = 0; ; waited += 500) {
  const r = await fetch(`${url}/api/v1/metrics/snapshots`, { headers: { authorization: `Bearer ${token}` } });
  const body = await r.json();
  if (body.items?.length > 0 || waited > 120_000) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
await new Promise((resolve) => setTimeout(resolve, 5000));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const results = {};
const trace = { armed: 0, rows: [] };
const api = {};
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(url);
  await page.getByLabel('Name').fill(user);
  await page.getByLabel('Password').fill(password);
  // The browser's trace of the first view: each request from the click on, when it started and how
  // long it took to its last byte (what the overview waits for, in order).
  page.on('requestfinished', (req) => {
    const t = req.timing();
    if (!trace.armed || t.startTime < trace.armed) return;
    const path = new URL(req.url()).pathname + new URL(req.url()).search;
    trace.rows.push(
      `${req.method()} ${path}: at ${Math.round(t.startTime - trace.armed)} ms, took ${Math.round(t.responseEnd)} ms`,
    );
  });
  if (TRACE) await browser.startTracing(page, { path: TRACE, screenshots: true });
  trace.armed = Date.now();
  Object.assign(
    results,
    await timed(page, 'signin,overview', () => page.getByRole('button', { name: 'Sign in' }).click()),
  );
  trace.armed = 0;
  if (TRACE) await browser.stopTracing();
  Object.assign(
    results,
    await timed(page, 'findings', () => page.getByRole('link', { name: 'Findings' }).click()),
  );
  Object.assign(
    results,
    await timed(page, 'filtered', () => page.getByLabel('Severity').selectOption('critical')),
  );
  await page.getByLabel('Search').fill('module-42/');
  Object.assign(
    results,
    await timed(page, 'search', () => page.getByRole('button', { name: 'Apply' }).click()),
  );
} catch (err) {
  // What was measured before a step timed out is still worth printing (a million findings is slow).
  console.log(`stopped: ${err.message.split('\n')[0]}`);
  const shot = join(tmpdir(), 'vg-first-view-stopped.png');
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot of the page when it stopped: ${shot}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  try {
    // After the browser, so that these requests do not warm anything its views then find.
    for (const path of [
      '/api/v1/findings?status=open&sort=newest&limit=50&offset=0',
      '/api/v1/findings?status=open&severity=critical&sort=newest&limit=50&offset=0',
      '/api/v1/findings?status=open&q=module-42%2F&sort=newest&limit=50&offset=0',
      '/api/v1/findings?status=open&sort=severity&limit=50&offset=0',
      '/api/v1/projects?limit=500',
      // The overview's own request (kept computed by the server) and the monthly view it offers (not yet
      // computed: what a view the server does not keep costs on its first request).
      ...(process.argv.includes('--no-overview')
        ? []
        : ['/api/v1/metrics?interval=quarter', '/api/v1/metrics?interval=month']),
    ])
      api[path] = await apiTime(url, token, path);
  } finally {
    child.kill('SIGTERM');
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
for (const row of trace.rows) console.log(`first view ${row}`);
for (const [k, v] of Object.entries(api)) console.log(`API ${k}: ${v}`);
for (const [k, v] of Object.entries(results)) console.log(`browser ${k.padEnd(9)} ${v} ms`);
console.log(`load average ${load}, ${N.toLocaleString('en')} findings, Node ${process.version}`);
if (process.argv.includes('--assert') && Object.values(results).some((v) => v >= 1000)) process.exit(1);
