import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform, type Platform } from '../../../test/helpers/platform.js';

/** Serving a built dashboard (a small stand-in build here; the browser test uses the real one). */
describe('the dashboard files', () => {
  let p: Platform;
  let bare: Platform;
  const dir = mkdtempSync(join(tmpdir(), 'vg-dash-'));
  const script = `app-ABC123.js`;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><script type="module" src="/assets/${script}"></script>`,
    );
    writeFileSync(join(dir, 'assets', script), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ index: 'index.html', assets: [script] }));
    p = await platform('sqlite', { dashboardDir: dir });
    bare = await platform('sqlite', { dashboardDir: join(dir, 'missing') });
  });
  afterAll(async () => {
    await p.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the index with no-cache and an ETag, and 304 when it is unchanged', async () => {
    const r = await p.app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const again = await p.app.inject({ url: '/', headers: { 'if-none-match': String(r.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('serves hashed assets for a year, gzipped when asked, and 404s unknown ones as JSON', async () => {
    const plain = await p.app.inject({ url: `/assets/${script}` });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toContain('console.log');
    const gz = await p.app.inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const missing = await p.app.inject({ url: '/assets/app-OLD.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await p.app.inject({ url: '/assets/..%2Fmanifest.json' })).statusCode).toBe(404);
  });

  it('routes page paths to the index, and keeps API misses and non-page requests JSON 404s', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const page = await p.app.inject({ url: '/findings/12?status=open', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(script);
    const projectWithDot = await p.app.inject({ url: '/projects/my.app', headers: html });
    expect(projectWithDot.statusCode).toBe(200);
    const api = await p.app.inject({ url: '/api/v1/nope', headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const json = await p.app.inject({ url: '/findings/12', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    const post = await p.app.inject({ method: 'POST', url: '/findings', headers: html });
    expect(post.statusCode).toBe(404);
  });

  it('says how to build the dashboard when it is not built, and the API still works', async () => {
    const r = await bare.app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/npm run build/);
    expect((await bare.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
