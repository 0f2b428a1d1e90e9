import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { CONFIDENCES, SEVERITIES, type Confidence, type Severity } from '../core/finding.js';
import { PROFILES } from '../core/profile.js';
import type { Profile } from '../core/profile.js';
import type { ScanResult } from '../core/result.js';
import type { ScanOptions } from '../scan/run-scan.js';
import { readStagedIndex } from '../scan/staged-index.js';
import { loadBaseline } from '../policy/baseline.js';
import { loadConfig } from '../policy/config.js';
import { resolveRulesDirs } from '../policy/rules-dirs.js';
import { branchFromEnv } from '../policy/gate.js';
import { addDeliveryOptions, clock, deliver, exitCodeFor, type DeliveryFlags } from './deliver.js';
import { OutputPairs } from './outputs.js';
import { progressReporter } from './progress.js';

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
      throw new UsageError(`${name} must be a non-negative number, got "${value}"`);
    return n;
  };
}

interface ScanFlags extends DeliveryFlags {
  only?: string[];
  skip?: string[];
  failOn?: string;
  minConfidence?: string;
  profile?: string;
  config?: string;
  baseline?: string;
  branch?: string;
  history?: boolean;
  historySince?: string;
  maxFileSize: number;
  gitignore: boolean;
  defaultIgnores: boolean;
  ignore?: string[];
  workers?: number;
  rules?: string[];
  dbPath?: string;
  progress: boolean;
  diff?: string;
  staged?: boolean;
}

export { exitCodeFor } from './deliver.js';

