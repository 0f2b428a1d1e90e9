import { PRINCIPLES, TIERS, type Severity } from '../../core/finding.js';
import { isOwaspId, owaspForCwes } from '../../core/taxonomy.js';
import {
  arr,
  contentFingerprint,
  isObj,
  line,
  obj,
  optStr,
  optTime,
  ReportError,
  str,
  type Obj,
} from './check.js';
import { PROFILES, type Profile } from '../../core/profile.js';
import { sarifFlow } from './parse-flow.js';
import { toolName } from './tool-name.js';
import { heldBackOf } from './parse-vanguard.js';
import type { IngestFinding, ParsedReport, ReportHeldBack, ScanScope } from './types.js';

/** True for a SARIF 2.1.0 log (any tool). */
export function isSarif(doc: Obj): boolean {
  return typeof doc.version === 'string' && Array.isArray(doc.runs);
}

const ANALYZER_TAGS = ['secrets', 'deps', 'code', 'iac', 'pipeline', 'threats', 'supply-chain'];

/** GitHub's reading of `security-severity` (CVSS-like 0–10). */
function fromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

function fromLevel(level: unknown): Severity {
  if (level === 'error') return 'high';
  if (level === 'warning') return 'medium';
  if (level === 'note') return 'low';
  return level === 'none' ? 'info' : 'medium';
}

function text(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  return typeof v.text === 'string' ? v.text : typeof v.markdown === 'string' ? v.markdown : undefined;
}

interface RuleInfo {
  title?: string;
  help?: string;
  tags: string[];
  score?: number;
  level?: unknown;
}

function rulesOf(driver: Obj): Map<string, RuleInfo> & { byIndex: RuleInfo[] } {
  const out = Object.assign(new Map<string, RuleInfo>(), { byIndex: [] as RuleInfo[] });
  for (const r of Array.isArray(driver.rules) ? driver.rules : []) {
    if (!isObj(r)) continue;
    const props = isObj(r.properties) ? r.properties : {};
    const tags = Array.isArray(props.tags)
      ? props.tags.filter((t): t is string => typeof t === 'string')
      : [];
    const score = Number(props['security-severity']);
    const dflt = isObj(r.defaultConfiguration) ? r.defaultConfiguration.level : undefined;
    const info: RuleInfo = {
      tags,
      level: dflt,
      ...(Number.isFinite(score) && props['security-severity'] !== undefined ? { score } : {}),
    };
    const title = text(r.shortDescription) ?? (typeof r.name === 'string' ? r.name : undefined);
    if (title) info.title = title;
    const help = text(r.help) ?? text(r.fullDescription);
    if (help) info.help = help;
    out.byIndex.push(info);
    if (typeof r.id === 'string') out.set(r.id, info);
  }
  return out;
}

