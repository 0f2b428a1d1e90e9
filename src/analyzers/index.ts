import type { Analyzer } from '../core/analyzer.js';
import { codeAnalyzer } from './code/index.js';
import { depsAnalyzer } from './deps/index.js';
import { iacAnalyzer } from './iac/index.js';
import { pipelineAnalyzer } from './pipeline/index.js';
import { AnalyzerRegistry } from './registry.js';
import { secretsAnalyzer } from './secrets/index.js';
import { threatsAnalyzer } from './threats/index.js';

/** The one explicit list of analyzers, in the order they run on a file. */
const ANALYZERS: readonly Analyzer[] = [
  secretsAnalyzer,
  depsAnalyzer,
  codeAnalyzer,
  iacAnalyzer,
  pipelineAnalyzer,
  threatsAnalyzer,
];

/** A registry of every built-in analyzer; registering an id twice fails loudly. */
export function createRegistry(): AnalyzerRegistry {
  const registry = new AnalyzerRegistry();
  for (const a of ANALYZERS) registry.register(a);
  return registry;
}
