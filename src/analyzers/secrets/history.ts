import { createHash } from 'node:crypto';
import type { HistoryAddition, ProjectContext } from '../../core/analyzer.js';
import { VanguardError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { parseDirectives, ruleMatches } from '../../policy/inline.js';
import { splitForProfile } from './audit-shapes.js';
import { withoutDocExamples } from './documented-default.js';
import type { SecretEngine } from './engine.js';
import { lowerInSiteClient } from './site-client-key.js';
import { severityOf, toFinding } from './to-finding.js';

/** The `historySince` option: a commit after which to scan (incremental scans), or undefined. */
function sinceOption(ctx: ProjectContext): string | undefined {
  const since = ctx.options.historySince;
  if (since === undefined) return undefined;
  if (typeof since !== 'string') {
    throw new VanguardError('USAGE', `--history-since: ${JSON.stringify(since)} is not a revision`);
  }
  return since;
}

/**
 * Secrets added by any commit reachable from HEAD, each reported once with the commit that introduced
 * it (oldest first), also when a later commit removed it. The core reads the history (ctx.history);
 * this analyzer only matches the text each commit added.
 */
export async function scanHistory(
  ctx: ProjectContext,
  engine: SecretEngine,
  productNames: readonly string[],
): Promise<RawFinding[]> {
  if (!ctx.history) throw new VanguardError('USAGE', '--history needs the scan engine to read git history');
  const since = sinceOption(ctx);
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for await (const addition of ctx.history(since === undefined ? {} : { since })) {
    await scanAddition(addition, engine, productNames, seen, findings, ctx, (m) =>
      ctx.warn(`git history, commit ${addition.commit.slice(0, 12)}: ${m}`, {
        code: 'history-cap',
        path: addition.path,
      }),
    );
  }
  return findings;
}

async function scanAddition(
  p: HistoryAddition,
  engine: SecretEngine,
  productNames: readonly string[],
  seen: Set<string>,
  out: RawFinding[],
  ctx: ProjectContext,
  warn: (message: string) => void,
): Promise<void> {
  const joined = Buffer.concat(p.lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from('\n'), l])));
  const name = p.path.slice(p.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const scanned = engine.scan(joined, { path: p.path, name, ext, productNames, warn });
  if (scanned.length === 0) return;
  const texts = p.lines.map((l) => l.toString('utf8'));
  const text = texts.join('\n');
  // A page's example password is as made up in the commit that wrote it as in the working tree: judged by the
  // same evidence (the working tree's shipped configuration and code, the lines the commit added). A site
  // client's key and a default of the program's configuration are lowered and left to the audit profile as a
  // file scan leaves them, read from the lines the commit added (the module or its defaults block, when that
  // commit wrote them).
  const documented = await withoutDocExamples(scanned, p.path, () => texts, ctx);
  const { kept, heldBack } = splitForProfile(
    lowerInSiteClient(documented, text, severityOf),
    p.path,
    text,
    ctx.options,
    ctx.paths,
  );
  const held = new Set(heldBack);
  const { directives } = parseDirectives(p.path, texts);
  // What a default scan leaves to the audit profile is marked (ScanResult.heldBack), in the order found.
  for (const d of [...kept, ...heldBack]) {
    // A held-back sighting never hides a reported one of a later commit: each is counted apart.
    const key = createHash('sha256')
      .update(`${held.has(d) ? 'held\0' : ''}${d.ruleId}\0${d.secret}`)
      .digest('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    const idx = d.line - 1;
    const real = p.lineNos[idx] ?? d.line;
    const directive = directives.find(
      (dir) =>
        ruleMatches(dir.ruleId, d.ruleId) &&
        (dir.line === d.line || (dir.line === d.line - 1 && p.lineNos[idx - 1] === real - 1)),
    );
    const f = toFinding({ ...d, line: real }, p.path, p.commit);
    if (directive) f.suppression = { kind: 'inline', reason: directive.reason };
    if (held.has(d)) f.heldBack = true;
    out.push(f);
  }
}
