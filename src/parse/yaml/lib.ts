import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';

let lib: typeof YamlLib | undefined;

/**
 * The yaml package, loaded on first use: a pre-commit scan of a few source files never parses YAML,
 * and loading the package is a good part of a short scan's start-up.
 */
export function yamlLib(): typeof YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib);
}
