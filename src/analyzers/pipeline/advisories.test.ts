import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeMemoryProjectContext } from '../../core/source-file.js';
import { importRecords } from '../deps/db/import.js';
import { closeDepsDatabase } from '../deps/index.js';
import { runOn } from '../iac/examples/run.js';
import { pipelineAnalyzer } from './index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const workflow = (uses: string) =>
  `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`;

// A hand-written OSV record in the `GitHub Actions` ecosystem, shaped like the real GHSA exports.
const RECORD = {
  id: 'GHSA-test-0000-0001',
  summary: 'Command injection through the title input',
  modified: '2025-01-01T00:00:00Z',
  database_specific: { severity: 'HIGH' },
  affected: [
    {
      package: { ecosystem: 'GitHub Actions', name: 'some-org/vuln-action' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.1.0' }] }],
    },
  ],
};

describe('known-vulnerable actions', () => {
  afterAll(() => closeDepsDatabase());

  it('matches tags and SHA pins with a version comment against the OSV database', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'vg-osv-')), 'osv.sqlite');
    importRecords(dbPath, [{ record: RECORD }], 'test');
    const at = async (uses: string) =>
      (await runOn(pipelineAnalyzer, '.github/workflows/ci.yml', workflow(uses), {}, { dbPath }))
        .filter((f) => f.ruleId === 'pipeline/gha-known-vulnerable-action')
        .map((f) => f.message);
    expect(await at('some-org/vuln-action@v2.0.0')).toEqual([expect.stringContaining('GHSA-test-0000-0001')]);
    expect(await at(`some-org/vuln-action@${SHA} # v1.4.0`)).toEqual([
      expect.stringContaining('fixed in 2.1.0'),
    ]);
    expect(await at('some-org/vuln-action@v2.1.0')).toEqual([]);
    expect(await at(`some-org/vuln-action@${SHA} # v2.2.0`)).toEqual([]);
  });

  it('says plainly when there is no database, and still reports known-compromised versions', async () => {
    const ctx = makeMemoryProjectContext({}, { dbPath: join(tmpdir(), 'vg-no-such-db', 'osv.sqlite') });
    await pipelineAnalyzer.prepare!(ctx);
    expect(ctx.warnings.join('\n')).toContain('no advisory database');
    const fs = await runOn(
      pipelineAnalyzer,
      '.github/workflows/ci.yml',
      workflow('tj-actions/changed-files@v44.5.1'),
      {},
      {
        dbPath: join(tmpdir(), 'vg-no-such-db', 'osv.sqlite'),
      },
    );
    expect(fs.find((f) => f.ruleId === 'pipeline/gha-known-vulnerable-action')?.message).toContain(
      'GHSA-mrrh-fwg8-r2c3',
    );
  });
});
