import type { Confidence, Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';

/** What a rule's check sees about one match. */
export interface MatchContext {
  /** The candidate secret (the first capture group that took part in the match). */
  secret: string;
  /** The whole line the secret starts on (bounded to a window on huge lines). */
  line: string;
  /** The text of that line before the whole match (up to 200 characters). */
  before: string;
  /** The file's path relative to the root. */
  path: string;
  /** True when the secret is written between quotes. */
  quoted: boolean;
  /** True for files whose extension says they are program source (unquoted values there are code, not data). */
  sourceCode: boolean;
  /** Normalised product and company names of the scanned project (for weak-password checks). */
  productNames: readonly string[];
  /** The text of the lines around the match (up to 600 characters each side), read when a check asks. */
  around: () => string;
  /** True when the match is inside a Python string that is a statement of its own (a docstring), read when asked. */
  inStringStatement: () => boolean;
  /** The whole input's text (empty past WHOLE_TEXT_LIMIT, 1 MB), decoded once per input when a check asks. */
  fileText: () => string;
  /** Where the secret starts in `fileText()` (undefined past the limit). */
  offset: () => number | undefined;
}

/** A check's decision: drop the match, or report it (possibly under another rule, with other levels). */
export type Verdict =
  | false
  | {
      ruleId?: string;
      confidence?: Confidence;
      severity?: Severity;
      note?: string;
      /** A shape only the opt-in audit profile reports (audit-shapes.ts); a default scan leaves it out. */
      auditOnly?: boolean;
    };

/** Test material of a rule: templates expanded by `expandTemplate` (see test-tokens.ts). */
export interface RuleExamples {
  /** Must fire, on the line that holds the generated secret. */
  bad: string[];
  /** Look-alikes that must stay quiet for this rule. */
  good: string[];
  /** Path the examples are scanned as (defaults to `config/app.conf`). */
  path?: string;
}

/** One credential type: its metadata, an RE2 pattern and the checks that raise precision. */
export interface SecretRule {
  meta: RuleMeta;
  /**
   * RE2 syntax (no look-around, no back-references). The secret is the first capture group that
   * participated in the match, or the whole match when the pattern has none. Absent for rules that
   * only receive findings from other rules' checks (weak passwords).
   */
  pattern?: string;
  /**
   * A small RE2 pattern that every match contains, for the prefilter; derived from the pattern's literal
   * prefix or leading name group when absent (see prefilter.ts).
   */
  prefilter?: string;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  /** Generic rules skip lockfiles, apply the look-alike filters, and yield to specific rules on overlap. */
  generic?: boolean;
  /** Keep matches that contain placeholder words (the format itself is the evidence). */
  allowPlaceholderWords?: boolean;
  /** A precision check; may redirect to another rule id (for example a weak password). */
  check?: (m: MatchContext) => Verdict;
  /**
   * The pattern used in program source files, when it differs: generic rules only take quoted values
   * there (a bare right-hand side is code), which saves matching every `token = req.token`.
   */
  sourcePattern?: string;
  /** Report at the start of the whole match rather than of the secret (multi-line keys: the BEGIN line). */
  locateAtMatch?: boolean;
  /** Only files whose path matches: a format that means a credential in one file type only (`.npmrc`). */
  onlyIn?: RegExp;
  examples: RuleExamples;
}

export interface SecretSpec {
  id: string;
  title: string;
  /** The service the credential unlocks, used in the description and remediation. */
  provider: string;
  pattern?: string;
  sourcePattern?: string;
  prefilter?: string;
  severity?: Severity;
  confidence?: Confidence;
  cwe?: number[];
  description?: string;
  remediation?: string;
  minEntropy?: number;
  generic?: boolean;
  allowPlaceholderWords?: boolean;
  check?: (m: MatchContext) => Verdict;
  locateAtMatch?: boolean;
  onlyIn?: RegExp;
  examples: RuleExamples;
}

/** Builds a secret rule with the defaults every credential shares (CWE-798, authentication). */
export function secretRule(s: SecretSpec): SecretRule {
  const meta: RuleMeta = {
    id: `secrets/${s.id}`,
    analyzer: 'secrets',
    title: s.title,
    description:
      s.description ??
      `A ${s.title} is written into the repository: anyone who can read the code or its history can act as its owner on ${s.provider}.`,
    severity: s.severity ?? 'high',
    confidence: s.confidence ?? 'medium',
    cwe: s.cwe ?? [798],
    principles: ['authentication', 'asset-management'],
    remediation:
      s.remediation ??
      `Revoke and rotate this credential in ${s.provider} now (it stays in the git history), remove it from the code, and load it at run time from a secret manager or an environment variable.`,
    tags: ['secret'],
  };
  const rule: SecretRule = { meta, examples: s.examples };
  if (s.pattern !== undefined) rule.pattern = s.pattern;
  if (s.prefilter !== undefined) rule.prefilter = s.prefilter;
  if (s.sourcePattern !== undefined) rule.sourcePattern = s.sourcePattern;
  if (s.minEntropy !== undefined) rule.minEntropy = s.minEntropy;
  if (s.generic) rule.generic = true;
  if (s.allowPlaceholderWords) rule.allowPlaceholderWords = true;
  if (s.check) rule.check = s.check;
  if (s.locateAtMatch) rule.locateAtMatch = true;
  if (s.onlyIn) rule.onlyIn = s.onlyIn;
  return rule;
}
