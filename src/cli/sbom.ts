import type { Command } from 'commander';
import { Option } from 'commander';
import { formatWarning } from '../core/warning.js';
import { loadConfig } from '../policy/config.js';
import { runScan } from '../scan/run-scan.js';
import { writeOutputs } from './outputs.js';
import { exitCodeFor } from './scan.js';

interface SbomFlags {
  format: 'cyclonedx-json' | 'spdx-json' | 'cyclonedx' | 'spdx';
  output?: string;
  config?: string;
  ignore?: string[];
  gitignore: boolean;
  defaultIgnores: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * `vanguard sbom [path]`: a shortcut for `vanguard scan --only deps --format cyclonedx` that checks no
 * advisories and gates on nothing: the same walk, ignores (vanguard.yaml included) and inventory.
 */
export function registerSbom(program: Command): void {
  program
    .command('sbom')
    .description('write a software bill of materials (CycloneDX 1.6 or SPDX 2.3 JSON) from the lockfiles')
    .argument('[path]', 'project directory', '.')
    .addOption(
      new Option('--format <format>', 'SBOM format')
        .choices(['cyclonedx-json', 'spdx-json', 'cyclonedx', 'spdx'])
        .default('cyclonedx-json'),
    )
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--config <file>', 'policy file (default: vanguard.yaml at the scanned root, if any)')
    .option('--ignore <glob>', 'gitignore-style pattern to skip (repeatable)', collect)
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--no-default-ignores', 'also read node_modules, .venv and other dependency folders')
    .action(async (path: string, flags: SbomFlags) => {
      const config = await loadConfig(path, flags.config);
      const result = await runScan({
        path,
        only: ['deps'],
        explicit: [],
        options: { deps: { ...config.options.deps, advisories: false } },
        ignore: [...config.ignore, ...(flags.ignore ?? [])],
        gitignore: flags.gitignore,
        defaultIgnores: flags.defaultIgnores,
        config,
        failOn: 'none',
      });
      const format = flags.format.startsWith('spdx') ? 'spdx' : 'cyclonedx';
      await writeOutputs(result, [{ format, ...(flags.output ? { output: flags.output } : {}) }]);
      for (const w of result.warnings) process.stderr.write(`vanguard: note: ${formatWarning(w)}\n`);
      for (const a of result.analyzers)
        for (const e of a.errors) process.stderr.write(`vanguard: could not read ${e.path}: ${e.message}\n`);
      const unresolved = result.inventory?.unresolved ?? [];
      const files = new Set([
        ...(result.inventory?.components.map((c) => c.declaredIn) ?? []),
        ...unresolved.map((u) => u.declaredIn),
      ]).size;
      const gap =
        unresolved.length > 0
          ? ` and ${unresolved.length} declared dependencies whose version could not be resolved (listed without one; see the notes)`
          : '';
      process.stderr.write(
        `vanguard: ${result.inventory?.components.length ?? 0} packages${gap} from ${files} file(s)${
          flags.output ? ` written to ${flags.output}` : ''
        }\n`,
      );
      process.exitCode = exitCodeFor(result);
    });
}
