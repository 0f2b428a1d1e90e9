import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FlowStep } from '../../core/finding.js';
import { sarifReport } from '../../report/sarif.js';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { findingHistory, listFindings, type FindingFilter } from '../store/findings-query.js';
import { ensureProject, ingestReport } from './ingest.js';
import { parseReport } from './parse.js';
import type { IngestTarget } from './types.js';

const ALL: FindingFilter = { limit: 100, offset: 0, sort: 'oldest' };

function sarif(
  tool: string,
  results: { ruleId: string; fp?: string; path: string; snippet: string }[],
  ok = true,
) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            rules: [
              {
                id: 'r1',
                shortDescription: { text: 'Rule one' },
                properties: { 'security-severity': '7.5', tags: ['external/cwe/cwe-89'] },
              },
            ],
          },
        },
        invocations: [{ executionSuccessful: ok }],
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: 'error',
          message: { text: 'bad' },
          ...(r.fp ? { partialFingerprints: { primaryLocationLineHash: r.fp } } : {}),
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.path },
                region: { startLine: 3, snippet: { text: r.snippet } },
              },
            },
          ],
        })),
      },
    ],
  };
}

describe.each(STORE_KINDS)('ingest on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  async function push(
    doc: unknown,
    project: string,
    branch = 'main',
  ): Promise<ReturnType<typeof ingestReport>> {
    const target: IngestTarget = { projectId: await ensureProject(store.db, project), branch, actor: 'test' };
    return ingestReport(store, parseReport(doc), target);
  }
  async function byFp(project: string, fp: string) {
    const id = await ensureProject(store.db, project);
    const { items } = await listFindings(store.db, { ...ALL, projectId: id });
    return items.find((i) => i.fingerprint === fp);
  }

  it('marks a finding fixed when a complete scan no longer reports it, and reopens it keeping first-seen', async () => {
    const a = makeFinding({ fingerprint: 'fp-a' });
    const b = makeFinding({ fingerprint: 'fp-b', severity: 'critical' });
    const first = await push(makeResult([a, b]), 'lifecycle');
    expect(first).toMatchObject({ total: 2, new: 2, fixed: 0 });
    const seen = (await byFp('lifecycle', 'fp-a'))!.firstSeen;

    const second = await push(makeResult([b]), 'lifecycle');
    expect(second).toMatchObject({ new: 0, fixed: 1, unchanged: 1 });
    const fixed = (await byFp('lifecycle', 'fp-a'))!;
    expect(fixed.status).toBe('fixed');
    expect(fixed.fixedAt).not.toBeNull();

    const third = await push(makeResult([a, b]), 'lifecycle');
    expect(third).toMatchObject({ new: 0, reopened: 1 });
    const back = (await byFp('lifecycle', 'fp-a'))!;
    expect(back).toMatchObject({ status: 'open', firstSeen: seen, fixedAt: null });
    const history = await findingHistory(store.db, back.id);
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, 'open'],
      ['open', 'fixed'],
      ['fixed', 'open'],
    ]);
    expect(history[1]!.reason).toMatch(/not reported by complete scan/);
    expect(history.every((h) => h.actor === 'test')).toBe(true);
  });

  it('keeps the introduction time a Vanguard SARIF carries, and refuses a malformed one', async () => {
    const f = makeFinding({ fingerprint: 'fp-intro' });
    f.introducedAt = '2026-03-04T05:06:07.000Z';
    f.introducedBy = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const doc = JSON.parse(sarifReport(makeResult([f]), { tty: false })) as {
      runs: { results: { properties: Record<string, unknown> }[] }[];
    };
    const props = doc.runs[0]!.results[0]!.properties;
    expect(props).toMatchObject({ introducedAt: f.introducedAt, introducedBy: f.introducedBy });
    await push(doc, 'sarif-intro');
    expect((await byFp('sarif-intro', 'fp-intro'))!.introducedAt).toBe('2026-03-04T05:06:07.000Z');
    // Without one, the finding simply has no introduction time.
    const plain = makeFinding({ fingerprint: 'fp-plain' });
    await push(JSON.parse(sarifReport(makeResult([plain]), { tty: false })), 'sarif-intro-2');
    expect((await byFp('sarif-intro-2', 'fp-plain'))!.introducedAt).toBeNull();
    props.introducedAt = 'last tuesday';
    expect(() => parseReport(doc)).toThrow(/properties\.introducedAt: not a date/);
  });

  it('closes probe findings only at the origins and hosts the new probe checked', async () => {
    const probeResult = (host: string, findings: Finding[]) =>
      makeResult(
        findings,
        {},
        {
          analyzers: [
            {
              id: 'probe',
              status: 'succeeded',
              filesAnalyzed: 1,
              findings: findings.length,
              durationMs: 1,
              errors: [],
            },
          ],
          probe: {
            targets: [{ url: `https://${host}/`, origin: `https://${host}:443` }],
            tls: [],
            ports: [{ host, address: '192.0.2.1', scanned: 1, open: [], expected: [] }],
            requests: { used: 1, budget: 300 },
          },
        },
      );
    const at = (host: string, path: string, fp: string) =>
      makeFinding({
        analyzer: 'probe',
        ruleId: 'probe/csp-missing',
        fingerprint: fp,
        location: { path: `${path.replace('HOST', host)}`, startLine: 1 },
      });
    await push(
      probeResult('a.example', [
        at('a.example', 'https://HOST:443/', 'fp-pa'),
        at('a.example', 'tcp://HOST:5432', 'fp-pa-port'),
      ]),
      'probed',
    );
    await push(probeResult('b.example', [at('b.example', 'https://HOST:443/', 'fp-pb')]), 'probed');
    expect((await byFp('probed', 'fp-pa'))!.status).toBe('open');
    expect((await byFp('probed', 'fp-pa-port'))!.status).toBe('open');
    const again = await push(probeResult('a.example', []), 'probed');
    expect(again.fixed).toBe(2);
    expect((await byFp('probed', 'fp-pb'))!.status).toBe('open');
  });

  it('never closes what a partial scan could not check', async () => {
    const code = makeFinding({ fingerprint: 'p-code' });
    const secret = makeFinding({ fingerprint: 'p-secret', analyzer: 'secrets', ruleId: 'secrets/x' });
    const both = makeResult([code, secret]);
    both.analyzers.push({
      id: 'secrets',
      status: 'succeeded',
      filesAnalyzed: 1,
      findings: 1,
      durationMs: 1,
      errors: [],
    });
    await push(both, 'partial');
    // The code analyzer failed on a file this time and secrets did not run: nothing may close.
    const partial = makeResult([], undefined, { status: 'partial' });
    partial.analyzers[0]!.status = 'partial';
    const r = await push(partial, 'partial');
    expect(r.fixed).toBe(0);
    expect((await byFp('partial', 'p-code'))!.status).toBe('open');
    expect((await byFp('partial', 'p-secret'))!.status).toBe('open');
    // A complete code scan closes code findings only; secrets (not run) stay open.
    const r2 = await push(makeResult([]), 'partial');
    expect(r2.fixed).toBe(1);
    expect((await byFp('partial', 'p-code'))!.status).toBe('fixed');
    expect((await byFp('partial', 'p-secret'))!.status).toBe('open');
  });

  it('keeps branches apart and lists every tool that reported a finding', async () => {
    const f = makeFinding({ fingerprint: 'shared-fp' });
    await push(makeResult([f]), 'tools', 'main');
    await push(makeResult([]), 'tools', 'dev');
    await push(
      sarif('Semgrep OSS', [{ ruleId: 'r1', fp: 'shared-fp', path: 'a.js', snippet: 'x' }]),
      'tools',
      'main',
    );
    const id = await ensureProject(store.db, 'tools');
    const { items } = await listFindings(store.db, { ...ALL, projectId: id, branch: 'main' });
    expect(items).toHaveLength(1);
    expect(items[0]!.tools).toEqual(['semgrep-oss', 'vanguard']);
    // A failed SARIF run closes nothing; a complete one of the same tool closes only what it reported.
    expect((await push(sarif('Semgrep OSS', [], false), 'tools', 'main')).fixed).toBe(0);
    expect((await push(sarif('Semgrep OSS', []), 'tools', 'main')).fixed).toBe(1);
  });

  it('gives SARIF results without fingerprints a stable content identity', async () => {
    const doc = sarif('codeql', [{ ruleId: 'r1', path: 'src/a.js', snippet: 'query(  "x" + id )' }]);
    const r1 = await push(doc, 'sarif-id');
    const moved = sarif('codeql', [{ ruleId: 'r1', path: 'src/a.js', snippet: 'query( "x" + id )' }]);
    const r2 = await push(moved, 'sarif-id');
    expect(r1.new).toBe(1);
    expect(r2).toMatchObject({ new: 0, unchanged: 1 });
    const { items } = await listFindings(store.db, {
      ...ALL,
      projectId: await ensureProject(store.db, 'sarif-id'),
    });
    expect(items[0]).toMatchObject({ severity: 'high', cwe: [89], owasp: ['A05:2025'], title: 'Rule one' });
  });

  it('shows a vanguard.yaml exception as accepted with owner and expiry, and reopens when it is removed', async () => {
    const f: Finding = makeFinding({
      fingerprint: 'exc-1',
      suppression: {
        kind: 'exception',
        reason: 'test fixture',
        expires: '2027-01-31',
        owner: 'alice@example.com',
      },
    });
    await push(makeResult([f]), 'exceptions');
    expect(await byFp('exceptions', 'exc-1')).toMatchObject({
      status: 'accepted',
      statusSource: 'policy',
      acceptedOwner: 'alice@example.com',
      acceptedUntil: '2027-01-31T00:00:00.000Z',
    });
    const { suppression: _s, ...plain } = f;
    await push(makeResult([plain]), 'exceptions');
    expect((await byFp('exceptions', 'exc-1'))!.status).toBe('open');
  });

  it('shows a by-design finding as accepted and says why it reopens when the scan no longer finds it so', async () => {
    const f: Finding = makeFinding({
      fingerprint: 'design-1',
      suppression: { kind: 'by-design', reason: 'behind the login that opens the shell (server/index.js:9)' },
    });
    await push(makeResult([f]), 'by-design');
    const accepted = await byFp('by-design', 'design-1');
    expect(accepted).toMatchObject({ status: 'accepted', statusSource: 'policy' });
    expect(accepted!.statusReason).toContain('by design (vanguard)');
    const { suppression: _s, ...plain } = f;
    await push(makeResult([plain]), 'by-design');
    const reopened = await byFp('by-design', 'design-1');
    expect(reopened!.status).toBe('open');
    expect(reopened!.statusReason).toMatch(/^the scan no longer finds it by design/);
  });

  it('stores the inventory of CycloneDX SBOMs and turns their vulnerabilities into findings', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      metadata: { tools: { components: [{ name: 'Trivy' }] }, component: { 'bom-ref': 'app' } },
      components: [
        {
          'bom-ref': 'pkg:npm/lodash@4.17.20',
          purl: 'pkg:npm/lodash@4.17.20',
          name: 'lodash',
          version: '4.17.20',
        },
        { 'bom-ref': 'pkg:pypi/jinja2@2.10', purl: 'pkg:pypi/jinja2@2.10', name: 'jinja2', version: '2.10' },
      ],
      dependencies: [{ ref: 'app', dependsOn: ['pkg:npm/lodash@4.17.20'] }],
      vulnerabilities: [
        {
          id: 'GHSA-35jh-r3h4-6jhm',
          ratings: [{ severity: 'high' }],
          cwes: [94],
          affects: [{ ref: 'pkg:npm/lodash@4.17.20' }],
        },
      ],
    };
    const r = await push(bom, 'sbom');
    expect(r.new).toBe(1);
    const f = (await listFindings(store.db, { ...ALL, projectId: await ensureProject(store.db, 'sbom') }))
      .items[0]!;
    expect(f).toMatchObject({
      ruleId: 'deps/GHSA-35jh-r3h4-6jhm',
      analyzer: 'deps',
      tools: ['trivy'],
      severity: 'high',
      advisory: 'GHSA-35jh-r3h4-6jhm',
    });
    const inv = await store.db
      .selectFrom('inventories')
      .selectAll()
      .where('project_id', '=', await ensureProject(store.db, 'sbom'))
      .executeTakeFirstOrThrow();
    const comps = JSON.parse(inv.components) as { ecosystem: string; name: string; direct: boolean }[];
    expect(comps.map((c) => [c.ecosystem, c.name, c.direct])).toEqual([
      ['npm', 'lodash', true],
      ['PyPI', 'jinja2', false],
    ]);
  });

  const FLOW: FlowStep[] = [
    { path: 'routes/user.js', line: 6, label: 'req.query.id', kind: 'source' },
    { path: 'routes/user.js', line: 7, label: 'find(…)', kind: 'step' },
    { path: 'dao/user.js', line: 5, label: 'db.query(sql)', kind: 'sink' },
  ];

  it('stores the tier and the taint path of code findings from Vanguard JSON and SARIF, and returns them', async () => {
    const taint = makeFinding({ fingerprint: 'fp-flow', tier: 'taint', flow: FLOW });
    const audit = makeFinding({ fingerprint: 'fp-audit', tier: 'audit', confidence: 'medium' });
    const other = makeFinding({ fingerprint: 'fp-plain', analyzer: 'iac', ruleId: 'iac/x' });
    await push(makeResult([taint, audit, other]), 'flows-json');
    expect(await byFp('flows-json', 'fp-flow')).toMatchObject({ tier: 'taint', flow: FLOW });
    expect(await byFp('flows-json', 'fp-audit')).toMatchObject({ tier: 'audit', flow: [] });
    expect(await byFp('flows-json', 'fp-plain')).toMatchObject({ tier: null, flow: [] });
    await push(JSON.parse(sarifReport(makeResult([taint, audit]), { tty: false })), 'flows-sarif');
    const id = await ensureProject(store.db, 'flows-sarif');
    const { items } = await listFindings(store.db, { ...ALL, projectId: id });
    const withFlow = items.find((i) => i.flow.length > 0);
    expect(withFlow).toMatchObject({ tier: 'taint', flow: FLOW });
    expect(items.map((i) => i.tier).sort()).toEqual(['audit', 'taint']);
  });

  it('rejects a malformed flow or tier with the reason', () => {
    const bad = (patch: Record<string, unknown>) => {
      const doc = makeResult([makeFinding()]) as unknown as { findings: Record<string, unknown>[] };
      Object.assign(doc.findings[0]!, patch);
      return () => parseReport(doc);
    };
    expect(bad({ tier: 'proven' })).toThrow(/findings\[0\]\.tier: expected one of taint, pattern, audit/);
    expect(bad({ flow: [{ path: 'a.js', line: 1, label: 'x', kind: 'hop' }] })).toThrow(
      /findings\[0\]\.flow\[0\]\.kind: expected one of/,
    );
    expect(bad({ flow: 'a.js:1' })).toThrow(/findings\[0\]\.flow: expected an array/);
    const long = Array.from({ length: 500 }, (_, i): FlowStep => ({
      path: 'a.js',
      line: i + 1,
      label: `v${i}`,
      kind: 'step',
    }));
    const parsed = parseReport(makeResult([makeFinding({ flow: long })]));
    expect(parsed.findings[0]!.flow).toHaveLength(64);
    expect(parsed.findings[0]!.flow!.at(-1)!.line).toBe(500);
  });

  it('rejects malformed reports with the reason and writes nothing', async () => {
    const before = await store.db
      .selectFrom('scans')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bad = makeResult([makeFinding()]) as unknown as { findings: Record<string, unknown>[] };
    bad.findings[0]!.severity = 'catastrophic';
    expect(() => parseReport(bad)).toThrow(/findings\[0\]\.severity: expected one of/);
    expect(() => parseReport('{')).toThrow(/not JSON/);
    expect(() => parseReport({ hello: 1 })).toThrow(/unknown report format/);
    const after = await store.db
      .selectFrom('scans')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
