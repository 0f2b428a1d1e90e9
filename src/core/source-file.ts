import { basename, extname } from 'node:path';
import type { AnalyzerContext, ProjectContext, SourceFile } from './analyzer.js';
import { formatWarning } from './warning.js';

/** Builds the SourceFile an analyzer receives (the engine and tests use the same constructor). */
export function makeSourceFile(
  path: string,
  text: string | (() => string),
  absPath = path,
  bytes: Buffer = Buffer.from(typeof text === 'string' ? text : text()),
): SourceFile {
  const name = basename(path);
  let lines: string[] | undefined;
  // A function is called on first use of `text`: a scan with only byte-oriented analyzers never decodes.
  let decoded = typeof text === 'string' ? text : undefined;
  const textOf = (): string => (decoded ??= (text as () => string)());
  return {
    path,
    name,
    ext: extname(name).slice(1).toLowerCase(),
    size: bytes.length,
    absPath,
    get text(): string {
      return textOf();
    },
    bytes,
    lines: () => (lines ??= textOf().split(/\r?\n/)),
  };
}

/** An analyzer context over an in-memory set of files (tests, staged content, single files). */
export function makeMemoryContext(
  files: Record<string, string> = {},
  options: Record<string, unknown> = {},
  root = '/virtual',
): AnalyzerContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    root,
    paths: new Set(Object.keys(files)),
    options,
    readFile: (p) => Promise.resolve(files[p]),
    // As the table prints them: the file first when the analyzer names one.
    warn: (m, detail) =>
      void warnings.push(detail?.path ? formatWarning({ code: '', path: detail.path, message: m }) : m),
    warnings,
  };
}

/** A project context over in-memory files (tests of `prepare` and `analyzeProject`); failures are collected. */
export function makeMemoryProjectContext(
  files: Record<string, string> = {},
  options: Record<string, unknown> = {},
  root = '/virtual',
  requested = false,
): ProjectContext & { warnings: string[]; failures: { path: string; err: unknown }[] } {
  const failures: { path: string; err: unknown }[] = [];
  return {
    ...makeMemoryContext(files, options, root),
    files: Object.keys(files).map((p) => {
      const f = makeSourceFile(p, files[p]!);
      return { path: f.path, name: f.name, ext: f.ext, size: f.size };
    }),
    requested,
    isIgnored: () => false,
    fail: (path, err) => void failures.push({ path, err }),
    failures,
  };
}
