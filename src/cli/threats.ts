import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { formatWarning } from '../core/warning.js';
import { loadConfig } from '../policy/config.js';
import { branchFromEnv } from '../policy/gate.js';
import { reporterFor } from '../report/index.js';
import { runScan } from '../scan/run-scan.js';
import { DRIFT_RULES } from '../threats/crosscheck.js';
import { deriveThreats, type Derivation } from '../threats/derive.js';
import { renderSvg, toDot, toMermaid } from '../threats/diagram.js';
import { loadThreatModel } from '../threats/load.js';
import type { ThreatModel } from '../threats/model.js';
import { threatMarkdown, threatTable } from '../threats/report.js';
import { initModel, resolveModelPath } from '../threats/run.js';
import { exitCodeFor } from './scan.js';
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

/** The model, its derivation and the scan of the tree it was held against. */
interface ThreatView {
  model: ThreatModel;
  derivation: Derivation;
  result: ScanResult;
}

const DRIFT_IDS = new Set(Object.values(DRIFT_RULES).map((r) => r.id));

/** Renders one output format: the scan result's reporters, or the model's own views (diagram, register). */
function render(format: ThreatFormat, view: ThreatView, tty: boolean): string {
  const { model, derivation, result } = view;
  switch (format) {
    case 'mermaid':
      return toMermaid(model, derivation.threats);
    case 'svg':
      return renderSvg(toDot(model, derivation.threats));
    case 'markdown':
      return threatMarkdown(
        model,
        derivation,
        result.findings.filter((f) => DRIFT_IDS.has(f.ruleId)),
      );
    case 'table':
    case 'json':
    case 'sarif': {
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
    .addOption(
      new Option(
        '--fail-on <severity>',
        "exit 1 when an open threat or mismatch is at or above this severity (default: the policy's gates)",
      ).choices([...SEVERITIES, 'none']),
    )
    .option('--config <file>', 'policy file (default: vanguard.yaml at the root, if any)')
    .option('--now <date>', 'evaluate risk-acceptance expiry as of this date (ISO)')
    .option('--no-code', 'do not hold the model against Compose, Kubernetes and Terraform files')
    .action(
      async (
        modelArg: string | undefined,
        opts: { root?: string; failOn?: Severity | 'none'; config?: string; now?: string; code: boolean },
      ) => {
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
        const modelPath = resolveModelPath(modelArg, cwd);
        const root = resolve(
          cwd,
          opts.root ?? (modelArg !== undefined && isDirectory(resolve(cwd, modelArg)) ? modelArg : '.'),
        );
        const rel = relative(root, modelPath).split(sep).join('/');
        if (rel.startsWith('../') || rel === '..' || resolve(root, rel) !== modelPath) {
          throw new UsageError(`the model ${modelPath} is not inside the root ${root}: give --root`);
        }
        // An invalid model is a usage error (exit 2) with its file and line, before anything is scanned.
        const model = loadThreatModel(await readFile(modelPath, 'utf8'), rel);
        const derivation = deriveThreats(model, now);
        // The same engine as `vanguard scan --only threats`: one walk, the policy's ignores, dedupe and gates.
        const config = await loadConfig(root, opts.config);
        const branch = branchFromEnv(process.env);
        const result = await runScan({
          path: root,
          only: ['threats'],
          explicit: ['threats'],
          options: {
            threats: { ...config.options.threats, model: rel, now: now.toISOString(), crossCheck: opts.code },
          },
          ignore: config.ignore,
          config,
          now,
          ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
          ...(branch !== undefined ? { branch } : {}),
        });
        if (derivation.threats.length > 0 && !result.findings.some((f) => f.location.path === rel)) {
          throw new UsageError(
            `the model ${rel} is excluded from the scan (ignored by vanguard.yaml, .gitignore or the default ignores)`,
          );
        }
        for (const w of result.warnings) process.stderr.write(`vanguard: warning: ${formatWarning(w)}\n`);
        const view: ThreatView = { model, derivation, result };
        for (const spec of specs) {
          const toStdout = spec.output === undefined || spec.output === '-';
          const text = render(asFormat(spec.format), view, toStdout && process.stdout.isTTY === true);
          if (toStdout) process.stdout.write(text);
          else {
            const target = resolve(cwd, spec.output ?? '');
            await writeFileAtomic(target, text);
          }
        }
        process.exitCode = exitCodeFor(result);
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