function cwesOf(tags: string[]): number[] {
  const out = new Set<number>();
  for (const t of tags) {
    const m = /cwe[-/](\d{1,6})$/i.exec(t);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
}

function owaspOf(tags: string[], cwe: number[]): string[] {
  const out = new Set<string>(owaspForCwes(cwe));
  for (const t of tags) {
    const m = /^owasp-a(\d\d)-2025$/i.exec(t);
    const id = m ? `A${m[1]}:2025` : undefined;
    if (id && isOwaspId(id)) out.add(id);
  }
  return [...out].sort();
}

/** The first fingerprint by key order, so the choice is stable whatever order the tool wrote them in. */
function firstValue(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  for (const k of Object.keys(v).sort()) {
    const x = v[k];
    if (typeof x === 'string' && x !== '') return x.slice(0, 200);
  }
  return undefined;
}

function result(r: Obj, where: string, tool: string, rules: ReturnType<typeof rulesOf>): IngestFinding {
  const ruleId =
    optStr(r.ruleId, `${where}.ruleId`, 300) ??
    (isObj(r.rule) ? optStr(r.rule.id, `${where}.rule.id`, 300) : undefined) ??
    'unknown';
  const rule = rules.get(ruleId) ??
    (typeof r.ruleIndex === 'number' ? rules.byIndex[r.ruleIndex] : undefined) ?? { tags: [] };
  const message = text(r.message) ?? '';
  const loc0 = Array.isArray(r.locations) && isObj(r.locations[0]) ? r.locations[0] : {};
  const phys = isObj(loc0.physicalLocation) ? loc0.physicalLocation : {};
  const art = isObj(phys.artifactLocation) ? phys.artifactLocation : {};
  const region = isObj(phys.region) ? phys.region : {};
  const path = (typeof art.uri === 'string' ? art.uri : '').replace(/^file:\/\//, '').slice(0, 4096);
  const snippet = text(region.snippet);
  const startLine = line(region.startLine, `${where}.locations[0].physicalLocation.region.startLine`);
  const severity = rule.score !== undefined ? fromScore(rule.score) : fromLevel(r.level ?? rule.level);
  const cwe = cwesOf(rule.tags);
  const fingerprint =
    firstValue(r.fingerprints) ??
    firstValue(r.partialFingerprints) ??
    contentFingerprint(ruleId, path, snippet ?? message);
  const analyzer =
    tool === 'vanguard' ? (rule.tags.find((t) => ANALYZER_TAGS.includes(t)) ?? 'code') : 'code';
  const out: IngestFinding = {
    fingerprint,
    ruleId,
    analyzer,
    severity,
    confidence: 'medium',
    title: (rule.title ?? message.split('\n')[0] ?? ruleId).slice(0, 1000),
    message,
    remediation: rule.help ?? '',
    location: { path, startLine, ...(snippet ? { snippet: snippet.slice(0, 2000) } : {}) },
    cwe,
    owasp: owaspOf(rule.tags, cwe),
    principles: rule.tags.filter((t) => (PRINCIPLES as readonly string[]).includes(t)),
    phase: 'code',
    tool,
  };
  const flow = sarifFlow(r, where);
  if (flow) out.flow = flow;
  const props = isObj(r.properties) ? r.properties : {};
  // Vanguard's SARIF says how a code finding was established; other tools' properties are their own.
  const tier = props.tier;
  if (tool === 'vanguard' && typeof tier === 'string' && (TIERS as readonly string[]).includes(tier))
    out.tier = tier;
  // Vanguard's SARIF (and any tool that records it the same way) carries the introduction time.
  const introduced = optTime(props.introducedAt, `${where}.properties.introducedAt`);
  if (introduced) out.introducedAt = introduced;
  const sup: unknown = Array.isArray(r.suppressions)
    ? (r.suppressions as unknown[]).find(
        (s) => isObj(s) && s.status !== 'rejected' && s.status !== 'underReview',
      )
    : undefined;
  if (isObj(sup)) {
    const reason = typeof sup.justification === 'string' ? sup.justification : `suppressed in ${tool}`;
    out.accepted = { reason: `${tool} suppression: ${reason}` };
  }
  return out;
}

/** The rule profile a Vanguard run's invocation records, if it records a known one. */
function runProfile(invocations: unknown): Profile | undefined {
  if (!Array.isArray(invocations)) return undefined;
  for (const inv of invocations) {
    const p = isObj(inv) && isObj(inv.properties) ? inv.properties.profile : undefined;
    if (typeof p === 'string' && (PROFILES as readonly string[]).includes(p)) return p as Profile;
  }
  return undefined;
}

/** The `heldBack` a Vanguard run's invocation records (properties.heldBack, schemaVersion 1.7.0), checked. */
function runHeldBack(invocations: unknown, where: string): ReportHeldBack | undefined {
  if (!Array.isArray(invocations)) return undefined;
  const i = invocations.findIndex(
    (inv) => isObj(inv) && isObj(inv.properties) && inv.properties.heldBack !== undefined,
  );
  if (i < 0) return undefined;
  const props = (invocations[i] as Obj).properties as Obj;
  return heldBackOf(props.heldBack, `${where}[${i}].properties.heldBack`);
}

/** Reads SARIF 2.1.0 from any tool. A run whose invocation failed is partial and closes nothing. */
export function parseSarif(doc: Obj): ParsedReport {
  if (doc.version !== '2.1.0')
    throw new ReportError(`version: SARIF ${String(doc.version)} is not supported (2.1.0 is)`);
  const findings: IngestFinding[] = [];
  const tools: string[] = [];
  const failedTools = new Set<string>();
  const profiles = new Set<Profile | undefined>();
  const held: ReportHeldBack[] = [];
  let vanguardRuns = 0;
  arr(doc.runs, 'runs').forEach((run, i) => {
    const r = obj(run, `runs[${i}]`);
    const driver = obj(obj(r.tool, `runs[${i}].tool`).driver, `runs[${i}].tool.driver`);
    const tool = toolName(str(driver.name, `runs[${i}].tool.driver.name`, 100));
    if (!tools.includes(tool)) tools.push(tool);
    const rules = rulesOf(driver);
    const failed =
      Array.isArray(r.invocations) &&
      r.invocations.some((inv) => isObj(inv) && inv.executionSuccessful === false);
    if (failed) failedTools.add(tool);
    if (tool === 'vanguard') {
      vanguardRuns++;
      profiles.add(runProfile(r.invocations));
      const h = runHeldBack(r.invocations, `runs[${i}].invocations`);
      if (h) held.push(h);
    }
    (r.results === undefined ? [] : arr(r.results, `runs[${i}].results`)).forEach((res, j) => {
      findings.push(result(obj(res, `runs[${i}].results[${j}]`), `runs[${i}].results[${j}]`, tool, rules));
    });
  });
  // A tool with any failed run closes nothing, even if another of its runs succeeded.
  // Vanguard's runs say their rule profile (invocations[].properties.profile): taken when every one of them says the
  // same, whatever other tools' runs the file joins with them (they have no profile); it bounds only Vanguard's scope.
  const profile = profiles.size === 1 ? [...profiles][0] : undefined;
  // What a default-profile run left to the audit profile (ScanResult.heldBack), when the file holds one Vanguard run.
  const heldBack = profile === 'default' && vanguardRuns === 1 ? held[0] : undefined;
  const scope: ScanScope[] = tools
    .filter((t) => !failedTools.has(t))
    .map((tool) => ({
      tool,
      ...(tool === 'vanguard' && profile === 'default' ? { keepAuditOnly: true } : {}),
    }));
  const partial = failedTools.size > 0;
  return {
    format: 'sarif',
    tools,
    status: partial ? 'partial' : 'complete',
    scope,
    ...(profile ? { profile } : {}),
    ...(heldBack ? { heldBack } : {}),
    findings,
    notes: partial ? ['a run reported executionSuccessful: false; its findings are not closed'] : [],
  };
}
