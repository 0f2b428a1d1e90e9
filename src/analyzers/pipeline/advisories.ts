import { existsSync } from 'node:fs';
import { resolveDbPath } from '../deps/db/paths.js';
import { optionsOf } from '../options.js';
import { advisoryDbOptions } from './options.js';
import type { Wf } from './gha-scope.js';
import { COMPROMISED } from './known-actions.js';
import { GHA_KNOWN_VULNERABLE } from './rules-gha.js';

const SHA = /^[0-9a-f]{40}$/i;

function numeric(v: string): number[] {
  return v
    .replace(/^v/i, '')
    .split(/[.-]/)
    .map((p) => Number.parseInt(p, 10))
    .map((n) => (Number.isNaN(n) ? 0 : n));
}

function below(v: string, limit: string): boolean {
  const a = numeric(v);
  const b = numeric(limit);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** The version a reference stands for: its tag, or for a SHA pin the version in its comment. */
function versionOf(ref: string, comment: string | undefined): string | undefined {
  if (SHA.test(ref)) return comment?.replace(/^v/i, '');
  return /^v?\d{1,6}(?:\.\d{1,6}){0,3}$/i.test(ref) ? ref.replace(/^v/i, '') : undefined;
}

/** Whether the local OSV database exists (what `advisoryMatches` would open). */
export function hasAdvisoryDb(options: Readonly<Record<string, unknown>>): boolean {
  // Asked for every workflow: one file-system look-up per scan's options object, not one per file.
  let has = dbKnown.get(options);
  if (has === undefined) {
    has = existsSync(resolveDbPath(optionsOf('deps', advisoryDbOptions(options)).dbPath));
    dbKnown.set(options, has);
  }
  return has;
}
const dbKnown = new WeakMap<object, boolean>();

/**
 * Known-compromised versions (built in) and OSV advisories of the `GitHub Actions` ecosystem (when the
 * local database exists) for every action the file uses. Returns false when there was no database.
 */
export async function checkKnownVulnerable(
  wf: Wf,
  options: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const lookups: { i: number; version: string }[] = [];
  wf.uses.forEach((u, i) => {
    const name = u.action.split('/').slice(0, 2).join('/').toLowerCase();
    const pos = wf.rep.find(u.line, u.line, u.ref === '' ? u.action : `@${u.ref}`);
    const version = versionOf(u.ref, u.comment);
    for (const c of COMPROMISED) {
      if (c.action !== name) continue;
      const bySha = c.shas.includes(u.ref.toLowerCase());
      const byRef = c.refs.includes(u.ref);
      const byVersion =
        !SHA.test(u.ref) && version !== undefined && c.below !== undefined && below(version, c.below);
      if (bySha || byRef || byVersion)
        wf.rep.add(
          GHA_KNOWN_VULNERABLE,
          pos,
          `${u.where} uses ${u.action}@${u.ref}: ${bySha ? 'this is the malicious commit' : 'a compromised version'} of ${c.advisory}; ${c.what}.`,
          `compromised:${name}@${u.ref}`,
          { severity: 'critical' },
        );
    }
    if (version !== undefined) lookups.push({ i, version });
  });
  if (!hasAdvisoryDb(options)) return false;
  if (lookups.length === 0) return true;
  // The database driver and the matcher load only for a file that has actions to look up.
  const { advisoryMatches } = await import('../deps/advisory-lookup.js');
  const matches = advisoryMatches(
    advisoryDbOptions(options),
    lookups.map((l) => ({
      ecosystem: 'GitHub Actions',
      name: wf.uses[l.i]!.action.split('/').slice(0, 2).join('/'),
      version: l.version,
    })),
  );
  if (matches === undefined) return false;
  matches.forEach((ms, k) => {
    const u = wf.uses[lookups[k]!.i]!;
    for (const m of ms) {
      if (m.ids.some((id) => COMPROMISED.some((c) => c.advisory.includes(id)))) continue; // reported above
      wf.rep.add(
        GHA_KNOWN_VULNERABLE,
        wf.rep.find(u.line, u.line, `@${u.ref}`),
        `${u.where} uses ${u.action} ${lookups[k]!.version}, affected by ${m.id}: ${m.summary}${m.smallestFix ? ` (fixed in ${m.smallestFix})` : ''}.`,
        `osv:${u.action}@${u.ref}:${m.id}`,
        { severity: m.severity.severity },
      );
    }
  });
  return true;
}
