import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import {
  constants,
  fstatSync,
  linkSync,
  openSync,
  readSync,
  closeSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { VanguardError } from '../../core/errors.js';

/**
 * Encryption at rest for the secrets the server must be able to read back (the HMAC keys of signed
 * webhooks): AES-256-GCM under one server key, with the row the secret belongs to as associated
 * data, so a sealed value copied onto another row does not open. Bearer tokens are never sealed:
 * they are kept as scrypt hashes.
 */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** Loads (or creates) the key now, so a missing or wrong key fails at start, not at the first request. */
  keyId(): string;
}

/** Where the server key comes from: given (VANGUARD_SECRET_KEY or _FILE), or a file in the data folder. */
export interface SecretKeySource {
  /** The key as text: 32 bytes in base64 or hex. */
  key?: string;
  /** A file holding the key as text (a mounted Kubernetes secret, say); read, never created. */
  keyFile?: string;
  /** The data folder where `secret.key` is created (0600) on first need; SQLite only. */
  dataDir?: string;
}

const PREFIX = 'v1';
const KEY_FILE = 'secret.key';

/** Reads a 32-byte key written as base64 (44 characters) or hex (64). */
export function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/]{43}=$/.test(t)
      ? Buffer.from(t, 'base64')
      : undefined;
  if (!key || key.length !== 32)
    throw new VanguardError(
      'CONFIG',
      `${where}: expected a 32-byte key in base64 or hex (make one with: openssl rand -base64 32)`,
    );
  return key;
}

/** A short, non-secret name of a key, stored with each sealed value so a wrong key is reported as such. */
function idOf(key: Buffer): string {
  return createHash('sha256').update('vanguard secret key id\0').update(key).digest('hex').slice(0, 16);
}

function readSmall(path: string, where: string, requirePrivate: boolean): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    throw new VanguardError('CONFIG', `${where}: cannot read ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > 1024)
      throw new VanguardError('CONFIG', `${where}: ${path} is not a key file`);
    // As ssh does with private keys: a key others can read protects nothing.
    if (requirePrivate && process.platform !== 'win32' && (st.mode & 0o077) !== 0)
      throw new VanguardError(
        'CONFIG',
        `${where}: ${path} can be read by other users (mode ${(st.mode & 0o777).toString(8)}); chmod 600 it`,
      );
    const buf = Buffer.alloc(st.size);
    readSync(fd, buf, 0, st.size, 0);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The data folder's key, created on first need: written aside, then linked into place, so two processes starting at once agree. */
function dataDirKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    return parseKey(readSmall(path, 'server key', true), path);
  } catch (err) {
    if ((err as { cause?: NodeJS.ErrnoException }).cause?.code !== 'ENOENT') throw err;
  }
  const tmp = join(dataDir, `${KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return parseKey(readSmall(path, 'server key', true), path);
}

function loadKey(src: SecretKeySource): Buffer {
  if (src.key !== undefined) return parseKey(src.key, 'VANGUARD_SECRET_KEY');
  if (src.keyFile !== undefined)
    return parseKey(readSmall(src.keyFile, 'VANGUARD_SECRET_KEY_FILE', false), src.keyFile);
  if (src.dataDir !== undefined) return dataDirKey(src.dataDir);
  throw new VanguardError(
    'CONFIG',
    'no server key to encrypt webhook signing secrets with: set VANGUARD_SECRET_KEY (the same on every server, worker and admin command of this database; make one with: openssl rand -base64 32) or VANGUARD_SECRET_KEY_FILE',
  );
}

/** A box whose key is loaded on first use (most commands never need it). */
export function secretBox(src: SecretKeySource): SecretBox {
  let key: Buffer | undefined;
  const get = (): Buffer => (key ??= loadKey(src));
  return {
    keyId: () => idOf(get()),
    seal(plain, context) {
      const k = get();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}.${idOf(k)}.${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const k = get();
      const [version, keyId, data] = sealed.split('.');
      if (version !== PREFIX || keyId === undefined || data === undefined)
        throw new VanguardError('DATABASE', `${context}: the stored secret is not sealed by this version`);
      if (keyId !== idOf(k))
        throw new VanguardError(
          'CONFIG',
          `${context}: sealed with server key ${keyId}, but this process has key ${idOf(k)} (every server, worker and admin command must use the same VANGUARD_SECRET_KEY)`,
        );
      const body = Buffer.from(data, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, body.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([
          decipher.update(body.subarray(12, body.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch (err) {
        throw new VanguardError('DATABASE', `${context}: the stored secret does not decrypt (altered?)`, {
          cause: err,
        });
      }
    },
  };
}
