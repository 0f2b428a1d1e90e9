import type { Command } from 'commander';
import { Option } from 'commander';
import { writeFileAtomic } from './atomic-write.js';
import { buildProjectBom } from '../analyzers/deps/sbom/build.js';
import { toCycloneDx } from '../analyzers/deps/sbom/cyclonedx.js';
import { toSpdx } from '../analyzers/deps/sbom/spdx.js';
import { VERSION } from '../core/version.js';
import { EXIT } from './errors.js';

interface SbomFlags {
  format: 'cyclonedx-json' | 'spdx-json';
  output?: string;
}

/** `vanguard sbom [path]`: a CycloneDX 1.6 or SPDX 2.3 bill of materials from the project's lockfiles. */
export function registerSbom(program: Command): void {
  program
    .command('sbom')
    .description('write a software bill of materials (CycloneDX 1.6 or SPDX 2.3 JSON) from the lockfiles')
    .argument('[path]', 'project directory', '.')
    .addOption(
      new Option('--format <format>', 'SBOM format')
        .choices(['cyclonedx-json', 'spdx-json'])
        .default('cyclonedx-json'),
    )
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .action(async (path: string, flags: SbomFlags) => {
      const { bom, files, warnings, failed } = await buildProjectBom(path);
      const tool = { name: 'vanguard', version: VERSION };
      const doc = flags.format === 'spdx-json' ? toSpdx(bom, tool) : toCycloneDx(bom, tool);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (flags.output) await writeFileAtomic(flags.output, text);
      else process.stdout.write(text);
      for (const w of warnings) process.stderr.write(`vanguard: note: ${w}\n`);
      for (const f of failed) process.stderr.write(`vanguard: could not read ${f.path}: ${f.message}\n`);
      if (flags.output) {
        process.stderr.write(
          `vanguard: ${bom.components.size} packages from ${files.length} file(s) written to ${flags.output}\n`,
        );
      }
      if (failed.length > 0) process.exitCode = EXIT.incomplete;
    });
}
