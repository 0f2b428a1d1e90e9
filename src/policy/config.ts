import { join, resolve } from 'node:path';
import { ConfigError, ParseError } from '../core/errors.js';
import { parsePlainYaml } from '../parse/yaml/plain.js';
import type { YNode } from '../parse/yaml/tree.js';
import { readRegularFile } from '../discover/read-file.js';
import type { AnalyzerId } from '../core/finding.js';
import type { Profile } from '../core/profile.js';
import type { RoleOverrides } from '../core/file-role.js';
import type { ExceptionEntry, FailOn, GatesConfig, RawConfig } from './config-schema.js';
import { configSchema } from './config-schema.js';
import type { Issue, PathSeg } from './schema-dsl.js';
import { validate } from './schema-dsl.js';

export type { ExceptionEntry, FailOn, GatesConfig, GateThresholds, RuleMatcher } from './config-schema.js';

/** The default gate: findings at or above this severity fail the build. */
export const DEFAULT_FAIL_ON: FailOn = 'high';
/** File names looked up at the repository root, in order. */
export const CONFIG_FILE_NAMES = ['vanguard.yaml', 'vanguard.yml'] as const;
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_LISTED_ISSUES = 10;

/** vanguard.yaml with defaults applied. */
export interface VanguardConfig {
  version: 1;
  analyzers: { only?: AnalyzerId[]; skip: AnalyzerId[] };
  /** Gitignore-style patterns, passed to walk(). */
  ignore: string[];
  /** Custom rule folders, relative to the repository root. */
  rules: string[];
  /** The rule profile (`audit` adds the opt-in audit rules); unset means `default`. */
  profile?: Profile;
  /** File-role overrides: role → globs. */
  roles: RoleOverrides;
  /** Options per analyzer, validated by the analyzer itself. */
  options: Partial<Record<AnalyzerId, Record<string, unknown>>>;
  gates: GatesConfig & { failOn: FailOn };
  exceptions: ExceptionEntry[];
  /** The file the configuration was read from; undefined when no file exists (defaults). */
  file?: string;
}

/** The configuration used when the repository has no vanguard.yaml. */
export function defaultConfig(): VanguardConfig {
  return {
    version: 1,
    analyzers: { skip: [] },
    ignore: [],
    rules: [],
    roles: {},
    options: {},
    gates: { failOn: DEFAULT_FAIL_ON },
    exceptions: [],
  };
}

/** The line of the node at `path` (or of its key for unknown keys, or of the deepest existing parent). */
function locate(root: YNode | undefined, issue: Issue): number | undefined {
  let node = root;
  let line = root?.line || undefined;
  for (let i = 0; i < issue.path.length; i++) {
    const seg: PathSeg = issue.path[i]!;
    const last = i === issue.path.length - 1;
    if (node?.kind === 'map') {
      const entry = node.entries.get(String(seg));
      if (!entry) return line;
      if (last && issue.atKey) return entry.keyLine || line;
      node = entry.value;
      line = entry.value.line || entry.keyLine || line;
    } else if (node?.kind === 'seq' && typeof seg === 'number') {
      node = node.items[seg];
      line = node?.line || line;
    } else {
      return line;
    }
  }
  return line;
}

function pathText(path: readonly PathSeg[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s === '' ? 'top level' : s;
}

function normalize(r: RawConfig, file: string | undefined): VanguardConfig {
  const cfg = defaultConfig();
  if (r.analyzers?.only) cfg.analyzers.only = r.analyzers.only;
  cfg.analyzers.skip = r.analyzers?.skip ?? [];
  cfg.ignore = r.ignore ?? [];
  cfg.rules = r.rules ?? [];
  if (r.profile !== undefined) cfg.profile = r.profile;
  cfg.roles = r.roles ?? {};
  cfg.options = r.options ?? {};
  cfg.gates = { ...r.gates, failOn: r.gates?.failOn ?? DEFAULT_FAIL_ON };
  cfg.exceptions = r.exceptions ?? [];
  if (file !== undefined) cfg.file = file;
  return cfg;
}

/**
 * Parses and validates vanguard.yaml text. Throws ConfigError naming the file, the line and
 * what was expected.
 */
export function parseConfig(text: string, file = 'vanguard.yaml'): VanguardConfig {
  if (text.length > MAX_CONFIG_BYTES)
    throw new ConfigError(`configuration file is larger than ${MAX_CONFIG_BYTES} bytes`, { file });
  let parsed: ReturnType<typeof parsePlainYaml>;
  try {
    // The shared YAML module bounds aliases: a "billion laughs" file becomes a configuration error.
    parsed = parsePlainYaml(text, { uniqueKeys: true });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new ConfigError(
      `invalid YAML: ${err.message}`,
      { file, ...(err.line ? { line: err.line } : {}) },
      { cause: err },
    );
  }
  const value = parsed.value;
  if (value === null || value === undefined) return normalize({}, file);
  const res = validate(configSchema, value);
  if (res.value !== undefined) return normalize(res.value, file);
  const located = res.issues
    .map((i) => ({ ...i, line: locate(parsed.doc?.root, i) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const first = located[0]!;
  let message = `${pathText(first.path)}: ${first.message}`;
  if (located.length > 1) {
    const more = located
      .slice(1, MAX_LISTED_ISSUES)
      .map((i) => `\n  ${file}${i.line ? `:${i.line}` : ''}: ${pathText(i.path)}: ${i.message}`);
    const rest =
      located.length > MAX_LISTED_ISSUES ? `\n  … and ${located.length - MAX_LISTED_ISSUES} more` : '';
    message += more.join('') + rest;
  }
  throw new ConfigError(message, { file, ...(first.line ? { line: first.line } : {}) });
}

function readIfExists(path: string): string | undefined {
  try {
    return readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(
      `cannot read configuration: ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  }
}

/**
 * Loads the configuration: `path` when given (relative to the working directory; it must exist),
 * else vanguard.yaml or vanguard.yml at `root`, else the defaults.
 */
export function loadConfig(root: string, path?: string): Promise<VanguardConfig> {
  return Promise.resolve().then(() => loadConfigSync(root, path));
}

function loadConfigSync(root: string, path?: string): VanguardConfig {
  if (path !== undefined) {
    const abs = resolve(path);
    const text = readIfExists(abs);
    if (text === undefined) throw new ConfigError('configuration file not found', { file: path });
    return parseConfig(text, path);
  }
  for (const name of CONFIG_FILE_NAMES) {
    const text = readIfExists(join(root, name));
    if (text !== undefined) return parseConfig(text, name);
  }
  return defaultConfig();
}
