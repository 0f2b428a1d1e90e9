import type { Command } from 'commander';
import { Option } from 'commander';
import { relative } from 'node:path';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { runWatchedBuild } from '../attest/build.js';
import { EXIT } from './errors.js';
import { OutputPairs, writeOutputs } from './outputs.js';
import { exitCodeFor } from './scan.js';

interface BuildFlags {
  artifacts?: string[];
  out: string;
  builderId?: string;
  failOn?: Severity | 'none';
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `vanguard build [--artifacts GLOB…] [--out DIR] -- COMMAND…`: a watched build with SLSA v1 provenance. */
export function registerBuild(program: Command): void {
  const outputs = new OutputPairs('table');
  program
    .command('build')
    .description('run a build command under watch and write SLSA v1 provenance for its products')
    .argument('<command...>', 'the build command and its arguments, after --')
    .option('--artifacts <glob>', 'products to hash and attest, relative to here (repeatable)', collect)
    .option('--out <dir>', 'where provenance.json and the watch log go', '.vanguard/build')
    .option('--builder-id <uri>', 'builder id to record (default: from the CI environment)')
    .option('-f, --format <format>', 'report format for findings (repeatable)', outputs.format)
    .option('-o, --output <file>', 'write the preceding --format to this file (repeatable)', outputs.output)
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        ...SEVERITIES,
        'none',
      ]),
    )
    .passThroughOptions()
    .action(async (command: string[], flags: BuildFlags) => {
      const specs = outputs.resolve();
      const outcome = await runWatchedBuild({
        cwd: process.cwd(),
        command,
        artifacts: flags.artifacts ?? [],
        outDir: flags.out,
        env: process.env,
        ...(flags.builderId !== undefined ? { builderId: flags.builderId } : {}),
        ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
      });
      await writeOutputs(outcome.result, specs);
      const rel = (p: string): string => relative(process.cwd(), p) || p;
      if (outcome.provenancePath) {
        process.stderr.write(
          `vanguard: provenance for ${outcome.products.length} artifact(s) written to ${rel(outcome.provenancePath)}\n`,
        );
      }
      process.stderr.write(`vanguard: watch log written to ${rel(outcome.watchLogPath)}\n`);
      if (outcome.verdict.tampered) {
        process.stderr.write(
          `vanguard: TAMPERING: ${outcome.verdict.tamperedPaths.length + outcome.verdict.addedPaths.length} source path(s) changed while the build ran\n`,
        );
      }
      if (outcome.exitCode !== 0) {
        process.stderr.write(
          `vanguard: the build command failed (${outcome.signal ? `signal ${outcome.signal}` : `exit ${outcome.exitCode}`})\n`,
        );
        process.exitCode = EXIT.policyFailed;
        return;
      }
      // Tampering is critical: it fails unless the gate is turned off, and even then the exit is not 0.
      const code = exitCodeFor(outcome.result);
      process.exitCode = code === EXIT.pass && outcome.verdict.tampered ? EXIT.policyFailed : code;
    });
}
