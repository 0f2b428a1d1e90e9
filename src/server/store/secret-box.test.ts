import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKey, secretBox } from './secret-box.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'vg-secret-box-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the server key and sealed secrets', () => {
  it('seals with AES-256-GCM: the plain text is not in the sealed value, and it opens only for its row', () => {
    const box = secretBox({ key: randomBytes(32).toString('base64') });
    const secret = randomBytes(32).toString('base64');
    const sealed = box.seal(secret, 'hook:vgh_a');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(box.seal(secret, 'hook:vgh_a')).not.toBe(sealed); // a fresh IV every time
    expect(box.open(sealed, 'hook:vgh_a')).toBe(secret);
    // Copied onto another hook's row, it does not open.
    expect(() => box.open(sealed, 'hook:vgh_b')).toThrow(/does not decrypt/);
    const [v, id, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[20]! ^= 1;
    expect(() => box.open(`${v}.${id}.${flipped.toString('base64url')}`, 'hook:vgh_a')).toThrow(
      /does not decrypt/,
    );
  });

  it('names a wrong key as such, and refuses keys that are not 32 bytes', () => {
    const sealed = secretBox({ key: randomBytes(32).toString('hex') }).seal('x', 'hook:a');
    expect(() => secretBox({ key: randomBytes(32).toString('base64') }).open(sealed, 'hook:a')).toThrow(
      /sealed with server key [0-9a-f]{16}, but this process has key [0-9a-f]{16}/,
    );
    expect(() => parseKey('c2hvcnQ=', 'VANGUARD_SECRET_KEY')).toThrow(/expected a 32-byte key/);
    expect(() => secretBox({ key: 'not a key' }).keyId()).toThrow(
      /VANGUARD_SECRET_KEY: expected a 32-byte key/,
    );
    expect(() => secretBox({}).seal('x', 'hook:a')).toThrow(/set VANGUARD_SECRET_KEY/);
  });

  it('creates secret.key (mode 0600) in the data folder on first need and reads the same key later', () => {
    const dir = tempDir();
    const box = secretBox({ dataDir: dir });
    const sealed = box.seal('whsec', 'hook:a');
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(secretBox({ dataDir: dir }).open(sealed, 'hook:a')).toBe('whsec');
    // A key file others can read is refused, as ssh refuses such a private key.
    chmodSync(file, 0o644);
    expect(() => secretBox({ dataDir: dir }).keyId()).toThrow(/can be read by other users \(mode 644\)/);
  });

  it('reads a key file given by path (a mounted secret), without creating one', () => {
    const dir = tempDir();
    const file = join(dir, 'key');
    const key = randomBytes(32).toString('base64');
    writeFileSync(file, `${key}\n`);
    expect(secretBox({ keyFile: file }).keyId()).toBe(secretBox({ key }).keyId());
    expect(() => secretBox({ keyFile: join(dir, 'missing') }).keyId()).toThrow(
      /VANGUARD_SECRET_KEY_FILE: cannot read/,
    );
  });
});
