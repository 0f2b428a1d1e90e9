import type { Analyzer, AnalyzerContext, FileRef, ProjectContext, SourceFile } from '../../core/analyzer.js';
import { ConfigError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import { findingFrom } from '../../core/rule.js';
import type { RuleMeta } from '../../core/rule.js';
import { dedupeMatches } from './dedupe.js';
import { analyzeText, PreparedRules } from './engine.js';
import { isDeclarationFile, languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, loadRuleDirs } from './load-rules.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import type { CodeRule } from './rule-schema.js';

/** The catalogue entry of a YAML rule. */
export function ruleMetaOf(r: CodeRule): RuleMeta {
  const meta: RuleMeta = {
    id: r.id,
    analyzer: 'code',
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence,
    cwe: r.cwe,
    principles: r.principles,
    remediation: r.remediation,
    tags: [...r.languages, r.tier, r.class],
    tier: r.tier,
  };
  if (r.owasp) meta.owasp = r.owasp;
  return meta;
}

const prepared = new Map<string, PreparedRules>();

/** The built-in rules plus those in `dirs`, loaded once per process (or worker) and kept. */
export function rulesFor(dirs: readonly string[] = []): PreparedRules {
  const key = dirs.join('\0');
  let p = prepared.get(key);
  if (!p) {
    p = new PreparedRules(loadRuleDirs([BUILTIN_RULES_DIR, ...dirs]));
    prepared.set(key, p);
  }
  return p;
}

function rulesDirsOf(options: Readonly<Record<string, unknown>>): string[] {
  const v = options['rulesDirs'];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'string')) {
    throw new ConfigError('code: option "rulesDirs" must be a list of folder paths');
  }
  return v;
}

// Loaded on first use, so that a scan without code analysis (or a worker that never gets a
// source file) does not pay for parsing the rule files.
let catalogue: PreparedRules | undefined;

/** Static analysis of JavaScript, TypeScript and Python: structural rules and intra-file taint tracking. */
export const codeAnalyzer: Analyzer = {
  id: 'code',
  description:
    'SAST for JavaScript, TypeScript and Python: structural rules and taint tracking from sources to sinks',
  get rules(): readonly RuleMeta[] {
    catalogue ??= rulesFor();
    return catalogue.set.rules.map(ruleMetaOf);
  },
  matches(file: FileRef): boolean {
    return languageOf(file.ext) !== undefined && !isDeclarationFile(file.name);
  },
  prepare(ctx: ProjectContext): Promise<void> {
    catalogue = rulesFor(rulesDirsOf(ctx.options));
    return Promise.resolve();
  },
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] {
    const lang = languageOf(file.ext);
    if (!lang) return [];
    if (file.size > MAX_CODE_BYTES) {
      ctx.warn(`skipped: larger than ${MAX_CODE_BYTES} bytes`, {
        code: 'file-not-analyzed',
        path: file.path,
      });
      return [];
    }
    if (isMinified(file.name, file.text)) {
      ctx.warn('skipped: minified or bundled code', { code: 'file-not-analyzed', path: file.path });
      return [];
    }
    const rules = rulesFor(rulesDirsOf(ctx.options));
    const result = analyzeText(file.text, lang, rules);
    if (result.truncated) {
      ctx.warn('taint analysis stopped early (analysis budget spent); findings may be missing', {
        code: 'analysis-truncated',
        path: file.path,
      });
    }
    return dedupeMatches(result.matches).map((m) =>
      findingFrom(ruleMetaOf(m.rule), {
        message: m.message,
        confidence: m.confidence,
        location: {
          path: file.path,
          startLine: m.line,
          startColumn: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          snippet: file.lines()[m.line - 1]?.trim() ?? m.snippet,
        },
        fingerprintKey: m.fingerprintKey,
        ...(m.secret !== undefined ? { secret: m.secret } : {}),
      }),
    );
  },
};