export function registerScan(program: Command): void {
  const outputs = new OutputPairs('table');
  const command = program
    .command('scan')
    .description('scan a repository: secrets, dependencies, code, infrastructure, pipelines')
    .argument('[path]', 'directory or file to scan', '.')
    .option('--only <ids>', 'run only these analyzers (comma-separated)', list)
    .option('--skip <ids>', 'do not run these analyzers (comma-separated)', list)
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        ...SEVERITIES,
        'none',
      ]),
    )
    .addOption(
      new Option(
        '--min-confidence <level>',
        'only findings at or above this confidence count towards the gate (high: proven findings only)',
      ).choices([...CONFIDENCES]),
    )
    .addOption(
      new Option(
        '--profile <name>',
        "rule profile: audit adds low-confidence audit leads (non-constant file paths, require, RegExp, SQL text, redirects, …) and the secrets found in tests, examples and docs, site clients and blocks for localhost to the default findings (default: vanguard.yaml's profile, else default)",
      ).choices([...PROFILES]),
    )
    .option('--config <file>', 'policy file (default: vanguard.yaml at the scanned root, if any)')
    .option('--baseline <report>', 'a JSON or SARIF report: its findings are known, only new ones fail')
    .option('--branch <name>', 'branch whose gates apply (default: from the CI environment)')
    .option('--history', 'also scan every commit reachable from HEAD for secrets')
    .option('--history-since <ref>', 'with --history: only commits after <ref> (incremental scans)')
    .option('--max-file-size <MB>', 'skip files larger than this', positiveNumber('--max-file-size'), 20)
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--no-default-ignores', 'also scan node_modules, .venv and other dependency folders')
    .option('--ignore <glob>', 'gitignore-style pattern to skip (repeatable)', collect)
    .option('--workers <n>', 'worker processes (default: one per core)', positiveNumber('--workers'))
    .option('--rules <dir>', 'folder of custom code rules (repeatable)', collect)
    .option(
      '--db-path <file>',
      'advisory database for the deps analyzer (default: VANGUARD_DB or the user cache)',
    )
    .option('--diff <ref>', 'scan what changed since <ref> and fail only on findings the change introduced')
    .option('--staged', 'scan the staged content of the index (pre-commit); fast analyzers unless --only')
    .option('--no-progress', 'no progress indicator');
  addDeliveryOptions(command, outputs).action(async (path: string, flags: ScanFlags) => {
    const specs = outputs.resolve();
    if (flags.historySince !== undefined && !flags.history) {
      throw new UsageError('--history-since goes with --history');
    }
    if (flags.history && flags.skip?.includes('secrets'))
      throw new UsageError('--history needs the secrets analyzer');
    if (flags.diff !== undefined && flags.staged)
      throw new UsageError('--diff and --staged cannot be combined');
    if (flags.history && (flags.diff !== undefined || flags.staged)) {
      throw new UsageError('--history scans all commits; it cannot be combined with --diff or --staged');
    }
    // A pre-commit scan reads the index with git while this process loads the engine and the policy.
    const stagedIndex = flags.staged ? readStagedIndex(path) : undefined;
    // Awaited below; until then a failure must not count as unhandled.
    stagedIndex?.catch(() => undefined);
    const only =
      flags.history && flags.only && !flags.only.includes('secrets')
        ? [...flags.only, 'secrets']
        : flags.only;
    const config = await loadConfig(path, flags.config);
    const sbom = specs.find((s) => s.format === 'cyclonedx' || s.format === 'spdx');
    const selected = only ?? config.analyzers.only ?? [];
    if (
      sbom &&
      ((selected.length > 0 && !selected.includes('deps')) ||
        [...config.analyzers.skip.filter((id) => !flags.only?.includes(id)), ...(flags.skip ?? [])].includes(
          'deps',
        ))
    ) {
      throw new UsageError(`--format ${sbom.format} needs the deps analyzer, which this scan does not run`);
    }
    if (flags.baseline !== undefined && flags.diff !== undefined) {
      throw new UsageError('--baseline and --diff both set the baseline: give one');
    }
    const baseline = flags.baseline === undefined ? undefined : await loadBaseline(flags.baseline);
    const failOn = flags.failOn as Severity | 'none' | undefined;
    const branch = flags.branch ?? branchFromEnv(process.env);
    const progress = flags.progress ? progressReporter() : undefined;
    // --profile's choices and vanguard.yaml's schema both hold it to PROFILES.
    const profile = (flags.profile ?? config.profile ?? 'default') as Profile;
    const scanOptions: ScanOptions = {
      path,
      only: only ?? config.analyzers.only,
      // The command line wins: --only runs an analyzer even when vanguard.yaml skips it.
      skip: [...config.analyzers.skip.filter((id) => !flags.only?.includes(id)), ...(flags.skip ?? [])],
      options: {
        ...config.options,
        secrets: {
          ...config.options.secrets,
          // The user's role globs, which the role stage reads first: the audit profile's test-file shape reads them too.
          roles: config.roles,
          history: flags.history === true,
          ...(flags.historySince !== undefined ? { historySince: flags.historySince } : {}),
        },
        // The same globs for the iac analyzer: a plaintext URL in a test's configuration is the audit profile's.
        iac: { ...config.options.iac, roles: config.roles },
        code: {
          ...config.options.code,
          // The user's role globs, for the audit profile's shape of a credential in a test file (audit-only.ts).
          roles: config.roles,
          // The policy's folders resolve against the repository; --rules is the user's own, from here.
          rulesDirs: [...resolveRulesDirs(config, path), ...(flags.rules ?? [])],
        },
        ...(flags.dbPath !== undefined
          ? {
              deps: { ...config.options.deps, dbPath: flags.dbPath },
              // The pipeline analyzer checks actions against the same advisory database.
              pipeline: { ...config.options.pipeline, dbPath: flags.dbPath },
            }
          : {}),
      },
      ignore: [...config.ignore, ...(flags.ignore ?? [])],
      gitignore: flags.gitignore,
      defaultIgnores: flags.defaultIgnores,
      maxFileSize: Math.round(flags.maxFileSize * 1024 * 1024),
      workers: flags.workers,
      config,
      profile,
      now: clock(),
      ...(baseline ? { baseline } : {}),
      ...(failOn !== undefined ? { failOn } : {}),
      ...(flags.minConfidence !== undefined ? { minConfidence: flags.minConfidence as Confidence } : {}),
      ...(branch !== undefined ? { branch } : {}),
      onProgress: progress?.update,
    };
    let result: ScanResult;
    try {
      if (stagedIndex)
        result = await (await import('../scan/diff-scan.js')).runStagedScan(scanOptions, stagedIndex);
      else if (flags.diff !== undefined)
        result = await (await import('../scan/diff-scan.js')).runDiffScan(scanOptions, flags.diff);
      else result = await (await import('../scan/run-scan.js')).runScan(scanOptions);
    } finally {
      progress?.clear();
    }
    // The branch being built (not a pull request's target, which gates use) files a pushed result.
    await deliver(result, specs, flags, path, 'scan');
    process.exitCode = exitCodeFor(result);
  });
}
