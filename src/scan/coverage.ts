/**
 * What the scan could not analyze, counted by kind: a user must know the gaps (an unsupported
 * language, an unrendered Helm chart, Terraform written as JSON, generated code) instead of reading
 * a ✓ for every analyzer. One entry per kind with a count and a few examples, not a line per file.
 */
import { join, posix } from 'node:path';
import type { Analyzer, FileRef } from '../core/analyzer.js';
import type { AnalyzerId, FileRole } from '../core/finding.js';
import type { CoverageGap, ScanWarning } from '../core/result.js';
import { readHead } from '../discover/read-file.js';

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
  /** The first line of a file without an extension (its `#!` line), read only for those files. */
  firstLineOf?: (path: string) => string | undefined;
}

// Interpreters named on a `#!` line, by the language they run. Scripts without an extension (a Debian
// package's /usr/bin entries, an npm `bin` script) are chosen by no analyzer, since languages go by
// extension: a whole REST API can live in one such file, so the gap is counted, never silent.
const INTERPRETERS: readonly [RegExp, string][] = [
  [/^python[\d.]*$|^pypy[\d.]*$/, 'Python'],
  [/^(?:node|nodejs|deno|bun|ts-node|tsx)$/, 'JavaScript'],
  [/^ruby[\d.]*$/, 'Ruby'],
  [/^perl[\d.]*$/, 'Perl'],
  [/^php[\d.]*$/, 'PHP'],
];

/** The language a `#!` line runs (`#!/usr/bin/env -S python3 -u`, `#!/usr/bin/node`), if one of ours. */
export function interpreterLanguage(line: string): string | undefined {
  const m = /^#!\s*(\S+)(.*)/.exec(line);
  if (!m) return undefined;
  let program = m[1]!.split('/').pop()!;
  if (program === 'env') {
    // `env` runs the first word that is not an option or a variable assignment.
    program =
      (m[2] ?? '')
        .trim()
        .split(/\s+/)
        .find((w) => w !== '' && !w.startsWith('-') && !w.includes('=')) ?? '';
  }
  return INTERPRETERS.find(([re]) => re.test(program))?.[1];
}

/**
 * The first line of a file under `root` (at most 256 bytes; never blocking on a FIFO nor following a
 * link): only files without an extension ask, so the cost is a few reads per tree.
 */
export function firstLineReader(root: string): (path: string) => string | undefined {
  return (path) => readHead(join(root, path), 256)?.split('\n', 1)[0];
}

function scriptGap(gaps: Gaps, path: string, line: string | undefined): void {
  const lang = line === undefined ? undefined : interpreterLanguage(line);
  if (!lang) return;
  if (lang === 'Python' || lang === 'JavaScript')
    gaps.add(
      'code',
      `script:${lang}`,
      `${lang} script without a file extension (#! line): the code analyzer picks a file's language by its extension; copy or link it with a .${lang === 'Python' ? 'py' : 'js'} name to analyze it`,
      path,
    );
  else gaps.add('code', `language:${lang}`, `${lang} has no code rules`, path);
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
      else if (f.ext === '' && input.firstLineOf) scriptGap(gaps, f.path, input.firstLineOf(f.path));
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
