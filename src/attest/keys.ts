import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, VanguardError } from '../core/errors.js';

export type KeyAlgorithm = 'ecdsa-p256' | 'ed25519';

/** Generates a signing key pair as PEM: PKCS#8 private key, SPKI public key. */
export function generateKeys(alg: KeyAlgorithm): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } =
    alg === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

async function writeNew(path: string, text: string, mode: number, force: boolean): Promise<void> {
  // 'wx' refuses to replace a key silently (and to follow a planted link); the mode applies at creation.
  const fh = await open(path, force ? 'w' : 'wx', mode).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EEXIST') throw new UsageError(`${path} exists: remove it or pass --force`);
    throw err;
  });
  try {
    await fh.chmod(mode);
    await fh.writeFile(text);
  } finally {
    await fh.close();
  }
}

/** Writes `DIR/vanguard.key` (mode 0600) and `DIR/vanguard.pub`. */
export async function writeKeyPair(
  dir: string,
  alg: KeyAlgorithm,
  force = false,
): Promise<{ privatePath: string; publicPath: string; keyId: string }> {
  await mkdir(dir, { recursive: true });
  const { privatePem, publicPem } = generateKeys(alg);
  const privatePath = join(dir, 'vanguard.key');
  const publicPath = join(dir, 'vanguard.pub');
  await writeNew(privatePath, privatePem, 0o600, force);
  await writeNew(publicPath, publicPem, 0o644, force);
  return { privatePath, publicPath, keyId: keyIdOf(createPublicKey(publicPem)) };
}

/** A key's hint: sha256 of its SubjectPublicKeyInfo, hex (unauthenticated, only to pick a key). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function checkType(k: KeyObject, path: string): void {
  const t = k.asymmetricKeyType;
  if (t === 'ed25519') return;
  if (t === 'ec' && k.asymmetricKeyDetails?.namedCurve === 'prime256v1') return;
  throw new UsageError(`${path}: only ECDSA P-256 and Ed25519 keys are supported (found ${t ?? 'unknown'})`);
}

async function readKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read key ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Loads a PEM private key; an encrypted one takes its passphrase from VANGUARD_KEY_PASSPHRASE. */
export async function loadPrivateKey(path: string, passphrase?: string): Promise<KeyObject> {
  const pem = await readKeyFile(path);
  try {
    const k = createPrivateKey(passphrase !== undefined ? { key: pem, passphrase } : pem);
    checkType(k, path);
    return k;
  } catch (err) {
    if (err instanceof VanguardError) throw err;
    throw new UsageError(`${path} is not a usable PEM private key: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** Loads a PEM public key (a private key file gives its public half). */
export async function loadPublicKey(path: string): Promise<KeyObject> {
  const pem = await readKeyFile(path);
  try {
    const k = createPublicKey(pem);
    checkType(k, path);
    return k;
  } catch (err) {
    if (err instanceof VanguardError) throw err;
    throw new UsageError(`${path} is not a PEM public key: ${(err as Error).message}`, { cause: err });
  }
}
