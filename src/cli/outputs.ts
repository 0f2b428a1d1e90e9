import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/result.js';
import { checkFormat, loadReporter } from '../report/formats.js';
import { writeFileAtomic } from './atomic-write.js';

export interface OutputSpec {
  format: string;
  /** Undefined: standard output. */
  output?: string;
}

/**
 * Collects repeatable `--format F [--output P]` pairs in the order given: each --output pairs
 * with the --format before it; an --output before any --format applies to the default format.
 */
export class OutputPairs {
  readonly specs: OutputSpec[] = [];
  constructor(private readonly defaultFormat: string) {}

  format = (value: string): string => {
    this.specs.push({ format: value });
    return value;
  };

  output = (value: string): string => {
    const last = this.specs.at(-1);
    if (last && last.output === undefined) last.output = value;
    else this.specs.push({ format: this.defaultFormat, output: value });
    return value;
  };

  /** The pairs, or the default format to standard output. At most one pair may use standard output. */
  resolve(): OutputSpec[] {
    const specs = this.specs.length > 0 ? this.specs : [{ format: this.defaultFormat }];
    for (const s of specs) checkFormat(s.format);
    if (specs.filter((s) => s.output === undefined || s.output === '-').length > 1) {
      throw new UsageError('more than one --format writes to standard output: give each an --output <file>');
    }
    return specs;
  }
}

/** Renders each requested format and writes it where it was asked to go. */
export async function writeOutputs(result: ScanResult, specs: readonly OutputSpec[]): Promise<void> {
  for (const s of specs) {
    const toStdout = s.output === undefined || s.output === '-';
    const reporter = await loadReporter(s.format);
    const opts = { tty: toStdout && process.stdout.isTTY === true };
    const text: Iterable<string | Uint8Array> = reporter.chunks
      ? joinedPieces(reporter.chunks(result, opts))
      : [reporter(result, opts)];
    if (toStdout) {
      for (const piece of text) process.stdout.write(piece);
    } else {
      await writeFileAtomic(s.output!, text);
    }
  }
}

/**
 * Small pieces of a report encoded into buffers of about a megabyte: one write each, and no large
 * string to build (joining the pieces into strings first cost a third of the time).
 */
function* joinedPieces(chunks: Iterable<string>, size = 1 << 20): Generator<Uint8Array> {
  let buf = Buffer.allocUnsafe(size);
  let used = 0;
  for (const c of chunks) {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (used + c.length * 3 > buf.length) {
      if (used > 0) yield buf.subarray(0, used);
      buf = Buffer.allocUnsafe(Math.max(size, c.length * 3));
      used = 0;
    }
    used += buf.write(c, used);
  }
  if (used > 0) yield buf.subarray(0, used);
}

/** True when no format goes to standard output, so the terminal would otherwise show nothing. */
export function allToFiles(specs: readonly OutputSpec[]): boolean {
  return specs.every((s) => s.output !== undefined && s.output !== '-');
}

/** A short account of a scan for stderr: findings, gate, completeness and where the reports went. */
export function summaryText(result: ScanResult, specs: readonly OutputSpec[]): string {
  const s = result.summary;
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((k) => s.bySeverity[k] > 0)
    .map((k) => `${s.bySeverity[k]} ${k}`)
    .join(', ');
  const lines = [
    `vanguard: ${s.total} finding${s.total === 1 ? '' : 's'}${counts ? ` (${counts})` : ''}${
      s.suppressed ? `, ${s.suppressed} suppressed` : ''
    }; gate ${s.gate.reason}`,
  ];
  if (result.status === 'partial')
    lines.push('vanguard: scan incomplete: some inputs could not be analyzed (see the report)');
  lines.push(`vanguard: wrote ${specs.map((x) => `${x.format} to ${x.output ?? '-'}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
