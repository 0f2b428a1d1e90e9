import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { appConditionHolds } from './app-scope.js';
import { dedupeMatches } from './dedupe.js';
import { analyzeText } from './engine.js';
import type { PreparedRules } from './engine.js';
import { languageOf } from './languages.js';
import { PAGE_EXTENSIONS, pageScriptText } from './page-scripts.js';
import type { FileLanguage } from './languages.js';
import { moduleOf } from './project.js';
import type { LoadedModule, ProjectView } from './project.js';
import type { CodeRule } from './rule-schema.js';
import { fileAccount } from './taint-budget.js';

/** The outcome of one example file for one rule. */
export interface ExampleResult {
  rule: string;
  file: string;
  /** Lines marked `ruleid: <id>` that got no finding. */
  missed: number[];
  /** Lines with a finding that no marker asked for (every finding in a good file). */
  unexpected: number[];
}

/** The folder name of a rule's examples: its id without the analyzer prefix. */
export function exampleDirName(ruleId: string): string {
  return ruleId.replace(/^[^/]+\//, '');
}

/** Lines (1-based) that a `ruleid: <id>` comment on the line before marks as expected findings. */
export function expectedLines(text: string, ruleId: string): number[] {
  const out: number[] = [];
  const lines = text.split(/\r?\n/);
  const marker = new RegExp(`^\\s*(?://|#)\\s*ruleid:\\s*([\\w./,\\s-]+)$`);
  lines.forEach((l, i) => {
    const m = marker.exec(l);
    if (m?.[1]?.split(/[\s,]+/).includes(ruleId)) {
      let j = i + 1;
      while (j < lines.length && /^\s*(?:\/\/|#)\s*ruleid:/.test(lines[j] ?? '')) j++;
      out.push(j + 1);
    }
  });
  return out;
}

/** The example files of a rule: `bad.*` and `good.*` in `dir/<rule-id-without-prefix>/`, and those of
 * other rules' folders that name it in an `examples also for: <id> …` comment on one of their first lines. */
export function exampleFiles(dir: string, ruleId: string): { bad: string[]; good: string[] } {
  const own = folderExamples(join(dir, exampleDirName(ruleId)));
  const shared = sharedExamples(dir).get(ruleId);
  return {
    bad: [...own.bad, ...(shared?.bad ?? [])],
    good: [...own.good, ...(shared?.good ?? [])],
  };
}

function folderExamples(d: string): { bad: string[]; good: string[] } {
  let names: string[] = [];
  try {
    if (statSync(d).isDirectory()) names = readdirSync(d).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const pick = (prefix: string): string[] =>
    names.filter((n) => n.startsWith(prefix) && exampleLanguage(n) !== undefined).map((n) => join(d, n));
  return { bad: pick('bad'), good: pick('good') };
}

const ALSO_FOR = /\bexamples also for:[ \t]*([\w./, \t-]+)/;

// One example serves two rules that read the same code differently (one reports a line the other stays quiet
// on), so it is written once rather than copied into both folders with the markers swapped.
const sharedCache = new Map<string, Map<string, { bad: string[]; good: string[] }>>();

function sharedExamples(dir: string): Map<string, { bad: string[]; good: string[] }> {
  const cached = sharedCache.get(dir);
  if (cached) return cached;
  const out = new Map<string, { bad: string[]; good: string[] }>();
  let folders: string[] = [];
  try {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const folder of folders) {
    const ex = folderExamples(join(dir, folder));
    for (const [kind, files] of [['bad', ex.bad] as const, ['good', ex.good] as const]) {
      for (const f of files) {
        const head = readFileSync(f, 'utf8').slice(0, 600).split(/\r?\n/, 3).join('\n');
        const ids =
          ALSO_FOR.exec(head)?.[1]
            ?.split(/[\s,]+/)
            .filter((id) => id.includes('/')) ?? [];
        for (const id of ids) {
          const entry = out.get(id) ?? { bad: [], good: [] };
          entry[kind].push(f);
          out.set(id, entry);
        }
      }
    }
  }
  sharedCache.set(dir, out);
  return out;
}

/**
 * The package.json of an example's application: `good-x.package.json` beside `good-x.js`, when there is one
 * (a rule that reads what the application declares, `app.unlessDependency`).
 */
function exampleManifest(file: string): string | undefined {
  try {
    return readFileSync(file.slice(0, file.length - extname(file).length) + '.package.json', 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The language an example is read in: its extension's, or JavaScript for an HTML page's inline scripts. */
function exampleLanguage(name: string): FileLanguage | undefined {
  const ext = extname(name).slice(1);
  return languageOf(PAGE_EXTENSIONS.has(ext) ? 'js' : ext);
}

/** Runs one rule over one example file and compares with its markers (good files expect nothing). */
export function checkExample(
  rules: PreparedRules,
  rule: CodeRule,
  file: string,
  good: boolean,
): ExampleResult {
  const raw = readFileSync(file, 'utf8');
  const page = PAGE_EXTENSIONS.has(extname(file).slice(1));
  // An HTML page is read as a scan reads it: its inline scripts at the page's lines (page-scripts.ts).
  const text = page ? (pageScriptText(raw) ?? '') : raw;
  const lang = exampleLanguage(file);
  // Deduplicated as a scan reports them (one review per statement for audit rules).
  // An example is an application of one file: a rule about the whole application is decided on it alone.
  const view = lang && !page ? exampleView(file, text, lang) : undefined;
  const ran = lang ? dedupeMatches(analyzeText(text, lang, rules, new Set([rule.id]), view).matches) : [];
  // Findings of the example itself, not of the helper modules it imports.
  const lines = ran.filter((m) => m.path === undefined || m.path === view?.entry.path).map((m) => m.line);
  const found = !rule.app
    ? lines
    : !appConditionHolds(rule.app, [text], exampleManifest(file)) || lines.length === 0
      ? []
      : rule.app.each
        ? lines
        : [Math.min(...lines)];
  const expected = good ? [] : expectedLines(text, rule.id);
  return {
    rule: rule.id,
    file,
    missed: expected.filter((l) => !found.includes(l)),
    unexpected: [...new Set(found.filter((l) => !expected.includes(l)))],
  };
}

/**
 * An example that imports other files of its folder (`require('./lib-options')`, named neither `bad` nor
 * `good`): a view of it and those modules, so that a flow through a function of another module is tested
 * as a scan follows it. Undefined when it imports none.
 */
function exampleView(file: string, text: string, lang: FileLanguage): ProjectView | undefined {
  const dir = dirname(file);
  const names = new Set(readdirSync(dir));
  const exists = (p: string): boolean => names.has(p);
  const entry = moduleOf(dir, basename(file), text, lang, exists);
  const modules = new Map<string, LoadedModule>([[entry.path, entry]]);
  const wanted = [...entry.imports.names.values()].map((b) => b.module).concat(entry.imports.wildcards);
  for (const p of wanted) {
    const l = languageOf(extname(p).slice(1));
    if (!exists(p) || !l || modules.has(p)) continue;
    modules.set(p, moduleOf(dir, p, readFileSync(join(dir, p), 'utf8'), l, exists));
  }
  if (modules.size < 2) return undefined;
  return { entry, modules, truncated: false, account: fileAccount(), paid: new Set() };
}
