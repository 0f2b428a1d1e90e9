#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { exitCodeForError, printError } from './errors.js';
import { registerRules } from './rules.js';

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
    .exitOverride();
  registerRules(program);
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
    process.exitCode = exitCodeForError(err);
  }
}

await main();
