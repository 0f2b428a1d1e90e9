/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) that matching and reporting use. */

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  /** SEMVER, ECOSYSTEM or GIT. */
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  database_specific?: Record<string, unknown>;
  ecosystem_specific?: Record<string, unknown>;
}

export interface OsvSeverity {
  /** CVSS_V2, CVSS_V3, CVSS_V4 (or Ubuntu's rating). */
  type: string;
  score: string;
}

export interface OsvRecord {
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  database_specific?: Record<string, unknown> & { severity?: string; cwe_ids?: string[] };
}

/** Checks the minimum an OSV record must have to be indexed (an id, a modified time, affected entries if any are well-formed). */
export function isOsvRecord(v: unknown): v is OsvRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '' || typeof r.modified !== 'string') return false;
  if (r.affected !== undefined && !Array.isArray(r.affected)) return false;
  for (const a of (r.affected as unknown[] | undefined) ?? []) {
    if (typeof a !== 'object' || a === null) return false;
    const ranges = (a as Record<string, unknown>).ranges;
    if (ranges !== undefined && !Array.isArray(ranges)) return false;
  }
  return true;
}
