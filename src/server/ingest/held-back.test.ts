import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifReport } from '../../report/sarif.js';
import { runScan } from '../../scan/run-scan.js';
import type { Finding } from '../../core/finding.js';
import type { Profile } from '../../core/profile.js';
import type { HeldBack } from '../../core/result.js';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { listFindings } from '../store/findings-query.js';
import { ensureProject, ingestReport } from './ingest.js';
import { parseReport } from './parse.js';

// A default rule's finding whose shape only the audit profile reports (a credential in a test file), a lead of an
// audit-profile rule, and a finding every profile reports.
const moved = (): Finding => makeFinding({ fingerprint: 'fp-moved', ruleId: 'code/py-hardcoded-credential' });
const lead = (): Finding =>
  makeFinding({ fingerprint: 'fp-lead', ruleId: 'code/js-xss-audit', tier: 'audit', confidence: 'low' });
const proven = (): Finding => makeFinding({ fingerprint: 'fp-proven' });

/** What a default scan of this version says it left to the audit profile. */
const held = (fingerprints: string[]): HeldBack => ({
  analyzers: ['code'],
  fingerprints,
  rules: ['code/js-xss-audit'],
});

// A credential found by its name alone in a test file (the audit profile's), built at run time.
const PASSWORD = ['Vq7', 'mZ2', 'xP9', 'kL4', 'wR8'].join('');
const TREE = mkdtempSync(join(tmpdir(), 'vg-held-back-ingest-'));
mkdirSync(join(TREE, 'tests'));
writeFileSync(
  join(TREE, 'tests/test_login.py'),
  `def test_login(client):\n    password = "${PASSWORD}"\n    client.login("admin", password)\n`,
);
writeFileSync(join(TREE, 'app.py'), 'import os\nos.system("ls " + input())\n');
const realScan = async (profile: Profile): Promise<unknown> =>
  JSON.parse(
    JSON.stringify(
      await runScan({ path: TREE, workers: 1, failOn: 'none', only: ['secrets', 'code'], profile }),
    ),
  );

