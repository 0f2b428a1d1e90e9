import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { RuleSet } from './rule-schema.js';
import { parseRuleFile, readRuleYaml } from './load-rules.js';

type Obj = Record<string, unknown>;

/**
 * A folder's shared utils file: `NAME.utils.yaml` holds only top-level `utils`, which every rule
 * file of the same folder may use with `matches:` (rule files split by responsibility would
 * otherwise each carry a copy of the utils they share).
 */
export const SHARED_UTILS_FILE = /\.utils\.ya?ml$/;

const isMapping = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a shared utils file: a mapping with `utils` and nothing else. */
export function parseUtilsFile(file: string, text: string): Obj {
  const doc = readRuleYaml(file, text) ?? {};
  const fail = (msg: string): never => {
    throw new ConfigError(`${file}: ${msg}`, { file });
  };
  if (!isMapping(doc)) return fail('the file must be a mapping');
  const other = Object.keys(doc).find((k) => k !== 'utils');
  if (other !== undefined) fail(`a shared utils file holds only "utils" (found "${other}")`);
  const utils = doc['utils'] ?? {};
  return isMapping(utils) ? utils : fail('utils must be a mapping');
}

/** The folder's `*.yaml`/`*.yml` file names, sorted. */
function yamlNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch (err) {
    throw new ConfigError(
      `cannot read rule folder ${dir}: ${(err as Error).message}`,
      { file: dir },
      { cause: err },
    );
  }
}

/** The utils of the folder's shared files; a name defined in two of them is an error. */
function sharedUtils(dir: string, names: readonly string[]): Obj {
  const shared: Obj = {};
  const from = new Map<string, string>();
  for (const name of names.filter((n) => SHARED_UTILS_FILE.test(n))) {
    const file = join(dir, name);
    for (const [k, v] of Object.entries(parseUtilsFile(file, readFileSync(file, 'utf8')))) {
      const prev = from.get(k);
      if (prev !== undefined)
        throw new ConfigError(`util "${k}" is defined in ${prev} and ${file}`, { file });
      from.set(k, file);
      shared[k] = v;
    }
  }
  return shared;
}

/**
 * Loads every `*.yaml`/`*.yml` file directly in each folder, its rule files with the folder's shared
 * utils; a rule id defined twice is an error.
 */
export function loadRuleDirs(dirs: readonly string[]): RuleSet {
  const out: RuleSet = { rules: [], sources: [], sanitizers: [] };
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const names = yamlNames(dir);
    const shared = sharedUtils(dir, names);
    for (const name of names.filter((n) => !SHARED_UTILS_FILE.test(n))) {
      const file = join(dir, name);
      const set = parseRuleFile(file, readFileSync(file, 'utf8'), shared);
      for (const rule of set.rules) {
        const prev = seen.get(rule.id);
        if (prev !== undefined)
          throw new ConfigError(`rule "${rule.id}" is defined in ${prev} and ${file}`, { file });
        seen.set(rule.id, file);
      }
      out.rules.push(...set.rules);
      out.sources.push(...set.sources);
      out.sanitizers.push(...set.sanitizers);
    }
  }
  return out;
}
