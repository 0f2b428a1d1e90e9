import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { secretsAnalyzer } from './index.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

// Weak passwords and an SDK's published one, joined at run time so this file holds none for the repository's own scan.
const WEAK = ['ad', 'min'].join('');
const ANDROID = ['andr', 'oid'].join('');
const PASS = ['pass', 'word'].join('');

const scan = async (path: string, text: string, profile: 'default' | 'audit' = 'default') => {
  const ctx = makeMemoryContext({}, { profile }, '/work/globex');
  const found = await secretsAnalyzer.analyze(makeSourceFile(path, text), ctx);
  // What the scan reports: a default scan's held-back findings (ScanResult.heldBack) are not.
  return found.filter((f) => !f.heldBack).map((f) => [f.ruleId, f.location.startLine, f.severity]);
};

describe('logins a program sends, not one it accepts', () => {
  it('lowers a weak login in a configuration block that names the driver for the device', async () => {
    const entry = (driver: boolean) =>
      [
        '{',
        '    "pdus": {',
        '        "switch1": {',
        ...(driver ? ['          "driver": "intellinet",'] : []),
        `          "username": "${WEAK}",`,
        `          "${PASS}": "${WEAK}",`,
        '          "port": 80',
        '        }',
        '    }',
        '}',
      ].join('\n');
    // Reported only by the opt-in audit profile (audit-shapes.ts), lowered.
    expect(await scan('etc/switchd/switchd.conf', entry(true))).toEqual([]);
    expect(await scan('etc/switchd/switchd.conf', entry(true), 'audit')).toEqual([
      ['secrets/weak-password', 6, 'low'],
    ]);
    // Kept: the same block without a driver (the program's own login), and a driver in another block only.
    expect(await scan('etc/switchd/switchd.conf', entry(false))).toEqual([
      ['secrets/weak-password', 5, 'high'],
    ]);
    const apart = entry(false).replace(
      '"pdus": {',
      '"pdus": {\n        "test": {\n          "driver": "cmd"\n        },',
    );
    expect(await scan('etc/switchd/switchd.conf', apart)).toEqual([['secrets/weak-password', 8, 'high']]);
  });

  it('leaves out the Android debug keystore’s published password beside the keystore; not elsewhere', async () => {
    const keystore = [
      "KEYSTORE_FILE = os.path.join(os.getenv('HOME'), '.android', 'debug.keystore')",
      `PASSWORD = '${ANDROID}'`,
      "KEY_ALIAS = 'androiddebugkey'",
    ].join('\n');
    expect(await scan('tools/nightly.py', keystore)).toEqual([]);
    // Kept: the same word as the password of a release keystore, and another weak password beside the debug one.
    const release = keystore.replace('debug.keystore', 'release.jks').replace('androiddebugkey', 'upload');
    expect(await scan('tools/nightly.py', release)).toEqual([['secrets/weak-password', 2, 'high']]);
    expect(await scan('tools/nightly.py', keystore.replace(`'${ANDROID}'`, `'${WEAK}'`))).toEqual([
      ['secrets/weak-password', 2, 'high'],
    ]);
  });

  it('leaves out a stored digest followed by its salt, both in base64; not a single base64 value', async () => {
    const rnd = seededRandom(5413);
    const digest = `${expandTemplate('<<a62:43>>', rnd)}=${expandTemplate('<<a62:22>>', rnd)}==`;
    const users = ['userA:', '  # Password hash', `  ${PASS}: "${digest}"`].join('\n');
    expect(await scan('conf/users.yml', users)).toEqual([]);
    // Kept: a 44-character base64 value alone (a key or a strong password), and padding only at the end.
    const single = `${expandTemplate('<<a62:43>>', rnd)}=`;
    expect(await scan('conf/users.yml', users.replace(digest, single))).toEqual([
      ['secrets/hardcoded-password', 3, 'high'],
    ]);
  });
});
