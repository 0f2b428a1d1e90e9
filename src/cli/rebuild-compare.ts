import type { Command } from 'commander';
import { Option } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { rebuildCompare } from '../attest/compare/compare.js';
import { renderCompare } from '../attest/compare/render.js';
import { sanitizeForTerminal } from '../report/table.js';
import { EXIT } from './errors.js';

// Tabs are common in diffs and harmless; every other control character is neutralised.
const safe = (s: string): string => sanitizeForTerminal(s.replace(/\t/g, '    '));

/** `vanguard rebuild-compare A B`: exit 0 same, 1 different, 2 could not compare. */
export function registerRebuildCompare(program: Command): void {
  program
    .command('rebuild-compare')
    .description('compare two independent builds (folders or artifacts; archives member by member)')
    .argument('<a>', 'first build: a folder or an artifact')
    .argument('<b>', 'second build')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to this file (the summary still goes to standard error)')
    .action(async (a: string, b: string, flags: { format: 'text' | 'json'; output?: string }) => {
      // Bound errors and unreadable inputs throw: main prints them and exits 2 ("could not compare").
      const report = rebuildCompare(a, b);
      const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderCompare(report);
      if (flags.output !== undefined) {
        await mkdir(dirname(flags.output), { recursive: true });
        await writeFile(flags.output, text);
        process.stderr.write(renderCompare(report, safe).split('\n').slice(0, 3).join('\n') + '\n');
      } else {
        process.stdout.write(flags.format === 'json' ? text : renderCompare(report, safe));
      }
      process.exitCode = report.same ? EXIT.pass : EXIT.policyFailed;
    });
}
