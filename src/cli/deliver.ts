import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/result.js';
import { EXIT } from './errors.js';
import { allToFiles, type OutputPairs, type OutputSpec, summaryText, writeOutputs } from './outputs.js';

/** The flags every command that produces a scan result shares for where it goes. */
export interface DeliveryFlags {
  push?: boolean;
  server?: string;
  token?: string;
  project?: string;
}

/** Adds `--format`/`--output` pairs and `--push` with its server, token and project to a command. */
export function addDeliveryOptions(command: Command, outputs: OutputPairs): Command {
  return command
    .option(
      '-f, --format <format>',
      'table, json, sarif, … (repeatable; pairs with the --output after it)',
      outputs.format,
    )
    .option('-o, --output <file>', 'write the preceding --format to this file (repeatable)', outputs.output)
    .option('--push', 'send the result to a Vanguard server ($VANGUARD_SERVER, $VANGUARD_TOKEN)')
    .option('--server <url>', 'with --push: the server (default: $VANGUARD_SERVER)')
    .option('--token <token>', 'with --push: a push token (default: $VANGUARD_TOKEN)')
    .option('--project <name>', 'with --push: the project (a push token already names it)');
}

/**
 * Writes each requested report, says on stderr what happened when every report went to a file, and
 * pushes the result when asked (`cwd` gives the branch and commit).
 */
export async function deliver(
  result: ScanResult,
  specs: readonly OutputSpec[],
  flags: DeliveryFlags,
  cwd: string,
  label: string,
): Promise<void> {
  await writeOutputs(result, specs);
  // With every report in files, the terminal still says what happened and why the exit code is what it is.
  if (allToFiles(specs)) process.stderr.write(summaryText(result, specs));
  if (flags.push) {
    // Loaded only to push: most scans never do.
    const [{ pushOptions, summaryLine }, { pushBody }] = await Promise.all([
      import('./push.js'),
      import('../server/push-client.js'),
    ]);
    const opts = await pushOptions(flags, cwd);
    // The report may be on stdout, so the push summary goes to stderr.
    process.stderr.write(summaryLine(label, await pushBody(JSON.stringify(result), opts)));
  }
}

/** The exit code a finished scan or probe maps to (documented in the README). */
export function exitCodeFor(result: ScanResult): number {
  if (result.summary.gate.failed) return EXIT.policyFailed;
  if (result.status === 'partial') return EXIT.incomplete;
  return EXIT.pass;
}

/** Now, or VANGUARD_NOW (an ISO date) so that exception and certificate expiry can be reproduced and tested. */
export function clock(): Date {
  const fixed = process.env.VANGUARD_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) throw new UsageError(`VANGUARD_NOW is not a date: "${fixed}"`);
  return d;
}
