import { parseBunLock } from './bun.js';
import { parseCargoLock } from './cargo.js';
import { parseComposerLock } from './composer.js';
import { parseGemfileLock } from './gemfile.js';
import { parseGoMod } from './go-mod.js';
import { parseGradleLockfile } from './maven.js';
import { parsePom } from './pom.js';
import { parseNpmLock } from './npm.js';
import { parseNugetLock } from './nuget.js';
import { parsePackageJson } from './package-json.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePipfileLock, parsePythonTomlLock, parseRequirements } from './python.js';
import type { LockfileParser } from './types.js';
import { parseYarnLock } from './yarn.js';

export type { Ecosystem, Inventory, LockedPackage, ParseOptions } from './types.js';

/** A lockfile or manifest format: which base names it has and the manifest that sits beside it. */
interface Format {
  parse: LockfileParser;
  /** The manifest whose text helps tell direct dependencies (read by the analyzer when discovered). */
  manifest?: string;
  /** True when the format marks development-only packages, so an unmarked package is required. */
  scopes?: boolean;
}

const FORMATS: Record<string, Format> = {
  'package-lock.json': { parse: parseNpmLock, manifest: 'package.json', scopes: true },
  'npm-shrinkwrap.json': { parse: parseNpmLock, manifest: 'package.json', scopes: true },
  'yarn.lock': { parse: parseYarnLock, manifest: 'package.json' },
  'pnpm-lock.yaml': { parse: parsePnpmLock },
  'bun.lock': { parse: parseBunLock },
  'package.json': { parse: parsePackageJson, scopes: true },
  'poetry.lock': { parse: (t) => parsePythonTomlLock(t, 'poetry.lock') },
  'uv.lock': { parse: (t) => parsePythonTomlLock(t, 'uv.lock') },
  'pdm.lock': { parse: (t) => parsePythonTomlLock(t, 'pdm.lock') },
  'Pipfile.lock': { parse: parsePipfileLock, scopes: true },
  'go.mod': { parse: parseGoMod },
  'Cargo.lock': { parse: parseCargoLock },
  'Gemfile.lock': { parse: parseGemfileLock },
  'gems.locked': { parse: parseGemfileLock },
  'composer.lock': { parse: parseComposerLock, manifest: 'composer.json', scopes: true },
  'pom.xml': { parse: parsePom, scopes: true },
  'gradle.lockfile': { parse: parseGradleLockfile },
  'packages.lock.json': { parse: parseNugetLock },
};

/** Lockfiles that make a package.json beside them redundant. */
export const NPM_LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
] as const;

const REQUIREMENTS_RE = /^requirements[\w.-]{0,100}\.txt$/;

/** The format for a file's base name, or undefined when it is not a lockfile or manifest we read. */
export function formatFor(name: string): Format | undefined {
  if (Object.hasOwn(FORMATS, name)) return FORMATS[name];
  if (REQUIREMENTS_RE.test(name)) return { parse: parseRequirements };
  return undefined;
}

/** True when the base name is a lockfile or manifest the deps analyzer reads. */
export function isDependencyFile(name: string): boolean {
  return formatFor(name) !== undefined;
}

export {
  parseBunLock,
  parseCargoLock,
  parseComposerLock,
  parseGemfileLock,
  parseGoMod,
  parseGradleLockfile,
  parseNpmLock,
  parseNugetLock,
  parsePackageJson,
  parsePipfileLock,
  parsePnpmLock,
  parsePom,
  parsePythonTomlLock,
  parseRequirements,
  parseYarnLock,
};
