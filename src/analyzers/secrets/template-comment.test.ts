import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const scan = (text: string, path: string) => {
  return scanText(text, path).map((d) => d.ruleId);
};
// Hex tokens as a chat service's template shows one (generated: no literal token in the source), drawn once so
// that each test sees the same values whichever tests ran before it.
const rnd = seededRandom(7007);
const tokens = Array.from({ length: 6 }, () => expandTemplate('<<hex:30>>', rnd));
const token = (i: number): string => tokens[i]!;

describe("a configuration template's commented-out options", () => {
  it("drops a name-based secret on a template's commented-out line (each backend's option shown unset)", () => {
    const py = `BOT_IDENTITY = {\n    "username": "bot@localhost",\n    # 'token': '${token(0)}',\n}\n`;
    expect(scan(py, 'etc/bot/config-template.py')).toEqual([]);
    expect(scan(py, 'usr/share/doc/bot/examples/config-template.py')).toEqual([]);
    const yml = `service:\n  url: https://chat.acme.io\n  # api_key: ${token(1)}\n`;
    expect(scan(yml, 'config/settings.yml.sample')).toEqual([]);
  });
  it('keeps it on a live line of the template, and commented in a file the program reads', () => {
    expect(scan(`    'token': '${token(2)}',\n`, 'etc/bot/config-template.py')).toContain(
      'secrets/generic-api-key',
    );
    expect(scan(`    # 'token': '${token(3)}',\n`, 'bot/config.py')).toContain('secrets/generic-api-key');
    expect(scan(`  # api_key: ${token(4)}\n`, 'config/settings.yml')).toContain('secrets/generic-api-key');
  });
});
