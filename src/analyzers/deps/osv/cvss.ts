import calculator from 'ae-cvss-calculator';
import type { Severity } from '../../../core/finding.js';

const { Cvss3P0, Cvss3P1, Cvss4P0 } = calculator;

/** A CVSS score of an advisory's vector, computed by a maintained calculator (ae-cvss-calculator). */
export interface CvssScore {
  score: number;
  version: '3.0' | '3.1' | '4.0';
  /**
   * v4 nomenclature: `CVSS-B` for base metrics only, `CVSS-BT`, `CVSS-BE` or `CVSS-BTE` when the vector
   * also carries threat or environmental metrics (the score then accounts for them); v3 scores are base scores.
   */
  nomenclature: 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';
  vector: string;
}

/** The calculator's model of a vector, or undefined when a metric is unknown or a base metric missing. */
function parse<T extends { isBaseFullyDefined(): boolean }>(make: () => T): T | undefined {
  let v: T;
  try {
    v = make();
  } catch {
    // The calculator throws on an unknown metric or value: the vector is not CVSS, no score.
    return undefined;
  }
  return v.isBaseFullyDefined() ? v : undefined;
}

/** The CVSS v3.0/v3.1 base score of a vector (`CVSS:3.1/AV:N/...`); undefined when it is not a complete v3 vector. */
export function cvss3(vector: string): CvssScore | undefined {
  const ver = /^CVSS:3\.([01])\//.exec(vector);
  if (!ver) return undefined;
  const v = ver[1] === '0' ? parse(() => new Cvss3P0(vector)) : parse(() => new Cvss3P1(vector));
  const base = v?.calculateScores().base;
  if (base === undefined) return undefined;
  return { score: base, version: ver[1] === '0' ? '3.0' : '3.1', nomenclature: 'CVSS-B', vector };
}

/**
 * The CVSS v4.0 score of a vector (`CVSS:4.0/AV:N/...`) by the specification's macro-vector lookup, as
 * FIRST's calculator gives it; undefined when it is not a complete v4 vector.
 */
export function cvss4(vector: string): CvssScore | undefined {
  if (!vector.startsWith('CVSS:4.0/')) return undefined;
  const v = parse(() => new Cvss4P0(vector));
  if (!v) return undefined;
  const given = new Set(
    vector
      .split('/')
      .slice(1)
      .filter((p) => !p.endsWith(':X'))
      .map((p) => p.split(':')[0]),
  );
  const threat = given.has('E');
  const env = ['CR', 'IR', 'AR'].some((k) => given.has(k)) || [...given].some((k) => k!.startsWith('M'));
  const nomenclature = threat && env ? 'CVSS-BTE' : threat ? 'CVSS-BT' : env ? 'CVSS-BE' : 'CVSS-B';
  return { score: v.calculateScores().overall, version: '4.0', nomenclature, vector };
}

/** The qualitative rating of a CVSS score (the same scale in v3.1 §5 and v4.0 §6). */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}
