import { join, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { readRegularFile } from '../discover/read-file.js';
import type { AnalyzerId } from '../core/finding.js';
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
    options: {},
    gates: { failOn: DEFAULT_FAIL_ON },
    exceptions: [],
  };
}

function lineOf(lc: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lc.linePos(offset).line;
}

/** The line of the node at `path` (or of its key for unknown keys, or of the deepest existing parent). */
function locate(doc: Document, lc: LineCounter, issue: Issue): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOf(lc, (node as YamlNode | null)?.range?.[0]);
  for (let i = 0; i < issue.path.length; i++) {
    const seg: PathSeg = issue.path[i]!;
    const last = i === issue.path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) return line;
      const keyNode = pair.key as YamlNode;
      if (last && issue.atKey) return lineOf(lc, keyNode.range?.[0]) ?? line;
      node = pair.value;
      line =
        lineOf(lc, (pair.value as YamlNode | null)?.range?.[0]) ?? lineOf(lc, keyNode.range?.[0]) ?? line;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      line = lineOf(lc, (node as YamlNode | null)?.range?.[0]) ?? line;
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
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineOf(lc, yamlError.pos[0]);
    throw new ConfigError(`invalid YAML: ${yamlError.message.split('\n')[0] ?? yamlError.code}`, {
      file,
      ...(line ? { line } : {}),
    });
  }
  let value: unknown;
  try {
    // Bounded alias expansion: a "billion laughs" file becomes a configuration error.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(`invalid YAML: ${(err as Error).message}`, { file }, { cause: err });
  }
  if (value === null || value === undefined) return normalize({}, file);
  const res = validate(configSchema, value);
  if (res.value !== undefined) return normalize(res.value, file);
  const located = res.issues
    .map((i) => ({ ...i, line: locate(doc, lc, i) }))
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
