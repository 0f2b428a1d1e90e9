import type { Severity } from '../../../core/finding.js';
import { cvss3, cvss4Approx, severityOfScore, type CvssScore } from './cvss.js';
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
 * An advisory's severity: the CVSS v3 base score when a v3 vector is present (computed here), else an
 * approximate score of a v4 vector, else the database's own rating (`database_specific.severity`), else medium.
 */
export function advisorySeverity(record: OsvRecord): AdvisorySeverity {
  const all: OsvSeverity[] = [...(record.severity ?? [])];
  for (const a of record.affected ?? []) {
    const s = (a as { severity?: OsvSeverity[] }).severity;
    if (Array.isArray(s)) all.push(...s);
  }
  for (const s of all) {
    const c = s.type === 'CVSS_V3' ? cvss3(s.score) : undefined;
    if (c)
      return {
        severity: severityOfScore(c.score),
        source: `CVSS ${c.version} ${c.score.toFixed(1)}`,
        cvss: c,
      };
  }
  for (const s of all) {
    const c = s.type === 'CVSS_V4' ? cvss4Approx(s.score) : undefined;
    if (c)
      return {
        severity: severityOfScore(c.score),
        source: `CVSS 4.0 ≈${c.score.toFixed(1)} (approximation)`,
        cvss: c,
      };
  }
  const db = record.database_specific?.severity;
  if (typeof db === 'string' && Object.hasOwn(DB_SEVERITY, db.toUpperCase())) {
    return { severity: DB_SEVERITY[db.toUpperCase()]!, source: `database rating ${db}` };
  }
  return { severity: 'medium', source: 'no rating in the advisory' };
}
