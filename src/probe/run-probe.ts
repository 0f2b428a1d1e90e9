import type { DeclaredDeployment } from '../core/deployment.js';
import { declaredPorts } from '../core/deployment.js';
import { describeError } from '../core/errors.js';
import type { FileError, ScanResult } from '../core/result.js';
import { emptyDiscovery, SCHEMA_VERSION } from '../core/result.js';
import type { RawFinding } from '../core/finding.js';
import type { ProbePorts, ProbeReport, ProbeTargetReport, ProbeTls } from '../core/probe-report.js';
import { processFindings } from '../core/stages.js';
import { VERSION } from '../core/version.js';
import { scanWarning, type ScanWarning } from '../core/warning.js';
import type { FailOn } from '../policy/config-schema.js';
import { defaultConfig, type VanguardConfig } from '../policy/config.js';
import { exceptionWarnings } from '../policy/exceptions.js';
import { evaluateGate } from '../policy/gate.js';
import { createPolicyStage } from '../policy/stage.js';
import { summarize } from '../scan/summary.js';
import { checkEndpoint, ENDPOINTS } from './endpoints.js';
import {
  checkCookies,
  checkCors,
  checkDisclosure,
  checkHeaders,
  checkHttpsRedirect,
  checkListing,
  PROBE_ORIGIN,
} from './http-checks.js';
import { Budget, fetchFollowing, fetchOnce, PinnedHosts, type HttpOptions } from './http.js';
import { openPorts, undeclaredPortFinding } from './ports.js';
import { PROBE_RULES } from './rules.js';
import { parseTargets, type ProbeTarget } from './targets.js';
import { checkTls } from './tls.js';

export interface ProbeOptions {
  urls: readonly string[];
  /** TCP ports to try on each host; undefined: no port scan. */
  ports?: readonly number[];
  /** What the project declares (a scan of its folder), to judge open ports; undefined: no comparison. */
  project?: { root: string; deployment: DeclaredDeployment };
  /** The project's policy: exceptions and gates apply to probe findings as to scan findings. */
  config?: VanguardConfig;
  phase?: 'test' | 'runtime';
  followOtherHosts?: boolean;
  /** Per request or handshake (default 5000 ms). */
  timeoutMs?: number;
  /** Requests and TLS handshakes in all (default 300). */
  maxRequests?: number;
  /** Bytes of a response body read at most (default 256 KiB). */
  maxBodyBytes?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Port connections in flight at once (default 64) and their timeout (default 1500 ms). */
  portConcurrency?: number;
  portTimeoutMs?: number;
  /** Extra trusted CA certificates (PEM), for services behind a private CA. */
  ca?: string;
  now?: Date;
  failOn?: FailOn;
  branch?: string;
}

/** Runs `items` through `fn` with at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

interface Collected {
  raw: RawFinding[];
  errors: FileError[];
  warnings: ScanWarning[];
}

function recordError(c: Collected, path: string, err: unknown): void {
  const { code, message } = describeError(err);
  // One budget error says it all; the requests it stopped are not each a failure.
  if (code === 'BUDGET' && c.errors.some((e) => e.code === 'BUDGET')) return;
  c.errors.push({ path, code, message });
}

/** The HTTP checks of one URL, following redirects within its host. */
async function probeUrl(
  t: ProbeTarget,
  http: HttpOptions,
  opts: ProbeOptions,
  c: Collected,
): Promise<ProbeTargetReport> {
  const report: ProbeTargetReport = { url: t.url.href, origin: t.origin };
  try {
    const { chain, offHost } = await fetchFollowing(t.url, http, opts.followOtherHosts === true);
    const last = chain.at(-1)!;
    report.status = last.status;
    report.finalUrl = last.url.href;
    if (offHost) {
      report.redirectNotFollowed = offHost.href;
      c.warnings.push(
        scanWarning(
          'probe-redirect-not-followed',
          `${t.url.href} redirects to another host (${offHost.origin}), which was not probed (--follow-other-hosts)`,
          { analyzer: 'probe' },
        ),
      );
    }
    c.raw.push(
      ...checkHeaders(last),
      ...checkDisclosure(last),
      ...checkCookies(chain, opts.now ?? new Date()),
      ...checkHttpsRedirect(chain),
      ...checkListing(last),
    );
  } catch (err) {
    report.error = describeError(err).message;
    recordError(c, t.url.href, err);
  }
  return report;
}

