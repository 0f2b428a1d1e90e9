import type { Command } from 'commander';
import { Option } from 'commander';
import { signStatement, type SignedFormat } from '../attest/sign.js';

/** `vanguard attest sign STATEMENT --key KEY --output FILE`: a DSSE envelope over an in-toto statement. */
export function registerAttest(program: Command): void {
  const attest = program.command('attest').description('sign build provenance');
  attest
    .command('sign')
    .description(
      'wrap an in-toto statement in a signed DSSE envelope (.intoto.jsonl or Sigstore bundle v0.3)',
    )
    .argument('<statement>', 'the statement, e.g. .vanguard/build/provenance.json')
    .requiredOption(
      '--key <file>',
      'PEM private key (ECDSA P-256 or Ed25519); passphrase from VANGUARD_KEY_PASSPHRASE',
    )
    .requiredOption(
      '--output <file>',
      'where to write: *.intoto.jsonl, or a Sigstore bundle (*.sigstore.json)',
    )
    .addOption(
      new Option('--format <format>', 'output format (default: from the file name)').choices([
        'intoto-jsonl',
        'sigstore-bundle',
      ]),
    )
    .action(async (statement: string, flags: { key: string; output: string; format?: SignedFormat }) => {
      const pass = process.env.VANGUARD_KEY_PASSPHRASE;
      const r = await signStatement({
        statementPath: statement,
        keyPath: flags.key,
        output: flags.output,
        ...(flags.format !== undefined ? { format: flags.format } : {}),
        ...(pass !== undefined && pass !== '' ? { passphrase: pass } : {}),
      });
      process.stderr.write(
        `vanguard: signed with key ${r.keyId.slice(0, 16)}… as ${r.format}: ${flags.output}\n`,
      );
    });
}
