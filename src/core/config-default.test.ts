import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from '../analyzers/secrets/test-tokens.js';
import { configDefaultLines, localDefaultLines } from './config-default.js';
import { credentialRowsOf } from './test-whole-scan.js';

const rnd = seededRandom(3607);
const key = (n = 32): string => expandTemplate(`<<a62:${n}>>`, rnd);
// A strong password, joined at run time so this file holds none for the repository's own scan to read.
const STRONG = ['Xq7#', 'mL2v!pR9'].join('');

const scanned = credentialRowsOf;

const plugin = (defaults: string[], extra: string[] = []): string =>
  [
    'from beets.plugins import BeetsPlugin',
    '',
    ...extra,
    '',
    'class ExamplePlugin(BeetsPlugin):',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.config.add({',
    ...defaults.map((d) => `            ${d},`),
    "            'tokenfile': 'example_token.json',",
    '        })',
    "        self.config['apisecret'].redact = True",
    '',
    '    def setup(self):',
    "        return ExampleClient(self.config['apikey'].as_str(), self.config['apisecret'].as_str())",
  ].join('\n');

const sev = (at: [number, string, string, string][]): [number, string, string][] =>
  at.map(([l, r, s]) => [l, r, s]);

describe("a key given as a default of the program's configuration", () => {
  it('is lowered one step with its reason, under its own name or a constant’s (audit profile only)', async () => {
    const text = plugin(["'apikey': API_KEY", `'apisecret': '${key(32)}'`], [`API_KEY = '${key(40)}'`]);
    // A default scan leaves them to the opt-in audit profile (secrets/audit-shapes.ts).
    expect(await scanned('plugins/example.py', text)).toEqual([]);
    const at = await scanned('plugins/example.py', text, 'audit');
    // The same module setting the values (not defaults): the keys keep their level.
    const set = await scanned('plugins/example.py', text.replace('self.config.add(', 'self.config.set('));
    expect(sev(set)).toEqual([
      [3, 'secrets/generic-api-key', 'medium'],
      [10, 'secrets/generic-api-key', 'medium'],
    ]);
    expect(sev(at)).toEqual([
      [3, 'secrets/generic-api-key', 'low'],
      [10, 'secrets/generic-api-key', 'low'],
    ]);
    expect(at[0]![3]).toContain("a default of the program's configuration");
  });

  it('keeps its level when the constant is also used outside the defaults, and for a password', async () => {
    const at = await scanned(
      'plugins/example.py',
      plugin(
        ["'apikey': API_KEY", `'password': '${STRONG}'`],
        [`API_KEY = '${key(40)}'`, 'HEADERS = {"key": API_KEY}'],
      ),
    );
    expect(sev(at)).toEqual([
      [3, 'secrets/generic-api-key', 'medium'],
      [11, 'secrets/hardcoded-password', 'medium'],
    ]);
    expect(at.every(([, , , m]) => !m.includes('configuration'))).toBe(true);
  });

  it('keeps its level in a dictionary given to another object’s add', async () => {
    const text = [
      'def send(headers):',
      '    headers.add({',
      `        'api_key': '${key(40)}',`,
      '    })',
    ].join('\n');
    const at = await scanned('client.py', text);
    expect(at.every(([, , , m]) => !m.includes('configuration'))).toBe(true);
    expect(at.length).toBeGreaterThan(0);
  });
});

describe('configDefaultLines', () => {
  it('takes the lines of a config defaults dictionary and a constant used only there', () => {
    const text = [
      "API_KEY = 'abc'",
      "OTHER = 'def'",
      "config['kodi'].add({'user': 'kodi',",
      "    'key': API_KEY})",
      'x = OTHER',
      "config.set({'pwd': 'y'})",
      "self.config['a']['b'].add({ # defaults",
      "    'c': '}'})",
    ].join('\n');
    expect([...configDefaultLines(text)].sort()).toEqual([1, 3, 4, 7, 8]);
  });

  it('takes nothing without a defaults call', () => {
    expect(
      configDefaultLines("API_KEY = 'abc'\nconfig['x'] = API_KEY\nheaders.add({'k': API_KEY})").size,
    ).toBe(0);
  });
});

// A guessable login, joined at run time so this file holds none for the repository's own scan to read.
const WEAK = ['medi', 'abox'].join('');
const service = (host: string, call = 'add'): string =>
  [
    'from beets.plugins import BeetsPlugin',
    'from beets import config',
    '',
    'class MediaBoxUpdate(BeetsPlugin):',
    '    def __init__(self):',
    '        super().__init__()',
    `        config['mediabox'].${call}({`,
    `            'host': '${host}',`,
    "            'port': 8080,",
    `            'user': '${WEAK}',`,
    `            'pwd': '${WEAK}'})`,
    "        config['mediabox']['pwd'].redact = True",
  ].join('\n');

describe("a login among the defaults of the program's configuration for a service on this machine", () => {
  it('is lowered as in a configuration file’s section for a local service (merged row: medium)', async () => {
    // A default scan leaves it, secrets and code rule alike, to the opt-in audit profile (stop 55).
    expect(await scanned('plugins/mediabox.py', service('localhost'))).toEqual([]);
    const at = await scanned('plugins/mediabox.py', service('localhost'), 'audit');
    expect(sev(at)).toEqual([[11, 'secrets/weak-password', 'medium']]);
    expect(at[0]![3]).toContain('Also matched: code/py-hardcoded-credential');
  });

  it('keeps its level for another machine’s host, and when the program sets it rather than defaulting it', async () => {
    expect(sev(await scanned('plugins/mediabox.py', service('media.acme-prod.net')))).toEqual([
      [11, 'secrets/weak-password', 'high'],
    ]);
    expect(sev(await scanned('plugins/mediabox.py', service('localhost', 'set')))).toEqual([
      [11, 'secrets/weak-password', 'high'],
    ]);
  });
});

describe('localDefaultLines', () => {
  it('takes the lines of a defaults dictionary that names this machine as its only host', () => {
    const text = [
      "config['a'].add({",
      "    'host': '127.0.0.1',",
      "    'pwd': 'x'})",
      "config['b'].add({",
      "    'host': 'localhost',",
      "    'server': 'db.acme-prod.net',",
      "    'pwd': 'y'})",
      "config['c'].add({'host': 'localhost', 'pwd': 'z'})",
      'headers.add({',
      "    'host': 'localhost',",
      "    'pwd': 'w'})",
    ].join('\n');
    expect([...localDefaultLines(text)].sort()).toEqual([1, 2, 3]);
  });
});

describe('defaults dictionaries in a large or hostile file (review43)', () => {
  // Each `config.add({` never closes, so each search for its brace reads to the end of the file: without a bound,
  // the lines times the file (about 10^10 characters here), asked again for every password match of the file.
  const unclosed = Array.from({ length: 30000 }, (_, i) => `config.add({'k${i}': 1,`).join('\n');

  it('reads unclosed dictionaries within a bound of the text', () => {
    const started = Date.now();
    expect(localDefaultLines(unclosed).size).toBe(0);
    expect(configDefaultLines(unclosed).size).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('keeps the answer for the file every password match of it asks about', () => {
    const text = ["config['a'].add({", "    'host': '127.0.0.1',", "    'pwd': 'x'})"].join('\n');
    expect(localDefaultLines(text)).toBe(localDefaultLines(text));
    expect(localDefaultLines(`${text}\n`)).toEqual(localDefaultLines(text));
  });

  it('still finds closed dictionaries after many others, and their lines by offset', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `config.add({'k${i}': 1})`);
    const text = [...many, "config['a'].add({", "    'host': 'localhost',", "    'pwd': 'x'})"].join('\n');
    expect([...localDefaultLines(text)]).toEqual([2001, 2002, 2003]);
    expect(configDefaultLines(text).size).toBe(2003);
  });
});
