import type { Severity } from '../../../core/finding.js';
import { cvss3, cvss4, severityOfScore, type CvssScore } from './cvss.js';
import type { OsvRecord, OsvSeverity } from './types.js';

export interface AdvisorySeverity {
  severity: Severity;
  /** Where the rating came from, for the finding message. */
  source: string;
  cvss?: CvssScore;
}

const DB_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
};

/**
 * An advisory's severity: the CVSS score of its v3.x vector, else of its v4.0 vector (computed by the
 * specifications' equations), else the database's own rating (`database_specific.severity`), else medium.
 * v3 comes first because the databases' own ratings still follow it where a record has both (GitHub
 * rates GHSA-cm22-4g7w-348p MODERATE: v3.1 5.0, v4.0 2.3).
 */
export function advisorySeverity(record: OsvRecord): AdvisorySeverity {
  const all: OsvSeverity[] = [...(record.severity ?? [])];
  for (const a of record.affected ?? []) {
    const s = (a as { severity?: OsvSeverity[] }).severity;
    if (Array.isArray(s)) all.push(...s);
  }
  const scorers = [
    (s: OsvSeverity) => (s.type === 'CVSS_V3' ? cvss3(s.score) : undefined),
    (s: OsvSeverity) => (s.type === 'CVSS_V4' ? cvss4(s.score) : undefined),
  ];
  for (const score of scorers) {
    for (const s of all) {
      const c = score(s);
      if (!c) continue;
      const label = c.version === '4.0' && c.nomenclature !== 'CVSS-B' ? ` (${c.nomenclature})` : '';
      return {
        severity: severityOfScore(c.score),
        source: `CVSS ${c.version} ${c.score.toFixed(1)}${label}`,
        cvss: c,
      };
    }
  }
  const db = record.database_specific?.severity;
  if (typeof db === 'string' && Object.hasOwn(DB_SEVERITY, db.toUpperCase())) {
    return { severity: DB_SEVERITY[db.toUpperCase()]!, source: `database rating ${db}` };
  }
  return { severity: 'medium', source: 'no rating in the advisory' };
}
