import { createHash } from 'node:crypto';
import { SEVERITIES } from '../../core/finding.js';
import { oneOf, optStr, optTime, ReportError, str } from '../ingest/check.js';
import { keptPayload, type Detection } from './detection.js';
import { describeFacts, fact } from './facts.js';
import { clip, parseJsonObject } from './payload.js';
import { parseTarget } from './target.js';

const KNOWN = new Set([
  'title',
  'severity',
  'occurredAt',
  'resolved',
  'resolvedAt',
  'key',
  'description',
  'tool',
  'project',
  'target',
  'labels',
]);

/**
 * Reads the generic hook's documented shape (docs/operate.md):
 * `{ title, severity, occurredAt, resolved?, resolvedAt?, key?, description?, tool?, project?, target?, labels? }`.
 * Unknown top-level keys are refused so that a sender's typo is a 400, not a silently dropped field.
 */
export function parseGeneric(raw: string, hookId: string, now = new Date()): Detection {
  const doc = parseJsonObject(raw, 'a generic detection');
  for (const k of Object.keys(doc))
    if (!KNOWN.has(k)) throw new ReportError(`${k.slice(0, 40)}: unknown field (see docs/operate.md)`);
  const title = str(doc.title, 'title', 300).trim();
  if (title === '') throw new ReportError('title: empty');
  const severity = oneOf(doc.severity, SEVERITIES, 'severity');
  const occurredAt = optTime(doc.occurredAt, 'occurredAt');
  if (occurredAt === undefined) throw new ReportError('occurredAt: missing');
  if (doc.resolved !== undefined && typeof doc.resolved !== 'boolean')
    throw new ReportError('resolved: expected true or false');
  const resolvedAt = optTime(doc.resolvedAt, 'resolvedAt');
  const tool = fact(optStr(doc.tool, 'tool', 100)) ?? 'generic';
  const project = fact(optStr(doc.project, 'project', 100));
  const facts = parseTarget(doc.target, doc.labels, project);
  const key = fact(optStr(doc.key, 'key', 200));
  const description = str(doc.description ?? '', 'description', 10_000);
  const identity =
    key ??
    createHash('sha256')
      .update(JSON.stringify([tool, title, describeFacts(facts)]))
      .digest('hex')
      .slice(0, 32);
  const resolved = doc.resolved === true || resolvedAt !== undefined;
  return {
    source: 'generic',
    identity: JSON.stringify([tool, identity]),
    ruleId: `runtime/${tool.replace(/[^A-Za-z0-9_.:-]+/g, '-')}`,
    title,
    message: clip(description || `${tool} reported: ${title}.`, 10_000),
    severity,
    confidence: 'medium',
    facts,
    occurredAt,
    ...(resolved ? { resolvedAt: resolvedAt ?? now.toISOString() } : {}),
    payload: keptPayload(raw),
    hookId,
  };
}