/** Once per origin: CORS, the curated endpoints, and TLS for HTTPS. */
async function probeOrigin(
  t: ProbeTarget,
  http: HttpOptions,
  opts: ProbeOptions,
  c: Collected,
): Promise<ProbeTls | undefined> {
  try {
    c.raw.push(...checkCors(await fetchOnce(t.url, http, { headers: { origin: PROBE_ORIGIN } })));
  } catch (err) {
    recordError(c, t.url.href, err);
  }
  await eachLimited(ENDPOINTS, opts.concurrency ?? 4, async (ep) => {
    const url = new URL(ep.path, t.url);
    try {
      c.raw.push(...checkEndpoint(ep, t.origin, await fetchOnce(url, http)));
    } catch (err) {
      recordError(c, url.href, err);
    }
  });
  if (!t.tls) return undefined;
  try {
    const address = await http.hosts.resolve(t.host);
    const tls = await checkTls(t.host, address, t.port, t.origin, {
      budget: http.budget,
      timeoutMs: http.timeoutMs,
      now: opts.now ?? new Date(),
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
    c.raw.push(...tls.findings);
    if (tls.error) recordError(c, t.origin, tls.error);
    return tls.report;
  } catch (err) {
    recordError(c, t.origin, err);
    return undefined;
  }
}

async function probePorts(
  targets: readonly ProbeTarget[],
  hosts: PinnedHosts,
  opts: ProbeOptions & { ports: readonly number[] },
  c: Collected,
): Promise<ProbePorts[]> {
  const declared = opts.project
    ? new Set(
        declaredPorts(opts.project.deployment)
          .filter((p) => p.protocol === 'tcp')
          .map((p) => p.port),
      )
    : undefined;
  const out: ProbePorts[] = [];
  for (const host of [...new Set(targets.map((t) => t.host))]) {
    try {
      const { address } = await hosts.resolve(host);
      const open = await openPorts(address, opts.ports, {
        concurrency: opts.portConcurrency ?? 64,
        timeoutMs: opts.portTimeoutMs ?? 1500,
      });
      // The ports of the URLs given are open on purpose: the user asked about those services.
      const probed = new Set(targets.filter((t) => t.host === host).map((t) => t.port));
      const expected = open.filter((p) => probed.has(p) || declared?.has(p) === true);
      if (declared)
        for (const p of open) if (!expected.includes(p)) c.raw.push(undeclaredPortFinding(host, p));
      out.push({ host, address, scanned: opts.ports.length, open, expected });
    } catch (err) {
      recordError(c, `tcp://${host}`, err);
    }
  }
  if (!declared)
    c.warnings.push(
      scanWarning(
        'probe-no-project',
        'no project to compare open ports with (give --config <vanguard.yaml> of the project): open ports are listed, not judged',
        { analyzer: 'probe' },
      ),
    );
  return out;
}

/** Probes running services: HTTP headers, cookies, CORS, redirects, endpoints, TLS and ports. */
export async function runProbe(opts: ProbeOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const targets = parseTargets(opts.urls);
  const hosts = new PinnedHosts();
  const budget = new Budget(opts.maxRequests ?? 300);
  const http: HttpOptions = {
    hosts,
    budget,
    timeoutMs: opts.timeoutMs ?? 5000,
    maxBodyBytes: opts.maxBodyBytes ?? 256 * 1024,
    ...(opts.ca ? { ca: opts.ca } : {}),
  };
  const c: Collected = { raw: [], errors: [], warnings: [] };
  const reports = new Array<ProbeTargetReport>(targets.length);
  await eachLimited(
    targets.map((t, i) => [t, i] as const),
    opts.concurrency ?? 4,
    async ([t, i]) => {
      reports[i] = await probeUrl(t, http, opts, c);
    },
  );
  // An origin none of whose URLs answered gets no further requests: its failure is already recorded.
  const origins = targets.filter(
    (t, i) =>
      targets.findIndex((u) => u.origin === t.origin) === i &&
      targets.some((u, j) => u.origin === t.origin && reports[j]?.error === undefined),
  );
  const tls: ProbeTls[] = [];
  for (const t of origins) {
    const r = await probeOrigin(t, http, opts, c);
    if (r) tls.push(r);
  }
  const ports = opts.ports ? await probePorts(targets, hosts, { ...opts, ports: opts.ports }, c) : [];

  const config = opts.config ?? defaultConfig();
  const now = opts.now ?? new Date();
  const phase = opts.phase ?? 'test';
  const policy = createPolicyStage(config, { now });
  const warnings: ScanWarning[] = [...c.warnings];
  const findings = policy.stage(processFindings(c.raw.map((f) => ({ ...f, phase }))), warnings);
  const policyReport = policy.report();
  // The project's exceptions are mostly about its files: only those naming probe rules can be stale here.
  policyReport.staleExceptions = policyReport.staleExceptions.filter((e) =>
    e.match.rule?.startsWith('probe/'),
  );
  warnings.push(
    ...exceptionWarnings({ expired: policyReport.expiredExceptions, stale: policyReport.staleExceptions }),
  );
  const gate = evaluateGate(findings, config.gates, {
    ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
    ...(opts.branch !== undefined ? { branch: opts.branch } : {}),
  });
  const used = new Set(findings.map((f) => f.ruleId));
  const probe: ProbeReport = {
    targets: reports,
    tls,
    ports,
    ...(opts.project ? { project: opts.project.root } : {}),
    requests: { used: budget.used, budget: budget.max },
  };
  const finishedAt = new Date();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vanguard', version: VERSION },
    root: targets.map((t) => t.url.href).join(' '),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    status: c.errors.length > 0 ? 'partial' : 'complete',
    analyzers: [
      {
        id: 'probe',
        status: c.errors.length === 0 ? 'succeeded' : reports.every((r) => r.error) ? 'failed' : 'partial',
        filesAnalyzed: targets.length,
        findings: findings.length,
        durationMs: performance.now() - t0,
        errors: c.errors,
      },
    ],
    discovery: emptyDiscovery(),
    findings,
    rules: PROBE_RULES.filter((r) => used.has(r.id)).map((r) => ({ ...r, phase })),
    suppressions: [],
    warnings,
    summary: summarize(findings, gate),
    policy: policyReport,
    probe,
  };
}
