import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { PHASES, type Phase } from '../core/finding.js';
import { gitContext, pushFile, type PushOptions } from '../server/push-client.js';

interface PushFlags {
  server?: string;
  token?: string;
  project?: string;
  branch?: string;
  commit?: string;
  phase?: Phase;
  json?: boolean;
}

/** Server and token from flags or VANGUARD_SERVER / VANGUARD_TOKEN; branch and commit from CI or git. */
export async function pushOptions(flags: PushFlags, cwd: string): Promise<PushOptions> {
  const server = flags.server ?? process.env.VANGUARD_SERVER;
  const token = flags.token ?? process.env.VANGUARD_TOKEN;
  if (!server) throw new UsageError('give --server URL or set VANGUARD_SERVER');
  if (!token) throw new UsageError('give --token TOKEN or set VANGUARD_TOKEN');
  const ctx = await gitContext(cwd);
  const branch = flags.branch ?? ctx.branch;
  const commit = flags.commit ?? ctx.commit;
  return {
    server,
    token,
    ...(flags.project !== undefined ? { project: flags.project } : {}),
    ...(branch !== undefined ? { branch } : {}),
    ...(commit !== undefined ? { commit } : {}),
    ...(flags.phase !== undefined ? { phase: flags.phase } : {}),
  };
}

export function summaryLine(file: string, r: Record<string, unknown>): string {
  const n = (k: string): number => Number(r[k] ?? 0);
  return `${file}: accepted by ${String(r.project)} (${String(r.branch)}), scan #${String(r.scanId)}: ${n('total')} findings, ${n('new')} new, ${n('reopened')} reopened, ${n('fixed')} fixed\n`;
}

/** `vanguard push REPORT…`: sends scan results, SARIF or CycloneDX to the findings platform. */
export function registerPush(program: Command): void {
  program
    .command('push')
    .description('send reports (Vanguard JSON, SARIF 2.1.0, CycloneDX JSON) to a Vanguard server')
    .argument('<reports...>', 'report files')
    .option('--server <url>', 'the server (default: $VANGUARD_SERVER)')
    .option('--token <token>', 'a push token (default: $VANGUARD_TOKEN)')
    .option('--project <name>', 'the project (a push token already names it)')
    .option('--branch <name>', 'branch (default: from CI, else git)')
    .option('--commit <sha>', 'commit (default: from CI, else git)')
    .addOption(
      new Option('--phase <phase>', 'delivery phase the findings were caught in').choices([...PHASES]),
    )
    .option('--json', 'print the server answers as JSON lines')
    .action(async (reports: string[], flags: PushFlags) => {
      const opts = await pushOptions(flags, process.cwd());
      for (const file of reports) {
        const r = await pushFile(file, opts);
        process.stdout.write(flags.json ? `${JSON.stringify({ file, ...r })}\n` : summaryLine(file, r));
        for (const note of Array.isArray(r.notes) ? r.notes : [])
          process.stdout.write(`  note: ${String(note)}\n`);
      }
    });
}
