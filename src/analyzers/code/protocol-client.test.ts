import { describe, expect, it } from 'vitest';
import { PROTOCOL_CLIENT_NOTE, protocolClientDigest } from './protocol-client.js';
import { siteClientReasons } from './site-client-key.js';

const token = (
  extra: string[] = [],
  keep = '        token = hashlib.md5(salted.encode()).hexdigest()',
): string =>
  [
    'import hashlib',
    'import random',
    'import requests',
    ...extra,
    '',
    'class Updater:',
    '    @staticmethod',
    '    def __create_token(password):',
    "        salt = ''.join(random.choice('abcdef') for _ in range(6))",
    '        salted = password + salt',
    keep,
    '        return salt, token',
    '',
    '    def scan(self, url, password):',
    '        salt, token = self.__create_token(password)',
    "        payload = {'t': token, 's': salt, 'v': '1.16.1'}",
    '        return requests.get(url, params=payload)',
  ].join('\n');

const fields = [
  'import hashlib',
  'import requests',
  '',
  'def password_data(username, password):',
  '    return {',
  "        'username': username,",
  "        'password': hashlib.sha1(password.encode('utf-8')).hexdigest(),",
  "        'passwordMd5': hashlib.md5(password.encode('utf-8')).hexdigest()",
  '    }',
  '',
  'def login(url, username, password):',
  '    return requests.post(url, data=password_data(username, password))',
].join('\n');

