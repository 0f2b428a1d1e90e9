#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { exitCodeForError, printError } from './errors.js';
import { registerDb } from './db.js';
import { registerInit } from './init.js';
import { registerRules } from './rules.js';
import { registerSbom } from './sbom.js';
import { registerScan } from './scan.js';
import { registerThreats } from './threats.js';

/**
 * The command-line program. Each command lives in its own file and registers itself here,
 * one explicit line each.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('vanguard')
    .description('One scan for every attack vector of a repository.')
    .version(VERSION)
    .option('--debug', 'print the stack trace of an internal error (anywhere on the command line)')
    .showHelpAfterError()
    .exitOverride()
    // Options after a subcommand belong to it (`threats init --output x` is init's --output).
    .enablePositionalOptions();
  registerScan(program);
  registerInit(program);
  registerDb(program);
  registerSbom(program);
  registerThreats(program);
  registerRules(program);
  return program;
}

/** `--debug` may follow a subcommand too (`vanguard scan . --debug`): taken out before commander parses. */
function takeDebug(argv: readonly string[]): { argv: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? [...argv] : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  const debug = head.includes('--debug') || process.env.VANGUARD_DEBUG === '1';
  return { argv: [...head.filter((a, i) => i < 2 || a !== '--debug'), ...tail], debug };
}

async function main(): Promise<void> {
  const { argv, debug } = takeDebug(process.argv);
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    printError(err, debug);
    // 2: usage, configuration or environment errors the user can fix; 4: a bug in Vanguard.
    process.exitCode = exitCodeForError(err);
  }
}

await main();
