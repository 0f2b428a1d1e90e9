import { CONFIDENCES, PHASES, SEVERITIES, TIERS, type Phase } from '../../core/finding.js';
import {
  arr,
  intList,
  isObj,
  line,
  obj,
  oneOf,
  optStr,
  optTime,
  packageKeyOf,
  ReportError,
  str,
  strList,
  type Obj,
} from './check.js';
import { PROFILES } from '../../core/profile.js';
import { parseDeployment } from './parse-deployment.js';
import { vanguardFlow } from './parse-flow.js';
import type {
  IngestFinding,
  InventoryComponent,
  ParsedReport,
  ReportHeldBack,
  ReportInventory,
} from './types.js';

const SCOPES = ['required', 'dev', 'optional', 'unknown'] as const;

/** True for Vanguard's JSON scan result (`vanguard scan --format json`). */
export function isVanguardResult(doc: Obj): boolean {
  return isObj(doc.tool) && doc.tool.name === 'vanguard' && typeof doc.schemaVersion === 'string';
}

function finding(v: unknown, i: number): IngestFinding {
  const w = `findings[${i}]`;
  const f = obj(v, w);
  const loc = obj(f.location, `${w}.location`);
  const location = {
    path: str(loc.path, `${w}.location.path`, 4096),
    startLine: line(loc.startLine, `${w}.location.startLine`),
    ...(typeof loc.startColumn === 'number' ? { startColumn: loc.startColumn } : {}),
    ...(typeof loc.endLine === 'number' ? { endLine: loc.endLine } : {}),
    ...(typeof loc.endColumn === 'number' ? { endColumn: loc.endColumn } : {}),
    ...(typeof loc.snippet === 'string' ? { snippet: loc.snippet.slice(0, 2000) } : {}),
    ...(typeof loc.commit === 'string' ? { commit: loc.commit.slice(0, 64) } : {}),
  };
  const fingerprint = str(f.fingerprint, `${w}.fingerprint`, 200);
  if (fingerprint === '') throw new ReportError(`${w}.fingerprint: empty`);
  const out: IngestFinding = {
    fingerprint,
    ruleId: str(f.ruleId, `${w}.ruleId`, 300),
    analyzer: str(f.analyzer, `${w}.analyzer`, 50),
    severity: oneOf(f.severity, SEVERITIES, `${w}.severity`),
    confidence: f.confidence === undefined ? 'medium' : oneOf(f.confidence, CONFIDENCES, `${w}.confidence`),
    title: str(f.title, `${w}.title`, 1000),
    message: str(f.message ?? '', `${w}.message`),
    remediation: str(f.remediation ?? '', `${w}.remediation`),
    location,
    cwe: intList(f.cwe, `${w}.cwe`),
    owasp: strList(f.owasp, `${w}.owasp`),
    principles: strList(f.principles, `${w}.principles`),
    phase: f.phase === undefined ? 'code' : oneOf<Phase>(f.phase, PHASES, `${w}.phase`),
    tool: 'vanguard',
  };
  if (f.tier !== undefined) out.tier = oneOf(f.tier, TIERS, `${w}.tier`);
  const flow = vanguardFlow(f.flow, `${w}.flow`);
  if (flow) out.flow = flow;
  const introduced = optTime(f.introducedAt, `${w}.introducedAt`);
  if (introduced) out.introducedAt = introduced;
  if (isObj(f.package)) {
    const purl = optStr(f.package.purl, `${w}.package.purl`, 2000);
    const advisories = strList(f.package.advisories, `${w}.package.advisories`);
    out.package = f.package;
    if (purl) out.packageKey = packageKeyOf(purl);
    // A package finding names its most severe advisory first; older reports put the advisory in the rule id.
    const vulns = Array.isArray(f.package.vulnerabilities) ? (f.package.vulnerabilities as unknown[]) : [];
    const lead = isObj(vulns[0]) ? optStr(vulns[0].id, `${w}.package.vulnerabilities[0].id`, 200) : undefined;
    out.advisory =
      lead ??
      (out.ruleId.startsWith('deps/') && out.ruleId !== 'deps/vulnerable-package'
        ? out.ruleId.slice(5)
        : advisories[0]);
  }
  if (isObj(f.suppression)) {
    const s = f.suppression;
    const kind = oneOf(
      s.kind,
      ['inline', 'exception', 'baseline', 'by-design'] as const,
      `${w}.suppression.kind`,
    );
    // A baseline only says the finding is old; it is not a decision about it.
    if (kind !== 'baseline') {
      const reason = str(s.reason ?? '', `${w}.suppression.reason`, 2000);
      const owner = optStr(s.owner, `${w}.suppression.owner`, 200);
      const expires = optTime(s.expires, `${w}.suppression.expires`);
      out.accepted = {
        reason:
          kind === 'exception'
            ? `vanguard.yaml exception: ${reason}`
            : kind === 'by-design'
              ? `by design (vanguard): ${reason}`
              : `inline suppression: ${reason}`,
        ...(owner ? { owner } : {}),
        ...(expires ? { expires } : {}),
      };
    }
  }
  return out;
}

