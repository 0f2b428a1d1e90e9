#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { exitCodeForError, printError } from './errors.js';

type Register = (program: Command) => void;

/**
 * Every command, by name, with the module that registers it. A module is loaded only when its
 * command runs, so that `vanguard --version` or a pre-commit scan does not pay for the parsers,
 * rules and servers of the others (test/startup.test.ts checks what `--version` loads).
 */
const COMMANDS = {
  scan: async () => (await import('./scan.js')).registerScan,
  init: async () => (await import('./init.js')).registerInit,
  db: async () => (await import('./db.js')).registerDb,
  sbom: async () => (await import('./sbom.js')).registerSbom,
  threats: async () => (await import('./threats.js')).registerThreats,
  rules: async () => (await import('./rules.js')).registerRules,
  build: async () => (await import('./build.js')).registerBuild,
  keys: async () => (await import('./keys.js')).registerKeys,
  attest: async () => (await import('./attest.js')).registerAttest,
  verify: async () => (await import('./verify.js')).registerVerify,
  'rebuild-compare': async () => (await import('./rebuild-compare.js')).registerRebuildCompare,
  serve: async () => (await import('./serve.js')).registerServe,
  push: async () => (await import('./push.js')).registerPush,
  metrics: async () => (await import('./metrics.js')).registerMetrics,
  admin: async () => (await import('./admin.js')).registerAdmin,
  worker: async () => (await import('./worker.js')).registerWorker,
  probe: async () => (await import('./probe.js')).registerProbe,
} satisfies Record<string, () => Promise<Register>>;

type CommandName = keyof typeof COMMANDS;

function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(COMMANDS, word);
}

/**
 * The commands to register for these arguments: the one named (the top-level options take no
 * values, so the first word not starting with `-` is the command); none for `--version`; all of
 * them for help, no arguments, or an unknown word (whose error suggests the closest name).
 */
export function commandsFor(args: readonly string[]): CommandName[] {
  const word = args.find((a) => !a.startsWith('-'));
  if (word !== undefined) return isCommandName(word) ? [word] : (Object.keys(COMMANDS) as CommandName[]);
  if (args.length === 0 || args.some((a) => a === '-h' || a === '--help'))
    return Object.keys(COMMANDS) as CommandName[];
  return [];
}

/** The command-line program, with the commands these arguments need. */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('vanguard')
    .description('One scan for every attack vector of a repository.')
    .version(VERSION)
    .option('--debug', 'print the stack trace of an internal error (anywhere on the command line)')
    .showHelpAfterError()
    .exitOverride()
    // Options after a subcommand belong to it (`threats init --output x` is init's --output).
    .enablePositionalOptions();
  for (const name of commandsFor(args)) (await COMMANDS[name]())(program);
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
    const program = await buildProgram(argv.slice(2));
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    printError(err, debug);
    // 2: usage, configuration or environment errors the user can fix; 4: a bug in Vanguard.
    process.exitCode = exitCodeForError(err);
    // A command that failed half-way (a server or worker that did not start) may leave connections
    // open; the error is printed, so the process must not linger on them.
    setTimeout(() => process.exit(), 2_000).unref();
  }
}

await main();
