import { iacAnalyzer } from './iac/index.js';
import { pipelineAnalyzer } from './pipeline/index.js';
import { threatsAnalyzer } from './threats/index.js';
import { AnalyzerRegistry } from './registry.js';

/**
 * The one explicit list of analyzers. Each analyzer module exports its analyzer object; adding
 * an analyzer is one line here.
 */
export function createRegistry(): AnalyzerRegistry {
  return new AnalyzerRegistry().register(iacAnalyzer).register(pipelineAnalyzer).register(threatsAnalyzer);
}
