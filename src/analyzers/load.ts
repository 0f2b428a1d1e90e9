import type { Analyzer, FileRef } from '../core/analyzer.js';
import { VanguardError } from '../core/errors.js';
import type { AnalyzerId } from '../core/finding.js';
import { AnalyzerRegistry } from './registry.js';

/**
 * The built-in analyzers by id, each loaded on first use: an analyzer's rules and parsers cost
 * hundreds of milliseconds to load, which a pre-commit scan with three analyzers should not pay for
 * the other three. Same analyzers, same order as `createRegistry` in index.ts (index.test.ts checks).
 */
export const ANALYZER_LOADERS = {
  secrets: async () => (await import('./secrets/index.js')).secretsAnalyzer,
  deps: async () => (await import('./deps/index.js')).depsAnalyzer,
  code: async () => (await import('./code/index.js')).codeAnalyzer,
  iac: async () => (await import('./iac/index.js')).iacAnalyzer,
  pipeline: async () => (await import('./pipeline/index.js')).pipelineAnalyzer,
  threats: async () => (await import('./threats/index.js')).threatsAnalyzer,
} satisfies { [K in AnalyzerId]?: () => Promise<Analyzer> };

/**
 * Analyzers that only read files one at a time (no `prepare` work without files, no `analyzeProject`),
 * with their `matches` loadable on its own: a scan can tell without loading one that it has nothing
 * to do (load.test.ts checks that each is the analyzer's own `matches`).
 */
export const FILE_MATCHERS = {
  iac: async () => (await import('./iac/wants.js')).matchesIac,
  pipeline: async () => (await import('./pipeline/place.js')).matchesPipeline,
} satisfies { [K in AnalyzerId]?: () => Promise<(file: FileRef) => boolean> };

type LoadableId = keyof typeof ANALYZER_LOADERS;
const LOADABLE = Object.keys(ANALYZER_LOADERS) as LoadableId[];

function isLoadable(id: string): id is LoadableId {
  return Object.hasOwn(ANALYZER_LOADERS, id);
}

/**
 * A registry of the analyzers a scan names (`only`, plus the `skip` names so that they are
 * checked), or of all of them when `only` is empty. An unknown name fails as `registry.get` does.
 */
export async function loadRegistry(
  sel: { only?: readonly string[]; skip?: readonly string[] } = {},
): Promise<AnalyzerRegistry> {
  for (const id of [...(sel.only ?? []), ...(sel.skip ?? [])]) {
    if (!isLoadable(id))
      throw new VanguardError('UNKNOWN_ANALYZER', `unknown analyzer "${id}" (known: ${LOADABLE.join(', ')})`);
  }
  const wanted =
    sel.only && sel.only.length > 0
      ? new Set<string>([...sel.only, ...(sel.skip ?? [])])
      : new Set<string>(LOADABLE);
  const ids = LOADABLE.filter((id) => wanted.has(id));
  const analyzers = await Promise.all(ids.map((id) => ANALYZER_LOADERS[id]()));
  const registry = new AnalyzerRegistry();
  for (const a of analyzers) registry.register(a);
  return registry;
}
