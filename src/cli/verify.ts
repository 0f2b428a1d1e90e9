import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { sha256File } from '../attest/artifacts.js';
import { loadPublicKey } from '../attest/keys.js';
import { attestResult } from '../attest/result.js';
import { verifyProvenance } from '../attest/verify.js';
import { UsageError } from '../core/errors.js';
import { EXIT } from './errors.js';
import { OutputPairs, writeOutputs } from './outputs.js';

interface VerifyFlags {
  provenance: string;
  key: string;
  sourceUri?: string;
  commit?: string;
  builderId?: string;
}

const MAX_PROVENANCE = 64 * 1024 * 1024;

/** `vanguard verify ARTIFACT --provenance FILE --key PUB`: the deploy gate. Exit 0 only when every check holds. */
export function registerVerify(program: Command): void {
  const outputs = new OutputPairs('table');
  program
    .command('verify')
    .description(
      'check an artifact against signed provenance (deploy gate): exit 0 only when all checks hold',
    )
    .argument('<artifact>', 'the file to deploy')
    .requiredOption('--provenance <file>', 'Sigstore bundle, .intoto.jsonl or DSSE envelope')
    .requiredOption('--key <file>', 'PEM public key of the builder')
    .option('--source-uri <uri>', 'expected source repository (e.g. https://github.com/org/repo)')
    .option('--commit <sha>', 'expected commit (full id, or at least 7 digits)')
    .option('--builder-id <uri>', 'expected builder id')
    .option('-f, --format <format>', 'report format (repeatable)', outputs.format)
    .option('-o, --output <file>', 'write the preceding --format to this file (repeatable)', outputs.output)
    .action(async (artifact: string, flags: VerifyFlags) => {
      const startedAt = new Date();
      const specs = outputs.resolve();
      const st = await stat(artifact).catch(() => undefined);
      if (!st?.isFile()) throw new UsageError(`artifact not found or not a file: ${artifact}`);
      const pst = await stat(flags.provenance).catch(() => undefined);
      if (!pst?.isFile()) throw new UsageError(`provenance not found: ${flags.provenance}`);
      if (pst.size > MAX_PROVENANCE)
        throw new UsageError(`${flags.provenance} is larger than ${MAX_PROVENANCE} bytes`);
      const key = await loadPublicKey(flags.key);
      const out = verifyProvenance({
        artifactSha256: await sha256File(artifact),
        artifactName: artifact,
        provenanceText: await readFile(flags.provenance, 'utf8'),
        provenancePath: relative(process.cwd(), resolve(flags.provenance)) || flags.provenance,
        key,
        expect: {
          ...(flags.sourceUri !== undefined ? { sourceUri: flags.sourceUri } : {}),
          ...(flags.commit !== undefined ? { commit: flags.commit } : {}),
          ...(flags.builderId !== undefined ? { builderId: flags.builderId } : {}),
        },
      });
      const result = attestResult({
        root: process.cwd(),
        startedAt,
        findings: out.findings,
        filesAnalyzed: 1,
      });
      await writeOutputs(result, specs);
      for (const p of out.passed) process.stderr.write(`vanguard: ok: ${p}\n`);
      // A deploy gate: any failed check fails, whatever a policy file would say about severities.
      process.exitCode = out.findings.length === 0 ? EXIT.pass : EXIT.policyFailed;
      process.stderr.write(
        out.findings.length === 0
          ? 'vanguard: verified\n'
          : `vanguard: NOT verified: ${out.findings.length} check(s) failed\n`,
      );
    });
}
