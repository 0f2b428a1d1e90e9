/**
 * What the scan could not analyze, counted by kind: a user must know the gaps (an unsupported
 * language, an unrendered Helm chart, Terraform written as JSON, generated code) instead of reading
 * a ✓ for every analyzer. One entry per kind with a count and a few examples, not a line per file.
 */
import { posix } from 'node:path';
import type { Analyzer, FileRef } from '../core/analyzer.js';
import type { AnalyzerId, FileRole } from '../core/finding.js';
import type { CoverageGap, ScanWarning } from '../core/result.js';
import { interpreterLanguage, mayBeScript } from '../core/script-language.js';

const EXAMPLES = 5;

// Programming languages by extension; a file in one the code analyzer does not take is a gap.
const LANGUAGES: Record<string, string> = {
  go: 'Go',
  java: 'Java',
  kt: 'Kotlin',
  kts: 'Kotlin',
  scala: 'Scala',
  groovy: 'Groovy',
  php: 'PHP',
  rb: 'Ruby',
  cs: 'C#',
  fs: 'F#',
  vb: 'Visual Basic',
  swift: 'Swift',
  m: 'Objective-C',
  rs: 'Rust',
  c: 'C',
  h: 'C',
  cc: 'C++',
  cpp: 'C++',
  cxx: 'C++',
  hpp: 'C++',
  dart: 'Dart',
  ex: 'Elixir',
  exs: 'Elixir',
  erl: 'Erlang',
  clj: 'Clojure',
  lua: 'Lua',
  pl: 'Perl',
  pm: 'Perl',
  r: 'R',
  sol: 'Solidity',
  vue: 'Vue',
  svelte: 'Svelte',
};

interface Gap {
  analyzer: AnalyzerId | undefined;
  kind: string;
  reason: string;
  files: string[];
}

class Gaps {
  private readonly byKey = new Map<string, Gap>();
  add(analyzer: AnalyzerId | undefined, kind: string, reason: string, path: string): void {
    const key = `${analyzer}\0${kind}\0${reason}`;
    const g = this.byKey.get(key) ?? { analyzer, kind, reason, files: [] };
    g.files.push(path);
    this.byKey.set(key, g);
  }
  list(dropped: Partial<Record<FileRole, number>>): CoverageGap[] {
    return [...this.byKey.values()]
      .map((g) => {
        const out: CoverageGap = {
          ...(g.analyzer ? { analyzer: g.analyzer } : {}),
          kind: g.kind,
          reason: g.reason,
          files: g.files.length,
          examples: [...g.files].sort().slice(0, EXAMPLES),
        };
        const role = g.kind as FileRole;
        if ((role === 'generated' || role === 'vendored') && dropped[role])
          out.findingsDropped = dropped[role];
        return out;
      })
      .sort((a, b) => b.files - a.files || (a.kind < b.kind ? -1 : 1));
  }
}

function isHelmTemplate(path: string, paths: ReadonlySet<string>): boolean {
  const m = /^(?:(.*)\/)?templates\/.+\.(?:ya?ml|tpl)$/i.exec(path);
  if (!m) return false;
  const chart = m[1] ?? '';
  return paths.has(chart === '' ? 'Chart.yaml' : posix.join(chart, 'Chart.yaml'));
}

export interface CoverageInput {
  files: readonly FileRef[];
  paths: ReadonlySet<string>;
  active: readonly Analyzer[];
  roleOf: (path: string) => FileRole;
  /** Findings dropped per role by the file-role stage. */
  dropped: Partial<Record<FileRole, number>>;
  /** `file-not-analyzed` warnings of the analyzers; they are counted here instead of listed. */
  notAnalyzed: readonly ScanWarning[];
}

/** The coverage gaps of one scan. */
export function coverageGaps(input: CoverageInput): CoverageGap[] {
  const gaps = new Gaps();
  const ids = new Set(input.active.map((a) => a.id));
  const code = input.active.find((a) => a.id === 'code');
  for (const f of input.files) {
    const role = input.roleOf(f.path);
    if (role === 'generated')
      gaps.add(
        undefined,
        'generated',
        'generated or minified code: findings other than secrets are not reported',
        f.path,
      );
    else if (role === 'vendored')
      gaps.add(
        undefined,
        'vendored',
        'vendored third-party code: findings other than secrets are not reported',
        f.path,
      );
    if (code && role !== 'generated' && role !== 'vendored' && !code.matches(f)) {
      const lang = LANGUAGES[f.ext];
      if (lang) gaps.add('code', `language:${lang}`, `${lang} has no code rules`, f.path);
      // A script without an extension in a language with no rules, by the `#!` line the walk read (Python
      // and Node scripts are the code analyzer's; a shell script has no code analyzer to miss it).
      else if (f.shebang !== undefined && mayBeScript(f.ext)) {
        const script = interpreterLanguage(f.shebang);
        if (script) gaps.add('code', `language:${script}`, `${script} has no code rules`, f.path);
      }
    }
    if (ids.has('iac') && /\.tf\.json$/i.test(f.name))
      gaps.add('iac', 'terraform-json', 'Terraform JSON syntax: the Terraform rules do not read it', f.path);
    if (ids.has('iac') && isHelmTemplate(f.path, input.paths))
      gaps.add(
        'iac',
        'helm-template',
        'Helm chart template: not rendered, so the Kubernetes rules see it only where the YAML is readable',
        f.path,
      );
  }
  for (const w of input.notAnalyzed) {
    // A file already counted as generated or vendored is not counted twice.
    if (!w.path || ['generated', 'vendored'].includes(input.roleOf(w.path))) continue;
    const analyzer = (w.analyzer ?? 'code') as AnalyzerId;
    gaps.add(analyzer, 'skipped', w.message, w.path);
  }
  return gaps.list(input.dropped);
}
