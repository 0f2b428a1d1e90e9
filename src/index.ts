/**
 * The library behind the `vanguard` command, for programs that embed the scan (the package's
 * `main`). The CLI and the server call these same functions.
 */
export { runScan, type ScanOptions } from './scan/run-scan.js';
export { runDiffScan, runStagedScan } from './scan/diff-scan.js';
export { loadConfig, parseConfig, type VanguardConfig } from './policy/config.js';
export { REPORTERS, reporterFor, type ReportFormat } from './report/index.js';
export type { ScanResult } from './core/result.js';
export type { Finding, Severity, AnalyzerId } from './core/finding.js';
export { VanguardError, UsageError, ConfigError, ParseError } from './core/errors.js';
export { VERSION } from './core/version.js';
