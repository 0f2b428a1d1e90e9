import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import type { Profile } from '../../core/profile.js';
import { sarifReport } from '../../report/sarif.js';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { listFindings } from '../store/findings-query.js';
import { ensureProject, ingestReport } from './ingest.js';
import { parseReport } from './parse.js';

// A lead only the opt-in audit profile reports, and a finding every profile reports.
const lead = (): Finding =>
  makeFinding({ fingerprint: 'fp-lead', ruleId: 'code/js-xss-audit', tier: 'audit', confidence: 'low' });
const proven = (): Finding => makeFinding({ fingerprint: 'fp-proven' });

describe.each(STORE_KINDS)('the rule profile of pushed scans on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  async function push(project: string, findings: Finding[], profile?: Profile, sarif = false) {
    const result = makeResult(findings, {}, profile ? { profile } : {});
    const doc: unknown = sarif ? JSON.parse(sarifReport(result, { tty: false })) : result;
    const target = { projectId: await ensureProject(store.db, project), branch: 'main', actor: 'test' };
    return ingestReport(store, parseReport(doc), target);
  }
  async function statuses(project: string): Promise<Record<string, string>> {
    const projectId = await ensureProject(store.db, project);
    const { items } = await listFindings(store.db, { limit: 100, offset: 0, sort: 'oldest', projectId });
    return Object.fromEntries(items.map((i) => [i.fingerprint, i.status]));
  }

  for (const format of ['json', 'sarif'] as const) {
    it(`a default-profile scan (${format}) leaves the audit profile's leads open; an audit scan closes them`, async () => {
      const p = `profiles-${format}`;
      const sarif = format === 'sarif';
      await push(p, [lead(), proven()], 'audit', sarif);
      const daily = await push(p, [proven()], 'default', sarif);
      expect(daily).toMatchObject({ fixed: 0 });
      expect(await statuses(p)).toEqual({ 'fp-lead': 'open', 'fp-proven': 'open' });
      // The default scan still closes what it looks for.
      expect(await push(p, [], 'default', sarif)).toMatchObject({ fixed: 1 });
      expect(await statuses(p)).toEqual({ 'fp-lead': 'open', 'fp-proven': 'fixed' });
      // The audit scan looks for the lead: it is gone, so fixed.
      expect(await push(p, [], 'audit', sarif)).toMatchObject({ fixed: 1 });
      expect(await statuses(p)).toEqual({ 'fp-lead': 'fixed', 'fp-proven': 'fixed' });
    });
  }

  it('a finding a default-profile scan once reported is closed by a later default scan, whatever audit scans saw', async () => {
    const p = 'profiles-settled';
    await push(p, [lead()], 'default');
    await push(p, [lead()], 'audit');
    expect(await push(p, [], 'default')).toMatchObject({ fixed: 1 });
    expect((await statuses(p))['fp-lead']).toBe('fixed');
  });

  it('a result that does not say its profile (before schemaVersion 1.6.0) closes as before', async () => {
    const p = 'profiles-unsaid';
    await push(p, [lead(), proven()], 'audit');
    expect(await push(p, [proven()])).toMatchObject({ fixed: 1 });
    expect((await statuses(p))['fp-lead']).toBe('fixed');
  });

  it('a lead stored before migration 14 stops being closed by default scans once an audit scan sees it again', async () => {
    // Written by a result that does not say its profile (a store upgraded from before schemaVersion 1.6.0).
    const p = 'profiles-upgraded';
    await push(p, [lead(), proven()]);
    await push(p, [lead(), proven()], 'audit');
    expect(await push(p, [proven()], 'default')).toMatchObject({ fixed: 0 });
    expect((await statuses(p))['fp-lead']).toBe('open');
    // A finding such a result held that a default scan reports again is settled as before.
    expect(await push(p, [], 'default')).toMatchObject({ fixed: 1 });
    expect(await statuses(p)).toEqual({ 'fp-lead': 'open', 'fp-proven': 'fixed' });
  });

  it('a finding whose shape moved to the audit profile stops being closed by default scans once an audit scan sees it', async () => {
    // Reported by default scans until an upgrade of Vanguard made its shape the audit profile's.
    const p = 'profiles-moved';
    await push(p, [lead(), proven()], 'default');
    expect(await push(p, [proven()], 'default')).toMatchObject({ fixed: 1 });
    expect(await push(p, [lead(), proven()], 'audit')).toMatchObject({ reopened: 1 });
    expect(await push(p, [proven()], 'default')).toMatchObject({ fixed: 0 });
    expect((await statuses(p))['fp-lead']).toBe('open');
  });

  it("a SARIF file that joins Vanguard's default-profile run with another tool's leaves the audit leads open", async () => {
    const p = 'profiles-sarif-runs';
    await push(p, [lead(), proven()], 'audit', true);
    const doc = JSON.parse(
      sarifReport(makeResult([proven()], {}, { profile: 'default' }), { tty: false }),
    ) as {
      runs: unknown[];
    };
    doc.runs.push({ tool: { driver: { name: 'Semgrep OSS' } }, results: [] });
    const target = { projectId: await ensureProject(store.db, p), branch: 'main', actor: 'test' };
    const parsed = parseReport(doc);
    expect(parsed.profile).toBe('default');
    expect(await ingestReport(store, parsed, target)).toMatchObject({ fixed: 0 });
    expect((await statuses(p))['fp-lead']).toBe('open');
  });

  it('refuses a profile it does not know', () => {
    const doc = { ...makeResult([proven()]), profile: 'paranoid' };
    expect(() => parseReport(doc)).toThrow(/profile/);
  });
});
