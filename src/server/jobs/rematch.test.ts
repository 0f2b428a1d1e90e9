import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../analyzers/deps/db/import.js';
import type { OsvRecord } from '../../analyzers/deps/osv/types.js';
import { bearer, platform, pushToken, type Platform } from '../../../test/helpers/platform.js';
import { STORE_KINDS } from '../../../test/helpers/stores.js';

describe.each(STORE_KINDS)('re-matching stored inventories (%s)', (kind) => {
  let p: Platform;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanguard-rematch-'));
    p = await platform(kind, {}, join(dir, 'osv.sqlite'));
  });
  afterAll(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens findings for newly affected packages without a pipeline run, saying they came from re-match', async () => {
    const token = await pushToken(p.store, 'legacy');
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [
        { 'bom-ref': 'a', purl: 'pkg:npm/lodash@4.17.20', name: 'lodash', version: '4.17.20' },
        { 'bom-ref': 'b', purl: 'pkg:npm/left-pad@1.3.0', name: 'left-pad', version: '1.3.0' },
      ],
    };
    const r = await p.app.inject({
      method: 'POST',
      url: '/api/v1/reports?branch=main',
      headers: bearer(token),
      payload: bom,
    });
    expect(r.json()).toMatchObject({ total: 0 });
    // The advisory database is updated on the server after the push.
    const record = {
      id: 'GHSA-35jh-r3h4-6jhm',
      modified: '2026-01-01T00:00:00Z',
      summary: 'Command Injection in lodash',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lodash' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
        },
      ],
      database_specific: { severity: 'HIGH', cwe_ids: ['CWE-77'] },
    } as unknown as OsvRecord;
    importRecords(join(dir, 'osv.sqlite'), [{ record }], 'test');
    const job = await p.app.inject({
      method: 'POST',
      url: '/api/v1/advisories/rematch',
      headers: bearer(p.tokens.admin),
    });
    expect(job.statusCode).toBe(202);
    await p.queue.idle();
    const list = await p.app.inject({
      url: '/api/v1/projects/legacy/findings?detectedBy=rematch',
      headers: bearer(p.tokens.viewer),
    });
    const items = list.json<{
      items: { ruleId: string; status: string; tools: string[]; message: string; severity: string }[];
    }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      ruleId: 'deps/vulnerable-package',
      status: 'open',
      tools: ['rematch'],
      severity: 'high',
    });
    expect(items[0]!.message).toMatch(/GHSA-35jh-r3h4-6jhm .*re-matching the stored inventory/);
    // Re-matching again finds nothing new.
    await p.app.inject({
      method: 'POST',
      url: '/api/v1/advisories/rematch',
      headers: bearer(p.tokens.admin),
    });
    await p.queue.idle();
    const again = await p.app.inject({
      url: '/api/v1/projects/legacy/findings',
      headers: bearer(p.tokens.viewer),
    });
    expect(again.json<{ total: number }>().total).toBe(1);
  });
});
