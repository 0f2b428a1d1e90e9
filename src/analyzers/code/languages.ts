import { createRequire } from 'node:module';
import { Lang, registerDynamicLanguage } from '@ast-grep/napi';
import type { parse } from '@ast-grep/napi';
import type { FileRef } from '../../core/analyzer.js';
import { interpreterLanguage, mayBeScript } from '../../core/script-language.js';

type NapiLang = Parameters<typeof parse>[0];

/** The language families a rule can name; `typescript` covers .ts and .tsx. */
export const RULE_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** How one file is parsed: the ast-grep language and the family rules are selected by. */
export interface FileLanguage {
  family: RuleLanguage;
  lang: NapiLang;
}

const BY_EXT: Readonly<Record<string, FileLanguage>> = {
  js: { family: 'javascript', lang: Lang.JavaScript },
  jsx: { family: 'javascript', lang: Lang.JavaScript },
  mjs: { family: 'javascript', lang: Lang.JavaScript },
  cjs: { family: 'javascript', lang: Lang.JavaScript },
  ts: { family: 'typescript', lang: Lang.TypeScript },
  mts: { family: 'typescript', lang: Lang.TypeScript },
  cts: { family: 'typescript', lang: Lang.TypeScript },
  tsx: { family: 'typescript', lang: Lang.Tsx },
  py: { family: 'python', lang: 'python' },
};

let pythonRegistered = false;

/** Registers the Python grammar once per thread (worker threads each load the native module afresh). */
export function ensurePython(): void {
  if (pythonRegistered) return;
  const require = createRequire(import.meta.url);
  // The grammar package is CommonJS and exports its registration object.
  registerDynamicLanguage({
    python: require('@ast-grep/lang-python') as Parameters<typeof registerDynamicLanguage>[0][string],
  });
  pythonRegistered = true;
}

/** The language of a file from its extension; undefined when the analyzer does not read it. */
export function languageOf(ext: string): FileLanguage | undefined {
  return Object.hasOwn(BY_EXT, ext) ? BY_EXT[ext] : undefined;
}

// Scripts by the language their `#!` line runs; Ruby, Perl and PHP have no rules (counted as gaps).
const BY_INTERPRETER: Readonly<Record<string, FileLanguage>> = {
  Python: BY_EXT['py']!,
  JavaScript: BY_EXT['js']!,
  TypeScript: BY_EXT['ts']!,
};

/**
 * The language of a script whose extension leaves it open (`bin/serve`, `/usr/bin/rbd-target-api`) by its
 * `#!` line (core/script-language.ts); undefined for any other file, a shell script among them.
 */
export function scriptLanguage(ext: string, shebang: string | undefined): FileLanguage | undefined {
  if (shebang === undefined || !mayBeScript(ext)) return undefined;
  const l = interpreterLanguage(shebang);
  return l !== undefined && Object.hasOwn(BY_INTERPRETER, l) ? BY_INTERPRETER[l] : undefined;
}

/** The language of a discovered file: by its extension, or a script's by the `#!` line the walk read. */
export function languageOfFile(file: Pick<FileRef, 'ext' | 'shebang'>): FileLanguage | undefined {
  return languageOf(file.ext) ?? scriptLanguage(file.ext, file.shebang);
}

/** The language of a file's text: by its extension, or a script's by its first line. */
export function languageOfText(ext: string, text: string): FileLanguage | undefined {
  return (
    languageOf(ext) ??
    (text.startsWith('#!') ? scriptLanguage(ext, text.slice(0, 256).split('\n', 1)[0]) : undefined)
  );
}

/** The ast-grep language of a JavaScript or TypeScript file by its path, or undefined for any other file. */
export function scriptLanguageOf(path: string): NapiLang | undefined {
  const l = languageOf(path.slice(path.lastIndexOf('.') + 1));
  return l && l.family !== 'python' ? l.lang : undefined;
}

/** A `.d.ts` declaration file holds no executable code. */
export function isDeclarationFile(name: string): boolean {
  return /\.d\.[cm]?ts$/.test(name);
}

/**
 * The JavaScript and TypeScript files (no declaration file) among `paths` under the application folder `app`
 * ('' for the whole tree), by their names: what a reading across an application's own scripts goes through.
 */
export function* scriptsUnder(
  paths: Iterable<string>,
  app: string,
): Generator<{ path: string; name: string; lang: FileLanguage }> {
  for (const path of paths) {
    if (app !== '' && !path.startsWith(`${app}/`)) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const lang = languageOf(name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');
    if (!lang || lang.family === 'python' || isDeclarationFile(path)) continue;
    yield { path, name, lang };
  }
}