describe.each(STORE_KINDS)("a default-profile scan's held-back findings on %s", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  async function push(project: string, findings: Finding[], profile?: Profile, heldBack?: HeldBack) {
    const result = makeResult(
      findings,
      {},
      { ...(profile ? { profile } : {}), ...(heldBack ? { heldBack } : {}) },
    );
    const target = { projectId: await ensureProject(store.db, project), branch: 'main', actor: 'test' };
    return ingestReport(store, parseReport(JSON.parse(JSON.stringify(result))), target);
  }
  /** fingerprint → [status, audit_only] */
  async function rows(project: string): Promise<Record<string, [string, number | null]>> {
    const projectId = await ensureProject(store.db, project);
    const list = await store.db
      .selectFrom('findings')
      .select(['fingerprint', 'status', 'audit_only'])
      .where('project_id', '=', projectId)
      .execute();
    return Object.fromEntries(list.map((r) => [r.fingerprint, [r.status, r.audit_only]]));
  }

  it('default, audit, default: the finding the default scans hold back stays open, audit-only', async () => {
    const p = 'held-cycle';
    expect(await push(p, [proven()], 'default', held(['fp-moved']))).toMatchObject({ new: 1, fixed: 0 });
    expect(await push(p, [moved(), lead(), proven()], 'audit')).toMatchObject({ new: 2, fixed: 0 });
    expect(await push(p, [proven()], 'default', held(['fp-moved']))).toMatchObject({ fixed: 0 });
    expect(await rows(p)).toEqual({
      'fp-moved': ['open', 1],
      'fp-lead': ['open', 1],
      'fp-proven': ['open', 0],
    });
    // The API says which findings only audit scans report.
    const projectId = await ensureProject(store.db, p);
    const { items } = await listFindings(store.db, { limit: 10, offset: 0, sort: 'oldest', projectId });
    expect(Object.fromEntries(items.map((i) => [i.fingerprint, i.auditOnly]))).toEqual({
      'fp-moved': true,
      'fp-lead': true,
      'fp-proven': false,
    });
  });

  it('a finding default scans reported is not closed when its shape moves to the audit profile: it becomes audit-only', async () => {
    const p = 'held-moved';
    await push(p, [moved(), proven()], 'default', held([]));
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['open', 0] });
    // The next version's default scan holds the shape back.
    expect(await push(p, [proven()], 'default', held(['fp-moved']))).toMatchObject({ fixed: 0 });
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['open', 1] });
    // An audit scan reports it: it stays open and audit-only; a default scan that reports it again settles it.
    expect(await push(p, [moved(), proven()], 'audit')).toMatchObject({ fixed: 0, reopened: 0 });
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['open', 1] });
  });

  it("an audit rule's finding stored by a result that did not say its profile is not closed by a default scan that did not run the rule", async () => {
    const p = 'held-unrun';
    await push(p, [lead(), proven()]);
    expect(await rows(p)).toMatchObject({ 'fp-lead': ['open', null] });
    expect(await push(p, [proven()], 'default', held([]))).toMatchObject({ fixed: 0 });
    expect(await rows(p)).toMatchObject({ 'fp-lead': ['open', null] });
  });

  it('a finding really gone is closed: by the audit scan, or by a default scan of an analyzer that lists all it holds back', async () => {
    const p = 'held-gone';
    await push(p, [moved(), lead(), proven()], 'audit');
    // The file changed: the default scan neither reports nor holds back the moved shape's finding.
    expect(await push(p, [proven()], 'default', held([]))).toMatchObject({ fixed: 1 });
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['fixed', 1], 'fp-lead': ['open', 1] });
    // The audit scan no longer reports the lead either.
    expect(await push(p, [proven()], 'audit')).toMatchObject({ fixed: 1 });
    expect(await rows(p)).toMatchObject({ 'fp-lead': ['fixed', 1] });
  });

  it("keeps another analyzer's audit-only findings open when that analyzer does not list what it holds back", async () => {
    const p = 'held-other-analyzer';
    const lowered = makeFinding({ fingerprint: 'fp-compose', ruleId: 'iac/compose-x', analyzer: 'iac' });
    const result = (findings: Finding[], profile: Profile, heldBack?: HeldBack) => {
      const r = makeResult(findings, {}, { profile, ...(heldBack ? { heldBack } : {}) });
      r.analyzers = [
        { id: 'code', status: 'succeeded', filesAnalyzed: 1, findings: 0, durationMs: 1, errors: [] },
        { id: 'iac', status: 'succeeded', filesAnalyzed: 1, findings: 0, durationMs: 1, errors: [] },
      ];
      return JSON.parse(JSON.stringify(r)) as unknown;
    };
    const target = { projectId: await ensureProject(store.db, p), branch: 'main', actor: 'test' };
    await ingestReport(store, parseReport(result([lowered, proven()], 'audit')), target);
    const out = await ingestReport(store, parseReport(result([proven()], 'default', held([]))), target);
    expect(out).toMatchObject({ fixed: 0 });
    expect(await rows(p)).toMatchObject({ 'fp-compose': ['open', 1] });
  });

  it("an old client's default result without heldBack closes as before: audit-only findings stay, others close", async () => {
    const p = 'held-old-client';
    await push(p, [moved(), lead(), proven()], 'audit');
    await push(p, [moved(), proven()], 'default');
    expect(await push(p, [proven()], 'default')).toMatchObject({ fixed: 1 });
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['fixed', 0], 'fp-lead': ['open', 1] });
  });

  it('real scans, default then audit then default: nothing of the test file is closed', async () => {
    const target = { projectId: await ensureProject(store.db, 'held-real'), branch: 'main', actor: 'test' };
    const first = await ingestReport(store, parseReport(await realScan('default')), target);
    const audit = await ingestReport(store, parseReport(await realScan('audit')), target);
    expect(audit.new).toBeGreaterThan(0);
    expect(await ingestReport(store, parseReport(await realScan('default')), target)).toMatchObject({
      fixed: 0,
      total: first.total,
    });
    const stored = await store.db
      .selectFrom('findings')
      .select(['path', 'status', 'audit_only', 'message'])
      .where('project_id', '=', target.projectId)
      .execute();
    const tests = stored.filter((r) => r.path === 'tests/test_login.py');
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.every((r) => r.status === 'open' && r.audit_only === 1)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
  });

  it("reads a SARIF upload's heldBack (the run's invocation properties) as the JSON result's", async () => {
    const p = 'held-sarif';
    const sarif = (findings: Finding[], profile: Profile, heldBack?: HeldBack): unknown =>
      JSON.parse(
        sarifReport(makeResult(findings, {}, { profile, ...(heldBack ? { heldBack } : {}) }), { tty: false }),
      );
    const target = { projectId: await ensureProject(store.db, p), branch: 'main', actor: 'test' };
    await ingestReport(store, parseReport(sarif([moved(), proven()], 'default', held([]))), target);
    const parsed = parseReport(sarif([proven()], 'default', held(['fp-moved'])));
    expect(parsed.heldBack?.fingerprints).toEqual(['fp-moved']);
    expect(await ingestReport(store, parsed, target)).toMatchObject({ fixed: 0 });
    expect(await rows(p)).toMatchObject({ 'fp-moved': ['open', 1] });
  });

  it('refuses a malformed heldBack at the trust boundary, and ignores one in an audit result', () => {
    const bad = { ...makeResult([proven()], {}, { profile: 'default' }), heldBack: { fingerprints: 'x' } };
    expect(() => parseReport(bad)).toThrow(/heldBack/);
    const long = { ...makeResult([proven()], {}, { profile: 'default' }), heldBack: held(['x'.repeat(201)]) };
    expect(() => parseReport(long)).toThrow(/heldBack\.fingerprints\[0\]/);
    const audit = { ...makeResult([proven()], {}, { profile: 'audit' }), heldBack: held(['fp-moved']) };
    expect(parseReport(audit).heldBack).toBeUndefined();
  });
});
