import { analyzeText } from '../../src/analyzers/code/engine.js';
import { rulesFor } from '../../src/analyzers/code/index.js';
import { languageOf } from '../../src/analyzers/code/languages.js';

/** The lines (1-based, sorted) code rule `rule` reports in JavaScript `lines`. */
export function ruleLines(rule: string, lines: string[]): number[] {
  return analyzeText(lines.join('\n'), languageOf('js')!, rulesFor(), new Set([rule]))
    .matches.map((m) => m.line)
    .sort((a, b) => a - b);
}
