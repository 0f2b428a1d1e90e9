import type { OsvRecord } from './types.js';

/**
 * The OSV schema (https://ossf.github.io/osv-schema/) checked where matching and reporting rely on it:
 * one bad record from a mirror or an archive is rejected on import (named, counted) instead of being
 * stored and breaking later scans.
 */

// OSV ids are `PREFIX-…` of letters, digits and a few separators; anything else (escape sequences,
// new lines, markup) would reach reports and terminals.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,199}$/;
const RANGE_TYPES = new Set(['SEMVER', 'ECOSYSTEM', 'GIT']);
const EVENT_KINDS = new Set(['introduced', 'fixed', 'last_affected', 'limit']);
const MAX_TEXT = 100_000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optString(o: Obj, key: string, where: string, max = MAX_TEXT): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return `${where}${key} is not a string`;
  if (v.length > max) return `${where}${key} is longer than ${max} characters`;
  return undefined;
}

function stringArray(o: Obj, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return `${where}${key} is not an array`;
  const bad = v.findIndex((x) => typeof x !== 'string');
  return bad >= 0 ? `${where}${key}[${bad}] is not a string` : undefined;
}

function rangeProblem(r: unknown, where: string): string | undefined {
  if (!isObj(r)) return `${where} is not an object`;
  if (typeof r.type !== 'string' || !RANGE_TYPES.has(r.type))
    return `${where}.type is not SEMVER, ECOSYSTEM or GIT`;
  if (!Array.isArray(r.events) || r.events.length === 0) return `${where}.events is not a non-empty array`;
  let introduced = false;
  for (let i = 0; i < r.events.length; i++) {
    const e: unknown = r.events[i];
    const at = `${where}.events[${i}]`;
    if (!isObj(e)) return `${at} is not an object`;
    const keys = Object.keys(e);
    if (keys.length !== 1 || !EVENT_KINDS.has(keys[0]!))
      return `${at} must have exactly one of introduced, fixed, last_affected, limit`;
    const v = e[keys[0]!];
    if (typeof v !== 'string' || v === '' || v.length > 200)
      return `${at}.${keys[0]} is not a version string`;
    if (keys[0] === 'introduced') introduced = true;
  }
  return introduced ? undefined : `${where} has no introduced event`;
}

function affectedProblem(a: unknown, where: string): string | undefined {
  if (!isObj(a)) return `${where} is not an object`;
  if (a.package !== undefined) {
    const p = a.package;
    if (!isObj(p)) return `${where}.package is not an object`;
    if (typeof p.ecosystem !== 'string' || p.ecosystem === '') return `${where}.package.ecosystem is missing`;
    if (typeof p.name !== 'string' || p.name === '') return `${where}.package.name is missing`;
    const purl = optString(p, 'purl', `${where}.package.`, 2000);
    if (purl) return purl;
  }
  if (a.ranges !== undefined) {
    if (!Array.isArray(a.ranges)) return `${where}.ranges is not an array`;
    for (let i = 0; i < a.ranges.length; i++) {
      const p = rangeProblem(a.ranges[i], `${where}.ranges[${i}]`);
      if (p) return p;
    }
  }
  const versions = stringArray(a, 'versions', `${where}.`);
  if (versions) return versions;
  for (const key of ['database_specific', 'ecosystem_specific'] as const) {
    if (a[key] !== undefined && !isObj(a[key])) return `${where}.${key} is not an object`;
  }
  return undefined;
}

/** Why `v` is not an OSV record that can be indexed and matched, or undefined when it is one. */
export function osvRecordProblem(v: unknown): string | undefined {
  if (!isObj(v)) return 'not a JSON object';
  if (typeof v.id !== 'string' || !ID.test(v.id)) return 'id is missing or not a valid OSV id';
  if (typeof v.modified !== 'string' || Number.isNaN(Date.parse(v.modified)))
    return 'modified is not an RFC 3339 time';
  for (const key of ['published', 'withdrawn'] as const) {
    const p = optString(v, key, '', 64);
    if (p) return p;
  }
  for (const key of ['summary', 'details', 'schema_version'] as const) {
    const p = optString(v, key, '');
    if (p) return p;
  }
  for (const key of ['aliases', 'related', 'upstream'] as const) {
    const p = stringArray(v, key, '');
    if (p) return p;
  }
  if (v.severity !== undefined) {
    if (!Array.isArray(v.severity)) return 'severity is not an array';
    for (let i = 0; i < v.severity.length; i++) {
      const s: unknown = v.severity[i];
      if (!isObj(s) || typeof s.type !== 'string' || typeof s.score !== 'string')
        return `severity[${i}] needs a type and a score string`;
    }
  }
  if (v.affected !== undefined) {
    if (!Array.isArray(v.affected)) return 'affected is not an array';
    for (let i = 0; i < v.affected.length; i++) {
      const p = affectedProblem(v.affected[i], `affected[${i}]`);
      if (p) return p;
    }
  }
  if (v.references !== undefined) {
    if (!Array.isArray(v.references)) return 'references is not an array';
    for (let i = 0; i < v.references.length; i++) {
      const r: unknown = v.references[i];
      if (!isObj(r) || typeof r.url !== 'string') return `references[${i}] needs a url string`;
    }
  }
  if (v.database_specific !== undefined) {
    if (!isObj(v.database_specific)) return 'database_specific is not an object';
    const cwe = stringArray(v.database_specific, 'cwe_ids', 'database_specific.');
    if (cwe) return cwe;
    const sev = optString(v.database_specific, 'severity', 'database_specific.', 32);
    if (sev) return sev;
  }
  return undefined;
}

/** True when `v` passes `osvRecordProblem`. */
export function isValidOsvRecord(v: unknown): v is OsvRecord {
  return osvRecordProblem(v) === undefined;
}
