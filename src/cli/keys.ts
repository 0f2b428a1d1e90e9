import type { Command } from 'commander';
import { Option } from 'commander';
import { writeKeyPair, type KeyAlgorithm } from '../attest/keys.js';

/** `vanguard keys generate --out DIR`: a signing key pair for `vanguard attest sign`. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('signing keys for build provenance');
  keys
    .command('generate')
    .description('write DIR/vanguard.key (private, mode 0600) and DIR/vanguard.pub (public), PEM')
    .requiredOption('--out <dir>', 'folder for the key pair')
    .addOption(
      new Option('--algorithm <alg>', 'key type').choices(['ecdsa-p256', 'ed25519']).default('ecdsa-p256'),
    )
    .option('--force', 'replace existing key files')
    .action(async (flags: { out: string; algorithm: KeyAlgorithm; force?: boolean }) => {
      const r = await writeKeyPair(flags.out, flags.algorithm, flags.force === true);
      process.stdout.write(
        `private key: ${r.privatePath} (mode 0600; keep it secret, e.g. as a CI secret)\n` +
          `public key:  ${r.publicPath}\nkey id:      ${r.keyId}\n`,
      );
    });
}
