import { isObj, ReportError, type Obj } from '../ingest/check.js';

/** Parses a hook's raw body: JSON object or a 400 with the reason. */
export function parseJsonObject(raw: string, what: string): Obj {
  let doc: unknown;
  try {
    doc = JSON.parse(raw) as unknown;
  } catch (err) {
    throw new ReportError(`not JSON: ${(err as Error).message}`);
  }
  if (!isObj(doc)) throw new ReportError(`${what} must be a JSON object`);
  return doc;
}

/** A map of string labels (non-string values are refused; they never occur in these formats). */
export function stringMap(v: unknown, where: string, max = 200): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new ReportError(`${where}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > max) throw new ReportError(`${where}: more than ${max} entries`);
  const out: Record<string, string> = {};
  for (const [k, val] of entries) {
    if (typeof val === 'string') out[k.slice(0, 300)] = val.slice(0, 4000);
    else if (typeof val === 'number' || typeof val === 'boolean') out[k.slice(0, 300)] = String(val);
    else if (val !== null) throw new ReportError(`${where}.${k.slice(0, 60)}: expected a string`);
  }
  return out;
}

/** Text bounded for titles and messages. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
