import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { CONFIDENCES, PRINCIPLES, SEVERITIES } from '../../core/finding.js';
import type { Confidence, Principle, Severity } from '../../core/finding.js';
import { PROFILES } from '../../core/profile.js';
import type { Profile } from '../../core/profile.js';
import type { RuleMeta } from '../../core/rule.js';
import { parsePlainYaml } from '../../parse/yaml/plain.js';
import { BUILTIN_RULES_DIR } from './load-rules.js';

export const TEMPLATE_RULE_KINDS = [
  'unescaped-output',
  'escaping-off-output',
  'autoescape-off',
  'request-data',
] as const;
export type TemplateRuleKind = (typeof TEMPLATE_RULE_KINDS)[number];

/** A rule over template files: its description (the matching is built in, see templates.ts). */
export interface TemplateRule extends RuleMeta {
  kind: TemplateRuleKind;
  /**
   * Message template: `{expr}`, `{construct}`, for unescaped outputs `{again}` (the other lines writing the same
   * value), and for request data `{source}`, `{template}`, `{path}`.
   */
  message: string;
}

const FILE = join(BUILTIN_RULES_DIR, 'templates.yaml');

function read(o: Record<string, unknown>, i: number): TemplateRule {
  const where = `${FILE}: templates[${i}]`;
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(`${where}: "${k}" must be a string`);
    return v;
  };
  const one = <T extends string>(k: string, allowed: readonly T[]): T => {
    const v = str(k);
    if (!(allowed as readonly string[]).includes(v))
      throw new ConfigError(`${where}: "${k}" must be one of ${allowed.join(', ')}`);
    return v as T;
  };
  const cwe = o['cwe'];
  const principles = o['principles'];
  if (!Array.isArray(cwe) || !cwe.every((c) => Number.isInteger(c)))
    throw new ConfigError(`${where}: "cwe" must be a list of numbers`);
  if (!Array.isArray(principles) || !principles.every((p) => (PRINCIPLES as readonly unknown[]).includes(p)))
    throw new ConfigError(`${where}: "principles" must list principles`);
  const kind = one<TemplateRuleKind>('kind', TEMPLATE_RULE_KINDS);
  const profile = o['profile'] === undefined ? 'default' : one<Profile>('profile', PROFILES);
  const confidence = one<Confidence>('confidence', CONFIDENCES);
  const severity = one<Severity>('severity', SEVERITIES);
  // As load-rules.ts holds for code rules: an audit-profile finding is a lead, and may not claim more.
  if (
    profile === 'audit' &&
    (kind === 'request-data' || confidence !== 'low' || !['low', 'medium'].includes(severity))
  )
    throw new ConfigError(
      `${where}: a rule of the audit profile is an audit kind, confidence "low", severity low or medium`,
    );
  return {
    id: str('id'),
    analyzer: 'code',
    kind,
    title: str('title'),
    description: str('description'),
    severity,
    confidence,
    cwe: cwe as number[],
    principles: principles as Principle[],
    message: str('message'),
    remediation: str('remediation'),
    tags: [
      'template',
      kind === 'request-data' ? 'taint' : 'audit',
      ...(profile === 'audit' ? ['audit-profile'] : []),
    ],
    // A render call's flow into the template is proven; an unescaped output or an escaping-off block alone is an audit.
    tier: kind === 'request-data' ? 'taint' : 'audit',
    ...(profile === 'audit' ? { profile } : {}),
  };
}

let loaded: Map<TemplateRuleKind, TemplateRule> | undefined;

/** The template rules of the built-in rules folder, by kind (loaded once). */
export function templateRules(): Map<TemplateRuleKind, TemplateRule> {
  if (loaded) return loaded;
  const doc = parsePlainYaml(readFileSync(FILE, 'utf8')).value as { templates?: unknown };
  const list = Array.isArray(doc.templates) ? (doc.templates as Record<string, unknown>[]) : [];
  const rules = list.map(read);
  loaded = new Map(rules.map((r) => [r.kind, r]));
  for (const k of TEMPLATE_RULE_KINDS)
    if (!loaded.has(k)) throw new ConfigError(`${FILE}: no template rule of kind "${k}"`);
  return loaded;
}

/** True for a finding of the unescaped-output check, whichever of its two rules (and profiles) reported it. */
export function isUnescapedOutput(ruleId: string): boolean {
  const rules = templateRules();
  return ruleId === rules.get('unescaped-output')!.id || ruleId === rules.get('escaping-off-output')!.id;
}
