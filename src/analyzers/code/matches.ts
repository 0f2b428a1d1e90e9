import type { ImportedMember } from './imported-members.js';
import type { SgNode } from '@ast-grep/napi';
import type { Confidence } from '../../core/finding.js';
import { inDevelopmentBranch } from './dev-branch.js';
import type { CodeRule } from './rule-schema.js';
import type { Trace } from './taint.js';
import type { ModuleCall } from './module-escapers.js';
import type { OwnField } from './own-fields.js';

/** One match of one rule, before it becomes a finding. */
export interface CodeMatch {
  rule: CodeRule;
  /** The file of the match when it is not the analyzed file (a sink reached through an import). */
  path?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  message: string;
  confidence: Confidence;
  /** Identifies the problem without its line: rule, normalised sink text and source. */
  fingerprintKey: string;
  trace?: Trace;
  /** The text of the rule's `secret` metavariable: masked everywhere in the finding. */
  secret?: string;
  /** Audit matches: where the statement holding the match starts, so one statement is one review. */
  statement?: string;
  /** Set when the match sits in a branch that runs only in development or test mode (dev-branch.ts). */
  developmentOnly?: boolean;
  /** Set when only a request cookie reaches the reply the match writes (cookie-reply.ts). */
  cookieOnly?: boolean;
  /** The rule's `unlessFixed` value when it is a name imported from another module of the tree. */
  importedName?: string;
  /** The rule's `unlessFixed` value when it reads a field of a relatively required module (imported-members.ts). */
  importedMember?: ImportedMember;
  /** The rule's `unlessFixed` value when it is one call of an AMD module's member (module-escapers.ts). */
  moduleCall?: ModuleCall;
  /** The own fields the rule's `unlessFixed` value is fixed but for, proven over the application (own-fields.ts). */
  ownFields?: OwnField[];
  /** The parameters of a module's whole export the `unlessFixed` value is fixed but for (export-callers.ts). */
  exportParams?: number[];
  /** A route-guard match's handler when it is a name, possibly defined in another module (route-handlers.ts). */
  handlerName?: string;
}

export const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

export function oneLine(s: string, max = 120): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The path in words: `req.query.id (line 3) → id (line 3) → query(sql) (line 9)`; a hop in another file
 * than the one before it is written `file:line`.
 */
export function describePath(t: Trace, sink: string, sinkLine: number, entry = '', sinkPath = entry): string {
  let prev = entry;
  const hop = (text: string, line: number, path: string | undefined): string => {
    const p = path ?? entry;
    const at = p === prev ? `line ${line}` : `${p}:${line}`;
    prev = p;
    return `${text} (${at})`;
  };
  const hops = [
    hop(t.source, t.sourceLine, t.sourcePath),
    ...t.steps.map((s) => hop(s.text, s.line, s.path)),
  ];
  hops.push(hop(sink, sinkLine, sinkPath));
  return hops.join(' → ');
}

/** What a match bound to a metavariable of its rule. */
export type Bound = (name: string) => SgNode | null;

/** Fills a message template: `{source}`, `{sink}`, `{path}`, `{label}` and `{$VAR}` metavariables. */
export function fill(template: string, vars: Record<string, string>, bound: Bound): string {
  return template.replace(/\{(\$?[A-Za-z_][\w]*)\}/g, (all, key: string) => {
    if (key.startsWith('$')) return oneLine(bound(key.slice(1))?.text() ?? all, 80);
    return vars[key] ?? all;
  });
}

/** A match at `node`. */
export function matchOf(
  rule: CodeRule,
  node: SgNode,
  message: string,
  confidence: Confidence,
  key: string,
  trace?: Trace,
): CodeMatch {
  const r = node.range();
  const m: CodeMatch = {
    rule,
    line: r.start.line + 1,
    column: r.start.column + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.column + 1,
    snippet: oneLine(node.text(), 200),
    message,
    confidence,
    fingerprintKey: key,
  };
  if (trace) m.trace = trace;
  if (inDevelopmentBranch(node)) m.developmentOnly = true;
  return m;
}
