import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { iniSettings, iniValue, shipsWeakValue } from './settings-ini.js';

// autoradio's shape: settings.py reads [django] DEBUG and SECRET_KEY from the cfg the package installs in /etc.
const SETTINGS = (reads: string) =>
  `import os\nfrom configobj import ConfigObj\n\n${reads}\n\nINSTALLED_APPS = ['django.contrib.admin']\n`;
const CONFIGOBJ = SETTINGS(
  "config = ConfigObj('/etc/radio/radio-site.cfg', file_error=False)\nDEBUG = config['django']['DEBUG']\nSECRET_KEY = config['django']['SECRET_KEY']",
);
const CONFIGPARSER = SETTINGS(
  "import configparser\ncp = configparser.ConfigParser()\ncp.read(['site.ini'])\nDEBUG = cp.getboolean('django', 'DEBUG')\nSECRET_KEY = cp.get('django', 'SECRET_KEY')",
);
// A key made up for the test, not any real deployment's.
const KEY = ['k3y', 'f0r', 'the', 'test', 'only'].join('-');
const CFG = (debug: string, key: string) =>
  `[server]\nport = 8080\n\n[django]\n\nDEBUG = ${debug}\n# Make this unique.\nSECRET_KEY = ${key}\n  [[ env ]]\n  DEBUG = True\n`;

async function scan(files: Record<string, string>, path: string) {
  const ctx = makeMemoryContext(files, {});
  const fs = await codeAnalyzer.analyze(makeSourceFile(path, files[path]!), ctx);
  return fs
    .filter((f) => f.location.path !== path)
    .map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`);
}

describe('Django settings read from an INI/cfg file', () => {
  it('reports DEBUG on and a fixed SECRET_KEY in the /etc cfg a ConfigObj settings module reads', async () => {
    const files = {
      'radio/settings.py': CONFIGOBJ,
      'etc/radio/radio-site.cfg': CFG('True', KEY),
    };
    expect(await scan(files, 'radio/settings.py')).toEqual([
      'code/py-django-debug etc/radio/radio-site.cfg:6',
      'code/py-hardcoded-secret-key etc/radio/radio-site.cfg:8',
    ]);
  });

  it('reports a configparser file next to the module', async () => {
    const files = { 'app/settings.py': CONFIGPARSER, 'app/site.ini': CFG('yes', `"${KEY}"`) };
    expect(await scan(files, 'app/settings.py')).toEqual([
      'code/py-django-debug app/site.ini:6',
      'code/py-hardcoded-secret-key app/site.ini:8',
    ]);
  });

  it('reports nothing for DEBUG off, a commented default, a placeholder or an environment value', async () => {
    const off = {
      'radio/settings.py': CONFIGOBJ,
      'etc/radio/radio-site.cfg': CFG('False', '${DJANGO_SECRET}'),
    };
    expect(await scan(off, 'radio/settings.py')).toEqual([]);
    const commented = {
      'radio/settings.py': CONFIGOBJ,
      'etc/radio/radio-site.cfg': '[django]\n#DEBUG = True\n#SECRET_KEY = abcdefgh\n',
    };
    expect(await scan(commented, 'radio/settings.py')).toEqual([]);
    const placeholder = {
      'radio/settings.py': CONFIGOBJ,
      'etc/radio/radio-site.cfg': '[django]\nSECRET_KEY = change-me\n',
    };
    expect(await scan(placeholder, 'radio/settings.py')).toEqual([]);
    const interpolated = {
      'app/settings.py': CONFIGPARSER,
      'app/site.ini': '[django]\nSECRET_KEY = %(SECRET)s\nDEBUG = @DEBUG@\n',
    };
    expect(await scan(interpolated, 'app/settings.py')).toEqual([]);
  });

  it('reports nothing when the module does not read the key from that file and section', async () => {
    // The key sits in another section than the one read.
    const other = { 'radio/settings.py': CONFIGOBJ, 'etc/radio/radio-site.cfg': '[server]\nDEBUG = True\n' };
    expect(await scan(other, 'radio/settings.py')).toEqual([]);
    // Not a Django settings module (no INSTALLED_APPS, ROOT_URLCONF or MIDDLEWARE).
    const notSettings = {
      'radio/conf.py': CONFIGOBJ.replace(/INSTALLED_APPS.*\n/, ''),
      'etc/radio/radio-site.cfg': CFG('True', KEY),
    };
    expect(await scan(notSettings, 'radio/conf.py')).toEqual([]);
    // The file named is not in the tree; DEBUG from the environment.
    expect(await scan({ 'radio/settings.py': CONFIGOBJ }, 'radio/settings.py')).toEqual([]);
    const env = SETTINGS(
      "DEBUG = os.environ.get('DEBUG') == '1'\nconfig = ConfigObj('/etc/radio/radio-site.cfg')",
    );
    expect(
      await scan(
        { 'radio/settings.py': env, 'etc/radio/radio-site.cfg': CFG('True', KEY) },
        'radio/settings.py',
      ),
    ).toEqual([]);
  });

  it('reads INI values by section, leaving nested sections and comments out', () => {
    expect(iniValue(CFG('True', KEY), 'django', 'DEBUG')).toEqual({ value: 'True', line: 6 });
    expect(iniValue('[django]\n  [[env]]\n  DEBUG = True\n', 'django', 'DEBUG')).toBeUndefined();
    expect(iniValue("[Django]\nSECRET_KEY = 'abc def' # comment\n", 'django', 'SECRET_KEY')).toEqual({
      value: 'abc def',
      line: 2,
    });
    expect(shipsWeakValue('DEBUG', 'on')).toBe(true);
    expect(shipsWeakValue('DEBUG', 'False')).toBe(false);
    expect(shipsWeakValue('SECRET_KEY', '')).toBe(false);
    expect(shipsWeakValue('SECRET_KEY', 'your-secret-key')).toBe(false);
  });

  it('does not read a path outside the tree or under the home folder', async () => {
    const home = SETTINGS("config = ConfigObj('~/.radio.cfg')\nDEBUG = config['django']['DEBUG']");
    const got = await iniSettings(
      home,
      'radio/settings.py',
      () => true,
      () => Promise.resolve('[django]\nDEBUG = True\n'),
    );
    expect(got).toEqual([]);
    const up = SETTINGS("config = ConfigObj('../../outside.cfg')\nDEBUG = config['django']['DEBUG']");
    const got2 = await iniSettings(
      up,
      'settings.py',
      () => true,
      () => Promise.resolve('[django]\nDEBUG = True\n'),
    );
    expect(got2).toEqual([]);
  });
});
