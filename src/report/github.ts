import type { Finding, Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { otherWarnings, stripControl } from './common.js';
import type { Reporter } from './types.js';
import { formatWarning } from '../core/warning.js';

/** Workflow commands accept `error`, `warning` and `notice`. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

/** Escapes the message of a workflow command (as @actions/core does). */
export function escapeData(s: string): string {
  return stripControl(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command: also `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

function annotation(f: Finding): string {
  const l = f.location;
  const sameLine = l.endLine === undefined || l.endLine === l.startLine;
  return command(
    LEVEL[f.severity],
    {
      file: l.path,
      line: l.startLine,
      endLine: l.endLine,
      // GitHub only honours columns on single-line annotations.
      col: sameLine ? l.startColumn : undefined,
      endColumn: sameLine ? l.endColumn : undefined,
      title: `${f.severity}: ${f.title} (${f.ruleId})`,
    },
    `${f.message}\n\nFix: ${f.remediation}`,
  );
}

/**
 * GitHub Actions workflow annotations: one per unsuppressed finding (baseline-known ones are
 * suppressed, so a pull request shows only what it introduces), then the gate verdict.
 */
export const githubReport: Reporter = (result: ScanResult) => {
  const lines = result.findings.filter((f) => f.suppression === undefined).map(annotation);
  const configFile = result.policy?.configFile;
  for (const e of result.policy?.expiredExceptions ?? []) {
    const msg = `exceptions[${e.index}] (owner ${e.owner}) expired on ${e.expires}; ${e.matched} finding(s) it covered fail again. Reason was: ${e.reason}`;
    lines.push(command('warning', { file: configFile, title: 'Expired exception' }, msg));
  }
  for (const e of result.policy?.staleExceptions ?? []) {
    const msg = `exceptions[${e.index}] (owner ${e.owner}) matches no finding; remove it or fix its matchers.`;
    lines.push(command('notice', { file: configFile, title: 'Stale exception' }, msg));
  }
  for (const s of result.suppressions.filter((x) => !x.used)) {
    const msg = `vanguard-ignore for ${s.ruleId} suppresses nothing here; remove it (reason given: ${s.reason})`;
    lines.push(command('notice', { file: s.path, line: s.line, title: 'Unused inline suppression' }, msg));
  }
  for (const w of otherWarnings(result))
    lines.push(command('warning', { title: 'vanguard' }, formatWarning(w)));
  if (result.status === 'partial') {
    for (const a of result.analyzers) {
      for (const e of a.errors)
        lines.push(
          command(
            'warning',
            { file: e.path, title: `vanguard ${a.id} could not analyse this file` },
            e.message,
          ),
        );
    }
  }
  const gate = result.summary.gate;
  lines.push(command(gate.failed ? 'error' : 'notice', { title: 'Vanguard gate' }, gate.reason));
  return `${lines.join('\n')}\n`;
};
