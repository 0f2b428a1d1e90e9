import { describe, expect, it } from 'vitest';
import { wholeScanOf } from './test-whole-scan.js';
import { androidDebugKeystorePassword, deviceDefaultLine, replacedDefaultForHost } from './device-login.js';

// A breach-list password and an SDK's published one, joined at run time so this file holds none for the repository's own scan to read.
const WEAK = ['ad', 'min'].join('');
const ANDROID = ['andr', 'oid'].join('');

/** The credential findings of one file of a whole scan that are reported, as [line, rule, severity]. */
async function scanned(
  path: string,
  text: string,
  profile: 'default' | 'audit' = 'default',
): Promise<[number, string, string][]> {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => (f.analyzer === 'secrets' || /credential/.test(f.ruleId)) && f.suppression === undefined)
    .map((f) => [f.location.startLine, f.ruleId, f.severity]);
}

/** The messages of the reported findings of one file of a whole scan. */
async function messages(path: string, text: string): Promise<string[]> {
  return (await wholeScanOf(path, text)).filter((f) => f.suppression === undefined).map((f) => f.message);
}

const driver = (opts: { host?: boolean; replaced?: boolean } = {}): string =>
  [
    'class SwitchBase(Driver):',
    '    def __init__(self, hostname, settings):',
    ...(opts.host === false ? [] : ['        self.hostname = hostname']),
    '        self.settings = settings',
    `        self.username = "${WEAK}"`,
    `        self.${'pass'}word = "${WEAK}"`,
    '        telnetport = 23',
    '        if "username" in settings:',
    '            self.username = settings["username"]',
    ...(opts.replaced === false
      ? []
      : [
          `        if "${'pass'}word" in settings:`,
          `            self.${'pass'}word = settings["${'pass'}word"]`,
        ]),
    '        self.exec_string = "/usr/bin/telnet %s %d" % (hostname, telnetport)',
    '',
  ].join('\n');

describe('a device’s default login that its driver sends', () => {
  it('reads an attribute default replaced from the settings, beside the host the code was given', () => {
    const text = driver();
    const at = text.split('\n').findIndex((l) => l.includes(`.${'pass'}word = "`)) + 1;
    expect(deviceDefaultLine(text, at)).toBe(true);
    expect(deviceDefaultLine(driver({ host: false }), at - 1)).toBe(false);
    expect(deviceDefaultLine(driver({ replaced: false }), at)).toBe(false);
    // JavaScript's `this`, the host from an options object, the setting read with get().
    const js = [
      `this.host = options.host;`,
      `this.${'pass'}word = '${WEAK}';`,
      `this.${'pass'}word = options.get('${'pass'}word');`,
    ].join('\n');
    expect(replacedDefaultForHost(js.split('\n')[1]!, js)).toBe(true);
    // Another attribute replaced is not this one's setting.
    const other = js.replace(`this.${'pass'}word = options`, 'this.user = options');
    expect(replacedDefaultForHost(other.split('\n')[1]!, other)).toBe(false);
  });

  it('lowers the weak default and the code rule’s credential on its line; the program’s own account stays', async () => {
    const text = driver();
    const at = text.split('\n').findIndex((l) => l.includes(`.${'pass'}word = "`)) + 1;
    // The code rule's credential on the line is lowered by the client-key stage, which a default scan leaves to
    // the audit profile (stop 54, pyaudit), and so is the secrets analyzer's lowered row (stop 55, secaudit: a
    // device's factory login): the audit profile reports the row (medium, merged with the code rule's), a default
    // scan nothing on the line.
    const rows = await scanned('switchd/drivers/switch.py', text);
    expect(rows.filter((r) => r[0] === at)).toEqual([]);
    const audit = await scanned('switchd/drivers/switch.py', text, 'audit');
    expect(audit.filter((r) => r[0] === at && r[1] === 'secrets/weak-password')).toEqual([
      [at, 'secrets/weak-password', 'medium'],
    ]);
    // Kept high: no host given (a server's own default account), and a default nothing replaces.
    for (const kept of [driver({ host: false }), driver({ replaced: false })]) {
      const line = kept.split('\n').findIndex((l) => l.includes(`.${'pass'}word = "`)) + 1;
      const found = await scanned('switchd/drivers/switch.py', kept);
      expect(found.filter((r) => r[0] === line)).toEqual([[line, 'secrets/weak-password', 'high']]);
    }
  });

  it('leaves out the Android debug keystore’s published password in both analyzers; kept for another keystore', async () => {
    const nightly = [
      'import os',
      '',
      "KEYSTORE_FILE = os.path.join(os.getenv('HOME'), '.android', 'debug.keystore')",
      `${'PASS'}WORD = '${ANDROID}'  # standard password`,
      "KEY_ALIAS = 'androiddebugkey'",
      '',
      'def storepass():',
      `    return ${'PASS'}WORD`,
      '',
    ].join('\n');
    expect(androidDebugKeystorePassword(ANDROID, nightly)).toBe(true);
    expect(await scanned('tools/nightly.py', nightly)).toEqual([]);
    const release = nightly.replace('debug.keystore', 'release.jks').replace('androiddebugkey', 'upload');
    expect(androidDebugKeystorePassword(ANDROID, release)).toBe(false);
    expect(await scanned('tools/nightly.py', release)).toEqual([[4, 'secrets/weak-password', 'high']]);
    // Both analyzers matched the kept one (the code rule's finding merged into it).
    expect(await messages('tools/nightly.py', release)).toEqual([
      expect.stringContaining('Also matched: code/py-hardcoded-credential'),
    ]);
  });
});
