import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { PHASES, SEVERITIES } from '../core/finding.js';
import { getJson } from '../server/push-client.js';
import type { MetricsResponse } from '../server/metrics/types.js';
import { writeFileAtomic } from './atomic-write.js';

interface MetricsFlags {
  server?: string;
  token?: string;
  format: 'table' | 'json' | 'markdown' | 'html';
  project: string[];
  tag: string[];
  severity: string[];
  analyzer: string[];
  phase: string[];
  from?: string;
  to?: string;
  interval?: string;
  target?: string;
  output?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, ...v.split(',').filter(Boolean)];

/** `vanguard metrics`: the server's outcome metrics for a terminal, a chat, a pull request or a file. */
export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description(
      'outcome metrics from a Vanguard server: MTTD, MTTR, SLA, phases and cost, escape rate, principles, OWASP',
    )
    .option('--server <url>', 'the server (default: $VANGUARD_SERVER)')
    .option('--token <token>', 'a user API token, viewer or above (default: $VANGUARD_TOKEN)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'markdown', 'html'])
        .default('table'),
    )
    .option('--project <name>', 'only this project (repeatable, or comma-separated)', collect, [])
    .option('--tag <tag>', 'only projects with this tag (repeatable)', collect, [])
    .option('--severity <severity>', `only these severities (${SEVERITIES.join(', ')})`, collect, [])
    .option('--analyzer <id>', 'only findings of this analyzer (repeatable)', collect, [])
    .option('--phase <phase>', `only findings first caught in this phase (${PHASES.join(', ')})`, collect, [])
    .option('--from <date>', 'start of the window (default: a year before --to)')
    .option('--to <date>', 'end of the window (default: now)')
    .addOption(
      new Option('--interval <period>', 'period of the series').choices(['week', 'month', 'quarter']),
    )
    .option('--target <days>', 'the MTTD the forecast aims at, in days (default 1)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (flags: MetricsFlags) => {
      const server = flags.server ?? process.env.VANGUARD_SERVER;
      const token = flags.token ?? process.env.VANGUARD_TOKEN;
      if (!server) throw new UsageError('give --server URL or set VANGUARD_SERVER');
      if (!token) throw new UsageError('give --token TOKEN or set VANGUARD_TOKEN');
      const list = (v: string[]) => (v.length > 0 ? v.join(',') : undefined);
      const m = (await getJson(server, token, 'api/v1/metrics', {
        project: list(flags.project),
        tag: list(flags.tag),
        severity: list(flags.severity),
        analyzer: list(flags.analyzer),
        phase: list(flags.phase),
        from: flags.from,
        to: flags.to,
        interval: flags.interval,
        mttdTargetDays: flags.target,
      })) as unknown as MetricsResponse;
      // The renderers load only when asked for: `vanguard metrics --format json` needs none.
      const text =
        flags.format === 'json'
          ? `${JSON.stringify(m, null, 2)}\n`
          : flags.format === 'html'
            ? (await import('../report/metrics/html.js')).metricsHtml(m)
            : flags.format === 'markdown'
              ? (await import('../report/metrics/text.js')).metricsMarkdown(m)
              : (await import('../report/metrics/text.js')).metricsTable(m);
      if (flags.output) await writeFileAtomic(flags.output, text);
      else process.stdout.write(text);
    });
}
