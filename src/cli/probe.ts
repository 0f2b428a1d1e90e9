import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { scanWarning } from '../core/warning.js';
import { loadConfig, type VanguardConfig } from '../policy/config.js';
import { declaredPorts } from '../core/deployment.js';
import { branchFromEnv } from '../policy/gate.js';
import { DEFAULT_PORTS, parsePortList } from '../probe/targets.js';
import { runProbe, type ProbeOptions } from '../probe/run-probe.js';
import { addDeliveryOptions, clock, deliver, exitCodeFor, type DeliveryFlags } from './deliver.js';
import { OutputPairs } from './outputs.js';

interface ProbeFlags extends DeliveryFlags {
  ports?: string | true;
  config?: string;
  phase: 'test' | 'runtime';
  failOn?: Severity | 'none';
  branch?: string;
  followOtherHosts?: boolean;
  timeout: number;
  maxRequests: number;
  concurrency: number;
  caFile?: string;
}

function whole(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

/**
 * What the project declares, read by the engine itself (iac and threats analyzers only) from the
 * folder of its vanguard.yaml: the ports an open port is compared with.
 */
async function declaredProject(
  config: VanguardConfig,
  root: string,
): Promise<ProbeOptions['project'] & object> {
  const { runScan } = await import('../scan/run-scan.js');
  const scan = await runScan({
    path: root,
    only: ['iac', 'threats'],
    options: config.options,
    ignore: config.ignore,
    config,
  });
  return { root: scan.root, deployment: scan.deployment ?? { workloads: [], assets: [] } };
}

/** `vanguard probe URL…`: a baseline check of running services, in the finding model of a scan. */
export function registerProbe(program: Command): void {
  const outputs = new OutputPairs('table');
  const command = program
    .command('probe')
    .description('check running services: HTTP headers, cookies, CORS, TLS, exposed endpoints and open ports')
    .argument('<urls...>', 'http:// or https:// URLs; only their hosts are probed')
    .option('--ports [list]', 'also scan TCP ports of the hosts: common service ports, or e.g. 1-1024,8080')
    .option(
      '--config <file>',
      "the project's vanguard.yaml: its declared ports, exceptions and gates (default: ./vanguard.yaml)",
    )
    .addOption(
      new Option('--phase <phase>', 'where the findings were caught')
        .choices(['test', 'runtime'])
        .default('test'),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        ...SEVERITIES,
        'none',
      ]),
    )
    .option('--branch <name>', 'branch whose gates apply (default: from the CI environment)')
    .option('--follow-other-hosts', 'follow redirects to hosts other than those given')
    .option('--timeout <ms>', 'per request, handshake and port', whole('--timeout', 100, 120_000), 5000)
    .option(
      '--max-requests <n>',
      'requests and TLS handshakes in all',
      whole('--max-requests', 1, 100_000),
      300,
    )
    .option('--concurrency <n>', 'requests in flight at once', whole('--concurrency', 1, 64), 4)
    .option('--ca-file <file>', 'PEM certificates of a private CA to trust');
  addDeliveryOptions(command, outputs).action(async (urls: string[], flags: ProbeFlags) => {
    const specs = outputs.resolve();
    const ports =
      flags.ports === undefined
        ? undefined
        : flags.ports === true
          ? DEFAULT_PORTS
          : parsePortList(flags.ports);
    const root = flags.config !== undefined ? dirname(resolve(flags.config)) : process.cwd();
    const config = await loadConfig(root, flags.config);
    let ca: string | undefined;
    if (flags.caFile !== undefined) {
      try {
        ca = readFileSync(flags.caFile, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read --ca-file ${flags.caFile}`, { cause: err });
      }
    }
    // Ports are judged against a project only when there is one: a vanguard.yaml given or found here.
    const project = ports && config.file !== undefined ? await declaredProject(config, root) : undefined;
    const branch = flags.branch ?? branchFromEnv(process.env);
    const result = await runProbe({
      urls,
      ...(ports ? { ports } : {}),
      ...(project ? { project } : {}),
      config,
      phase: flags.phase,
      followOtherHosts: flags.followOtherHosts === true,
      timeoutMs: flags.timeout,
      portTimeoutMs: Math.min(flags.timeout, 1500),
      maxRequests: flags.maxRequests,
      concurrency: flags.concurrency,
      now: clock(),
      ...(ca ? { ca } : {}),
      ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
      ...(branch !== undefined ? { branch } : {}),
    });
    if (project && declaredPorts(project.deployment).length === 0)
      result.warnings.push(
        scanWarning(
          'probe-nothing-declared',
          `the project at ${project.root} declares no ports: every open port is reported`,
          {
            analyzer: 'probe',
          },
        ),
      );
    await deliver(result, specs, flags, root, 'probe');
    process.exitCode = exitCodeFor(result);
  });
}
