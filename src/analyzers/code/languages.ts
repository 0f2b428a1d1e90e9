import { createRequire } from 'node:module';
import { Lang, registerDynamicLanguage } from '@ast-grep/napi';
import type { parse } from '@ast-grep/napi';

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

/** The ast-grep language of a JavaScript or TypeScript file by its path, or undefined for any other file. */
export function scriptLanguageOf(path: string): NapiLang | undefined {
  const l = languageOf(path.slice(path.lastIndexOf('.') + 1));
  return l && l.family !== 'python' ? l.lang : undefined;
}

/** A `.d.ts` declaration file holds no executable code. */
export function isDeclarationFile(name: string): boolean {
  return /\.d\.[cm]?ts$/.test(name);
}
