import { describe, expect, it } from 'vitest';
import { wholeScanOf } from '../../core/test-whole-scan.js';

/** The findings of `rule` in one file of a whole code scan, as [line, severity]. */
async function rows(
  path: string,
  text: string,
  rule: string,
  profile: 'default' | 'audit' = 'default',
): Promise<[number, string][]> {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => f.ruleId === rule && f.suppression === undefined)
    .map((f) => [f.location.startLine, f.severity]);
}

// Emby's login fields: the password's SHA-1 posted beside it, as the service's protocol asks (protocol-client.ts).
const emby = (extra: string[] = []): string =>
  [
    'import hashlib',
    'import requests',
    ...extra,
    '',
    'class NotifyEmby:',
    '    def login(self):',
    "        payload = {'Username': self.user}",
    '        password_sha1 = hashlib.sha1()',
    "        password_sha1.update(self.password.encode('utf-8'))",
    "        payload['password'] = password_sha1.hexdigest()",
    '        requests.post(self.url, data=payload)',
    '',
    '    def send(self):',
    '        self.login()',
  ].join('\n');

describe('a password digest a protocol client posts as a request field', () => {
  it('is reported by py-weak-hash only in the audit profile (at low confidence)', async () => {
    const path = 'plugins/emby.py';
    expect(await rows(path, emby(), 'code/py-weak-hash')).toEqual([]);
    expect(await rows(path, emby(), 'code/py-weak-hash', 'audit')).toEqual([[7, 'low']]);
  });

  it('stays reported in a module that stores', async () => {
    expect(await rows('plugins/emby.py', emby(['import sqlite3']), 'code/py-weak-hash')).toEqual([
      [8, 'low'],
    ]);
  });
});
