import { createHash } from 'node:crypto';
import { VanguardError } from '../../core/errors.js';
import { normalizeForFingerprint } from '../../core/fingerprint.js';

/** A report that cannot be ingested: the API answers 400 with this message. */
export class ReportError extends VanguardError {
  constructor(message: string) {
    super('PARSE', message);
  }
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, where: string): Obj {
  if (!isObj(v)) throw new ReportError(`${where}: expected an object`);
  return v;
}

export function arr(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ReportError(`${where}: expected an array`);
  return v;
}

export function str(v: unknown, where: string, max = 100_000): string {
  if (typeof v !== 'string') throw new ReportError(`${where}: expected a string`);
  if (v.length > max) throw new ReportError(`${where}: longer than ${max} characters`);
  return v;
}

export function optStr(v: unknown, where: string, max = 100_000): string | undefined {
  return v === undefined || v === null ? undefined : str(v, where, max);
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], where: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new ReportError(`${where}: expected one of ${allowed.join(', ')}`);
  return v as T;
}

export function strList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  return arr(v, where).map((x, i) => str(x, `${where}[${i}]`, 1000));
}

export function intList(v: unknown, where: string): number[] {
  if (v === undefined) return [];
  return arr(v, where).map((x, i) => {
    if (typeof x !== 'number' || !Number.isInteger(x))
      throw new ReportError(`${where}[${i}]: expected an integer`);
    return x;
  });
}

export function line(v: unknown, where: string): number {
  if (v === undefined || v === null) return 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new ReportError(`${where}: expected a line number`);
  return Math.max(1, v);
}

/** An ISO time or undefined; a malformed time is an error rather than a silently wrong date. */
export function optTime(v: unknown, where: string): string | undefined {
  const s = optStr(v, where, 100);
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime()))
    throw new ReportError(`${where}: not a date: ${JSON.stringify(s.slice(0, 40))}`);
  return d.toISOString();
}

/** The fallback identity of a finding that carries none: rule, path and normalised snippet. */
export function contentFingerprint(ruleId: string, path: string, key: string): string {
  return createHash('sha256')
    .update(`${ruleId}\0${path}\0${normalizeForFingerprint(key)}`)
    .digest('hex')
    .slice(0, 32);
}

/** A purl without version, qualifiers or subpath: the package a decision is about. */
export function packageKeyOf(purl: string): string | undefined {
  const m = /^(pkg:[^@?#]+)/.exec(purl);
  return m?.[1]?.toLowerCase();
}
