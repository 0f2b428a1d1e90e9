import { randomUUID } from 'node:crypto';
import { SEVERITIES } from '../../core/finding.js';
import { isObj, oneOf, optStr, optTime, ReportError, str, type Obj } from '../ingest/check.js';
import { keptPayload, type Detection } from './detection.js';
import { fact } from './facts.js';
import { clip } from './payload.js';
import { parseTarget } from './target.js';

const FIELDS = new Set(['what', 'where', 'when', 'severity', 'project', 'target']);
/** How far ahead of the server clock a report's "when" may be (clocks drift; the future is a typo). */
const FUTURE_SLACK_MS = 10 * 60 * 1000;
const MAX_AGE_MS = 366 * 86_400_000;

/**
 * Whether a body sent to `POST /api/v1/reports` is an anomaly report rather than a scan report:
 * it says `what` was seen and carries none of the scan formats' markers.
 */
export function isAnomalyReport(body: unknown): body is Obj {
  return (
    isObj(body) &&
    'what' in body &&
    !('tool' in body) &&
    !('runs' in body) &&
    !('bomFormat' in body) &&
    !('findings' in body)
  );
}

/**
 * Reads an anomaly report: what was seen (≤ 2000 characters), where (≤ 500), when (default now),
 * how bad it looks (a severity), an optional project and optional `target` facts for routing.
 */
export function parseAnomalyReport(doc: Obj, reporter: string, now = new Date()): Detection {
  for (const k of Object.keys(doc))
    if (!FIELDS.has(k))
      throw new ReportError(
        `${k.slice(0, 40)}: unknown field (expected what, where, when, severity, project, target)`,
      );
  const what = str(doc.what, 'what', 2000).trim();
  if (what === '') throw new ReportError('what: say what you saw');
  const where = str(doc.where, 'where', 500).trim();
  if (where === '') throw new ReportError('where: say where you saw it (a URL, a host, a service, a screen)');
  const severity = oneOf(doc.severity, SEVERITIES, 'severity');
  const when = optTime(doc.when, 'when') ?? now.toISOString();
  const t = Date.parse(when);
  if (t > now.getTime() + FUTURE_SLACK_MS) throw new ReportError('when: in the future');
  if (t < now.getTime() - MAX_AGE_MS) throw new ReportError('when: more than a year ago');
  const project = fact(optStr(doc.project, 'project', 100));
  const facts = parseTarget(doc.target, undefined, project);
  // A URL or host name in "where" is a routing fact: a workload named like the host matches it.
  if (!facts.host) {
    const m =
      /\b(?:https?:\/\/)?([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+)(?::\d+)?(?:\/|\b)/i.exec(
        where,
      );
    if (m?.[1] && /[a-z]/i.test(m[1])) facts.host = m[1].toLowerCase();
  }
  const firstLine = what.split('\n')[0]!;
  return {
    source: 'report',
    identity: randomUUID(),
    ruleId: 'runtime/anomaly-report',
    title: clip(`Reported: ${firstLine}`, 200),
    message: `${what}\n\nWhere: ${where}\nWhen: ${when}\nReported by ${reporter}; not yet confirmed.`,
    severity,
    confidence: 'low',
    facts,
    occurredAt: when,
    payload: keptPayload(JSON.stringify(doc)),
    reporter,
  };
}
