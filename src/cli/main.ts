#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { EXIT, printError } from './errors.js';
import { registerAdmin } from './admin.js';
import { registerDb } from './db.js';
import { registerInit } from './init.js';
import { registerPush } from './push.js';
import { registerRules } from './rules.js';
import { registerSbom } from './sbom.js';
import { registerScan } from './scan.js';
import { registerServe } from './serve.js';
import { registerThreats } from './threats.js';
import { registerWorker } from './worker.js';

/**
 * The command-line program. Each command lives in its own file and registers itself here,
 * one explicit line each.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('vanguard')
    .description('One scan for every attack vector of a repository.')
    .version(VERSION)
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
  registerServe(program);
  registerPush(program);
  registerAdmin(program);
  registerWorker(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    printError(err);
    // Usage, configuration and unexpected internal errors alike: the scan produced no result.
    process.exitCode = EXIT.usage;
  }
}

await main();
