import { writeFileAtomic } from './atomic-write.js';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { isSeverity } from '../core/finding.js';
import type { Severity } from '../core/finding.js';
import { reporterFor } from '../report/index.js';
import { renderSvg, toDot, toMermaid } from '../threats/diagram.js';
import { threatMarkdown, threatScanResult, threatTable } from '../threats/report.js';
import { initModel, resolveModelPath, runThreats } from '../threats/run.js';
import type { ThreatRun } from '../threats/run.js';
import { OutputPairs } from './outputs.js';

export const THREAT_FORMATS = ['table', 'json', 'sarif', 'markdown', 'mermaid', 'svg'] as const;
type ThreatFormat = (typeof THREAT_FORMATS)[number];

function asFormat(v: string): ThreatFormat {
  if (!(THREAT_FORMATS as readonly string[]).includes(v)) {
    throw new UsageError(`unknown format "${v}" (known: ${THREAT_FORMATS.join(', ')})`);
  }
  return v as ThreatFormat;
}

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Renders one output format for a threat run. */
function render(format: ThreatFormat, run: ThreatRun, failOn: Severity | 'none', tty: boolean): string {
  const { model, derivation } = run;
  switch (format) {
    case 'mermaid':
      return toMermaid(model, derivation.threats);
    case 'svg':
      return renderSvg(toDot(model, derivation.threats));
    case 'markdown':
      return threatMarkdown(model, derivation, run.drift);
    case 'table':
    case 'json':
    case 'sarif': {
      const result = threatScanResult({
        model,
        derivation,
        drift: run.drift,
        warnings: run.warnings,
        root: run.root,
        startedAt: new Date(),
        failOn,
      });
      const text = reporterFor(format)(result, { tty });
      // The shared table shows open findings; the register adds every threat with its rating and tracking.
      return format === 'table' ? `${text}\nThreat register\n\n${threatTable(model, derivation, tty)}` : text;
    }
  }
}

/** `vanguard threats [model]` and `vanguard threats init`. */
export function registerThreats(program: Command): void {
  const outputs = new OutputPairs('table');
  const cmd = program
    .command('threats')
    // `threats init --output x` is init's own --output, not the report's.
    .enablePositionalOptions()
    .description(
      'Derive STRIDE threats from threatmodel.yaml (or a Threagile model), draw the data flow, check it against the code',
    )
    .argument('[model]', 'model file or directory holding threatmodel.yaml (default: current directory)')
    .option(
      '-f, --format <format>',
      `output format: ${THREAT_FORMATS.join('|')} (repeatable)`,
      outputs.format,
    )
    .option(
      '-o, --output <file>',
      'write the preceding --format to this file (default: stdout)',
      outputs.output,
    )
    .option(
      '--root <dir>',
      'repository root the model paths are relative to (default: the model directory given, else the current one)',
    )
    .option(
      '--fail-on <severity>',
      'exit 1 when an open threat or mismatch is at or above this severity',
      'none',
    )
    .option('--now <date>', 'evaluate risk-acceptance expiry as of this date (ISO)')
    .option('--no-code', 'do not hold the model against Compose, Kubernetes and Terraform files')
    .action(
      async (
        modelArg: string | undefined,
        opts: { root?: string; failOn: string; now?: string; code: boolean },
      ) => {
        const failOn = opts.failOn;
        if (failOn !== 'none' && !isSeverity(failOn))
          throw new UsageError(`--fail-on must be none or a severity, not "${failOn}"`);
        const now = opts.now === undefined ? new Date() : new Date(opts.now);
        if (Number.isNaN(now.getTime())) throw new UsageError(`--now is not a date: ${opts.now ?? ''}`);
        const specs = outputs.specs.length > 0 ? outputs.specs : [{ format: 'table' }];
        for (const spec of specs) asFormat(spec.format);
        if (specs.filter((x) => x.output === undefined || x.output === '-').length > 1) {
          throw new UsageError(
            'more than one --format writes to standard output: give each an --output <file>',
          );
        }
        const cwd = process.cwd();
        const run = await runThreats({
          modelPath: resolveModelPath(modelArg, cwd),
          root: resolve(
            cwd,
            opts.root ?? (modelArg !== undefined && isDirectory(resolve(cwd, modelArg)) ? modelArg : '.'),
          ),
          now,
          code: opts.code,
        });
        for (const w of run.warnings) process.stderr.write(`vanguard: warning: ${w}\n`);
        for (const spec of specs) {
          const toStdout = spec.output === undefined || spec.output === '-';
          const text = render(asFormat(spec.format), run, failOn, toStdout && process.stdout.isTTY === true);
          if (toStdout) process.stdout.write(text);
          else {
            const target = resolve(cwd, spec.output ?? '');
            await writeFileAtomic(target, text);
          }
        }
        const result = threatScanResult({ ...run, startedAt: new Date(), failOn });
        if (result.summary.gate.failed) process.exitCode = 1;
      },
    );
  cmd
    .command('init')
    .description('Draft threatmodel.yaml from the Compose, Kubernetes and Terraform files of a repository')
    .argument('[dir]', 'repository root', '.')
    .option('-o, --output <file>', 'where to write the draft ("-" for stdout)', 'threatmodel.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (dir: string, opts: { output: string; force?: boolean }) => {
      const root = resolve(process.cwd(), dir);
      const { text, units } = await initModel(root);
      if (opts.output === '-') {
        process.stdout.write(text);
        return;
      }
      const target = resolve(root, opts.output);
      if (existsSync(target) && !opts.force)
        throw new UsageError(`${target} exists; use --force to overwrite it`);
      // Replaced whole, and a symbolic link at the target is replaced rather than written through.
      await writeFileAtomic(target, text);
      process.stderr.write(
        `vanguard: drafted ${target} from ${units} infrastructure objects; review it before committing\n`,
      );
    });
}
