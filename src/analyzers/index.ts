import { codeAnalyzer } from './code/index.js';
import { AnalyzerRegistry } from './registry.js';

/**
 * The one explicit list of analyzers. Each analyzer module exports its analyzer object; adding
 * an analyzer is one line here.
 */
export function createRegistry(): AnalyzerRegistry {
  return new AnalyzerRegistry().register(codeAnalyzer);
}