function inventory(v: unknown): ReportInventory {
  const inv = obj(v, 'inventory');
  const components = arr(inv.components, 'inventory.components').map((c, i): InventoryComponent => {
    const w = `inventory.components[${i}]`;
    const o = obj(c, w);
    return {
      ref: str(o.ref, `${w}.ref`, 2000),
      ecosystem: str(o.ecosystem, `${w}.ecosystem`, 100),
      name: str(o.name, `${w}.name`, 1000),
      version: str(o.version, `${w}.version`, 200),
      purl: str(o.purl, `${w}.purl`, 2000),
      scope: o.scope === undefined ? 'unknown' : oneOf(o.scope, SCOPES, `${w}.scope`),
      direct: o.direct === true,
      declaredIn: str(o.declaredIn ?? '', `${w}.declaredIn`, 4096),
    };
  });
  const dependencies = (
    inv.dependencies === undefined ? [] : arr(inv.dependencies, 'inventory.dependencies')
  ).map((d, i) => {
    const o = obj(d, `inventory.dependencies[${i}]`);
    return {
      ref: str(o.ref, `inventory.dependencies[${i}].ref`, 2000),
      dependsOn: strList(o.dependsOn, `inventory.dependencies[${i}].dependsOn`),
    };
  });
  return { components, dependencies };
}

/**
 * The places a `vanguard probe` result checked: its origins, and `tcp://host:` for hosts whose ports
 * it scanned. Another probe of the same project (another host) must not close these findings.
 */
function probeScope(v: unknown): { paths?: string[] } {
  if (v === undefined) return {};
  const p = obj(v, 'probe');
  const origins = arr(p.targets, 'probe.targets').map((t, i) =>
    str(obj(t, `probe.targets[${i}]`).origin, `probe.targets[${i}].origin`, 2000),
  );
  const hosts = (p.ports === undefined ? [] : arr(p.ports, 'probe.ports')).map((h, i) => {
    const host = str(obj(h, `probe.ports[${i}]`).host, `probe.ports[${i}].host`, 1000);
    return `tcp://${host.includes(':') ? `[${host}]` : host}:`;
  });
  return { paths: [...new Set([...origins, ...hosts])] };
}

/** Bounds on `heldBack`: a fingerprint is 32 hex characters; a rule id as a finding's. */
const MAX_HELD_BACK = 200_000;

/** A default-profile result's `heldBack` (schemaVersion 1.7.0), checked as every other field at the trust boundary. */
export function heldBackOf(v: unknown, where = 'heldBack'): ReportHeldBack {
  const h = obj(v, where);
  const list = (x: unknown, where: string, max: number): string[] => {
    const items = arr(x, where);
    if (items.length > MAX_HELD_BACK) throw new ReportError(`${where}: more than ${MAX_HELD_BACK} entries`);
    return items.map((s, i) => str(s, `${where}[${i}]`, max));
  };
  return {
    analyzers: list(h.analyzers, `${where}.analyzers`, 50),
    fingerprints: list(h.fingerprints, `${where}.fingerprints`, 200),
    rules: list(h.rules, `${where}.rules`, 300),
  };
}

/** Reads Vanguard's scan result; analyzers that did not succeed are left out of the closing scope. */
export function parseVanguard(doc: Obj): ParsedReport {
  const findings = arr(doc.findings, 'findings').map(finding);
  const analyzers = (doc.analyzers === undefined ? [] : arr(doc.analyzers, 'analyzers')).map((a, i) => {
    const o = obj(a, `analyzers[${i}]`);
    return { id: str(o.id, `analyzers[${i}].id`, 50), status: str(o.status, `analyzers[${i}].status`, 20) };
  });
  const status = oneOf(doc.status, ['complete', 'partial'] as const, 'status');
  const profile = doc.profile === undefined ? undefined : oneOf(doc.profile, PROFILES, 'profile');
  // Only a default-profile scan holds anything back; an audit scan's list would mean nothing.
  const heldBack = profile === 'default' && doc.heldBack !== undefined ? heldBackOf(doc.heldBack) : undefined;
  const checked = analyzers.filter((a) => a.status === 'succeeded').map((a) => a.id);
  // Policy findings (a suppression without a reason) are complete whenever the scan is.
  if (status === 'complete') checked.push('policy');
  const startedAt = optTime(doc.startedAt, 'startedAt');
  const notes: string[] = [];
  const partial = analyzers.filter((a) => a.status === 'partial' || a.status === 'failed').map((a) => a.id);
  if (partial.length > 0)
    notes.push(`incomplete analyzers (nothing of theirs is closed): ${partial.join(', ')}`);
  return {
    format: 'vanguard',
    tools: ['vanguard'],
    status,
    scope: [
      {
        tool: 'vanguard',
        analyzers: checked,
        ...probeScope(doc.probe),
        // A default-profile scan never looks for the audit profile's leads: it cannot say they are gone.
        ...(profile === 'default' ? { keepAuditOnly: true } : {}),
      },
    ],
    ...(profile ? { profile } : {}),
    ...(heldBack ? { heldBack } : {}),
    ...(startedAt ? { startedAt } : {}),
    findings,
    ...(doc.inventory !== undefined ? { inventory: inventory(doc.inventory) } : {}),
    ...(doc.deployment !== undefined ? { deployment: parseDeployment(doc.deployment) } : {}),
    notes,
  };
}