describe('a password digest a protocol client sends as a request field', () => {
  it('is lowered with its note: a token returned with its salt, a dictionary of the login fields', () => {
    expect(protocolClientDigest(token(), 10)).toBe(true);
    expect(protocolClientDigest(fields, 7)).toBe(true);
    expect(protocolClientDigest(fields, 8)).toBe(true);
    expect(siteClientReasons(fields)('code/py-weak-password-hash', '', undefined, 7)).toBe(
      PROTOCOL_CLIENT_NOTE,
    );
    // The fast-digest rule's digest (a SHA-256 field, an HMAC) is lowered the same way.
    expect(siteClientReasons(fields)('code/py-fast-password-hash', '', undefined, 7)).toBe(
      PROTOCOL_CLIENT_NOTE,
    );
    // The general weak-hash rule's finding on the same digest too (stop 56: the default profile drops it, the
    // audit profile reports it lowered); the audit rule keeps its level.
    expect(siteClientReasons(fields)('code/py-weak-hash', '', undefined, 7)).toBe(PROTOCOL_CLIENT_NOTE);
    expect(siteClientReasons(fields)('code/py-audit-weak-hash', '', undefined, 7)).toBeUndefined();
  });

  it('is still reported where the module stores, serves, or keeps or compares the digest', () => {
    // With one harmless line above, the same line holds.
    expect(protocolClientDigest(token(['import os']), 11)).toBe(true);
    expect(protocolClientDigest(token(['import os', 'import re']), 12)).toBe(true);
    // The same (digest, salt) pair from a user manager that imports its ORM (supysonic's shape).
    expect(protocolClientDigest(token(['from pony.orm import db_session']), 11)).toBe(false);
    expect(protocolClientDigest(token(['import sqlite3']), 11)).toBe(false);
    expect(protocolClientDigest(token(["open('users.txt', 'a').write('x')"]), 11)).toBe(false);
    // Kept on an object or compared on the line (a server checking what the client sent).
    const kept = '        self.password = hashlib.md5(salted.encode()).hexdigest()';
    expect(protocolClientDigest(token([], kept), 10)).toBe(false);
    const compared = '        token = hashlib.md5(salted.encode()).hexdigest() == sent';
    expect(protocolClientDigest(token([], compared), 10)).toBe(false);
    // A route in the module: a server may keep what it makes.
    expect(protocolClientDigest(token(["@app.route('/login')", 'def view(): pass']), 12)).toBe(false);
    // No HTTP request with fields in the module.
    expect(protocolClientDigest(token().replace('requests.get(url, params=payload)', 'payload'), 10)).toBe(
      false,
    );
    // Not handed back: the digest's name is not returned.
    expect(protocolClientDigest(token().replace('return salt, token', 'return salt'), 10)).toBe(false);
    // The function is never called in the module.
    expect(protocolClientDigest(fields.replace('data=password_data(username, password)', 'data={}'), 7)).toBe(
      false,
    );
  });

  // SimplePush's shape: the message key is sha1(password + user), cached on the object, used only by AES.
  const cipher = (use = '            algorithms.AES(self._key),', extra: string[] = []): string =>
    [
      'import hashlib',
      'import requests',
      ...extra,
      '',
      'class Notify:',
      '    def __init__(self, user, password):',
      '        self.user = user',
      '        self.password = password',
      '        self._key = None',
      '',
      '    def _encrypt(self, content):',
      '        if self._iv is None:',
      '            self._key = bytes(bytearray.fromhex(',
      "                hashlib.sha1('{}{}'.format(self.password, self.user)",
      "                             .encode('utf-8')).hexdigest()[0:32]))",
      '        encryptor = Cipher(',
      use,
      '            modes.CBC(iv)).encryptor()',
      '        return encryptor.update(content) + encryptor.finalize()',
      '',
      '    def send(self, url, body):',
      "        return requests.post(url, data={'msg': self._encrypt(body)})",
    ].join('\n');

  it('is lowered when the digest only keys the cipher of what the module sends', () => {
    expect(protocolClientDigest(cipher(), 13)).toBe(true);
    expect(protocolClientDigest(cipher('            AES.new(self._key, AES.MODE_CBC, iv),'), 13)).toBe(true);
  });

  it('is still reported when the key has another use, or the module stores, or the function is not called', () => {
    // Compared, used again beside the cipher, or handed to something that is not a cipher.
    const compared = cipher().replace('if self._iv is None:', 'if self._key == sent:');
    expect(protocolClientDigest(compared, 13)).toBe(false);
    expect(protocolClientDigest(cipher('            algorithms.AES(self._key), self._key,'), 13)).toBe(false);
    expect(protocolClientDigest(cipher('            algorithms.AES(derive(self._key)),'), 13)).toBe(false);
    // The module writes a file or imports a database: what the cipher makes may be kept.
    expect(protocolClientDigest(cipher(undefined, ["open('vault.bin', 'wb').write(b'')"]), 14)).toBe(false);
    expect(protocolClientDigest(cipher(undefined, ['import sqlite3']), 14)).toBe(false);
    // No request with fields in the module, or the encrypting function never called.
    expect(protocolClientDigest(cipher().replace("data={'msg': self._encrypt(body)}", 'body'), 13)).toBe(
      false,
    );
    expect(protocolClientDigest(cipher().replace('self._encrypt(body)', 'body'), 13)).toBe(false);
  });

  // Emby's shape: the login method digests the password in steps and posts the fields itself.
  const posted = (read = "        payload['password'] = h.hexdigest()", extra: string[] = []): string =>
    [
      'import hashlib',
      'import requests',
      ...extra,
      '',
      'class Notify:',
      '    def login(self, url):',
      "        payload = {'Username': self.user}",
      '        h = hashlib.sha1()',
      "        h.update(self.password.encode('utf-8'))",
      read,
      '        return requests.post(url, data=dumps(payload))',
      '',
      '    def send(self, url, body):',
      '        if not self.login(url):',
      '            return False',
    ].join('\n');

  it('is lowered when the function that posts the login fields digests the password in steps', () => {
    expect(protocolClientDigest(posted(), 8)).toBe(true);
    expect(siteClientReasons(posted())('code/py-fast-password-hash', '', undefined, 8)).toBe(
      PROTOCOL_CLIENT_NOTE,
    );
  });

  it('is still reported when the stepwise digest is kept or compared, or the function posts nothing', () => {
    expect(protocolClientDigest(posted('        self.password_hash = h.hexdigest()'), 8)).toBe(false);
    expect(protocolClientDigest(posted("        ok = h.hexdigest() == config['pwd_sha1']"), 8)).toBe(false);
    expect(protocolClientDigest(posted(undefined, ['import sqlite3']), 9)).toBe(false);
    const silent = posted().replace('requests.post(url, data=dumps(payload))', 'payload');
    expect(
      protocolClientDigest(silent + "\n\ndef ping(url):\n    requests.get(url, params={'a': 1})", 8),
    ).toBe(false);
  });
});
