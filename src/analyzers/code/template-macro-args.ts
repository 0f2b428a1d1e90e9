/**
 * A Jinja macro's parameter written raw (`{{ selector|safe }}` in `{% macro autocomplete(selector, types) %}`)
 * where every call of the macro in the project's templates passes fixed text for it
 * (`{{ utils.autocomplete('$("#contenttype")', types) }}`, by position or as `selector='…'`), or leaves it
 * to a default that is fixed text: the markup is the templates' own. A call that passes anything else for it,
 * a macro no template calls, or a mention of the macro's name that is not a call (`{% set f = utils.autocomplete
 * %}`) keeps the finding. What it gives up: a macro called from Python (`get_template_attribute`).
 */
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { escapeRegex } from './scope.js';
import { projectCorpus } from './template-escaped-items.js';
import { lineStarts, position, reviewedEngine, unescapedOutputs, withoutOutputsAt } from './templates.js';
import type { UnescapedOutput } from './templates.js';

const MACRO = /\{%-?\s*macro\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*-?%\}([\s\S]*?)\{%-?\s*endmacro\b/g;
const LITERAL = /^(?:"[^"\\{}]*"|'[^'\\{}]*')$/;
const MAX_ARGS_LENGTH = 2000;
const MAX_CHECKS = 200;
const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

interface Param {
  name: string;
  /** The default's text, when the parameter has one. */
  fallback?: string;
}

/** The arguments of a call whose `(` is at `open`, split at top-level commas; undefined when unbalanced. */
function callArgs(text: string, open: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let start = open + 1;
  for (let i = open + 1; i < text.length && i - open < MAX_ARGS_LENGTH; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    else if (ch === ')' || (ch === ',' && depth === 0)) {
      args.push(text.slice(start, i).trim());
      if (ch === ')') return args.filter((a, k) => a !== '' || k < args.length - 1);
      start = i + 1;
    }
  }
  return undefined;
}

/** The tags of the templates: only their own code, a word in markup (`<span>icon</span>`) is no mention. */
function templateCode(templates: Iterable<string>): string[] {
  return [...templates].flatMap((t) => [...t.matchAll(TAG)].map((m) => m[0]));
}

/** Whether every mention of the macro in the templates' `code` is a call passing fixed text for `param`. */
function alwaysLiteral(code: readonly string[], macro: string, params: Param[], index: number): boolean {
  const param = params[index]!;
  const name = new RegExp(`(?<![\\w.])(?:[A-Za-z_]\\w*\\.)?${escapeRegex(macro)}(?!\\w)`, 'g');
  const definition = new RegExp(`macro\\s+$`);
  let calls = 0;
  for (const text of code) {
    if (!text.includes(macro)) continue;
    // Names inside quoted text are no mentions either: matched on a copy with the quotes' contents blanked.
    const masked = text.replace(/"[^"]*"|'[^']*'/g, (q) => q[0]! + ' '.repeat(q.length - 2) + q[0]!);
    for (const m of masked.matchAll(name)) {
      const at = m.index ?? 0;
      if (definition.test(masked.slice(Math.max(0, at - 40), at))) continue;
      const after = text.slice(at + m[0].length).match(/^\s*\(/);
      if (!after) return false;
      const args = callArgs(text, at + m[0].length + after[0].length - 1);
      if (!args) return false;
      const keyword = args.find((a) => new RegExp(`^${escapeRegex(param.name)}\\s*=`).test(a));
      const positional = args.filter((a) => !/^[A-Za-z_]\w*\s*=/.test(a));
      const value = keyword ? keyword.replace(/^[^=]*=/, '').trim() : (positional[index] ?? param.fallback);
      if (value === undefined || !LITERAL.test(value)) return false;
      calls++;
    }
  }
  return calls > 0;
}

/**
 * `findings` of a Jinja template without the raw outputs of macro parameters that every call passes as fixed
 * text (see the module comment).
 */
export async function withoutLiteralMacroArgs(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const engine = reviewedEngine(file.ext, findings);
  if ((engine !== 'jinja' && engine !== 'html') || !file.text.includes('macro')) return findings;
  const outputs = unescapedOutputs(file.text, engine).filter((o) => o.construct === '|safe');
  if (outputs.length === 0) return findings;
  const starts = lineStarts(file.text);
  const lineOf = (offset: number): number => position(starts, offset).line;
  const dropped: UnescapedOutput[] = [];
  let code: string[] | undefined;
  // Each check reads every template's code: a file of many macros is checked up to this many times.
  let checks = 0;
  let next = 0;
  for (const m of file.text.matchAll(MACRO)) {
    const params: Param[] = (m[2] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        return eq < 0 ? { name: p } : { name: p.slice(0, eq).trim(), fallback: p.slice(eq + 1).trim() };
      });
    const first = lineOf((m.index ?? 0) + m[0].indexOf('%}') + 2);
    const last = lineOf((m.index ?? 0) + m[0].length);
    // Macros come in order and do not overlap, outputs are sorted: each output is visited once or twice.
    while (next < outputs.length && outputs[next]!.line < first) next++;
    for (let k = next; k < outputs.length && outputs[k]!.line <= last; k++) {
      const o = outputs[k]!;
      const index = params.findIndex((p) => p.name === o.expr);
      if (index < 0) continue;
      if (!code) {
        const c = await projectCorpus(ctx, file.path);
        if (!c) return findings;
        code = templateCode(
          c.templates.has(file.path) ? c.templates.values() : [...c.templates.values(), file.text],
        );
      }
      if (++checks > MAX_CHECKS) return withoutOutputsAt(findings, dropped);
      if (alwaysLiteral(code, m[1]!, params, index)) dropped.push(o);
    }
  }
  return withoutOutputsAt(findings, dropped);
}
