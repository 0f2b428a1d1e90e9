import type {
  FindingSource,
  Confidence,
  Location,
  PackageRef,
  Phase,
  Principle,
  RawFinding,
  Severity,
  Tier,
} from './finding.js';
import type { Profile } from './profile.js';
import { owaspForCwes } from './taxonomy.js';

/** What every rule states about itself; reporters (SARIF rules, docs) are built from it. */
export interface RuleMeta {
  id: string;
  analyzer: FindingSource;
  title: string;
  /** Why it matters, in a sentence or two. */
  description: string;
  severity: Severity;
  confidence: Confidence;
  cwe: number[];
  /** Defaults to the categories of `cwe` (see taxonomy.ts). */
  owasp?: string[];
  principles: Principle[];
  /** Defaults to 'code'. */
  phase?: Phase;
  remediation: string;
  helpUri?: string;
  tags?: string[];
  /** Code rules: how their findings are established (taint, pattern or audit). */
  tier?: Tier;
  /** Code rules of the opt-in audit profile say so (`audit`); others run in every scan. */
  profile?: Profile;
  /** A default-profile rule some of whose findings only the audit profile reports: each such shape, in words. */
  auditShapes?: string[];
}

export interface FindingInput {
  message: string;
  location: Location;
  title?: string;
  severity?: Severity;
  confidence?: Confidence;
  remediation?: string;
  fingerprintKey?: string;
  secret?: string;
  package?: PackageRef;
  cwe?: number[];
  /** When the problem became one, if the analyzer knows (an advisory's publication). */
  introducedAt?: string;
}

/** OWASP categories for a rule: its own, or those of its CWEs. */
export function ruleOwasp(rule: Pick<RuleMeta, 'owasp' | 'cwe'>): string[] {
  return rule.owasp ?? owaspForCwes(rule.cwe);
}

/** Builds a raw finding of `rule` at one place; fields in `at` override the rule's defaults. */
export function findingFrom(rule: RuleMeta, at: FindingInput): RawFinding {
  const cwe = at.cwe ?? rule.cwe;
  const f: RawFinding = {
    ruleId: rule.id,
    analyzer: rule.analyzer,
    severity: at.severity ?? rule.severity,
    confidence: at.confidence ?? rule.confidence,
    title: at.title ?? rule.title,
    message: at.message,
    remediation: at.remediation ?? rule.remediation,
    location: at.location,
    cwe,
    owasp: rule.owasp ?? owaspForCwes(cwe),
    principles: [...rule.principles],
    phase: rule.phase ?? 'code',
  };
  if (rule.tier !== undefined) f.tier = rule.tier;
  if (at.fingerprintKey !== undefined) f.fingerprintKey = at.fingerprintKey;
  if (at.secret !== undefined) f.secret = at.secret;
  if (at.package !== undefined) f.package = at.package;
  if (at.introducedAt !== undefined) f.introducedAt = at.introducedAt;
  return f;
}
