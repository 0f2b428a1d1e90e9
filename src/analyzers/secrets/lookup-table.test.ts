import { describe, expect, it } from 'vitest';
import { scanText } from './test-scan.js';

/**
 * A key → category table (Ghost's settings-key → group map) is no password; a seed account, a configuration
 * or a table where the password is shared by one other member only keeps its finding. The weak words are built
 * at run time so the repository's own scan does not read them as passwords.
 */
const scan = (text: string, path: string) => {
  return scanText(text, path)
    .filter((d) => d.ruleId.startsWith('secrets/'))
    .map((d) => [d.ruleId, d.line]);
};
const group = ['pri', 'vate'].join('');
const admin = ['ad', 'min'].join('');
const object = (members: [string, string][]) =>
  `const table = {\n${members.map(([k, v]) => `    ${k}: '${v}',`).join('\n')}\n};\n`;
const site = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, i): [string, string] => [`setting_${i}`, 'site']);

describe('a key → category table', () => {
  it('drops the value of a password setting filed under a group two other settings share', () => {
    const text = object([
      ...site(6),
      ['active_theme', 'theme'],
      ['is_private', group],
      ['password', group],
      ['public_hash', group],
      ['labs', 'labs'],
      ...site(3),
    ]);
    expect(scan(text, 'core/server/utils/settings-key-group-mapper.js')).toEqual([]);
  });
  it('keeps a seed account, a configuration, and a table whose password one other member shares', () => {
    // Three members: no table.
    const seed = object([
      ['username', admin],
      ['password', admin],
      ['role', admin],
    ]);
    expect(scan(seed, 'src/seed.js')).toEqual([['secrets/weak-password', 3]]);
    // Eight members, mostly distinct values.
    const config = object([
      ['host', 'db.internal'],
      ['port', '5432'],
      ['database', 'orders'],
      ['user', admin],
      ['password', admin],
      ['role', admin],
      ['ssl', 'require'],
      ['pool', 'fixed'],
    ]);
    expect(scan(config, 'src/config.js')).toEqual([['secrets/weak-password', 6]]);
    const shared = object([...site(8), ['password', group], ['backup_owner', group], ['labs', 'labs']]);
    expect(scan(shared, 'src/table.js')).toEqual([['secrets/weak-password', 10]]);
  });
  it('keeps one password written under every member that names a credential (a reused password, review41)', () => {
    const reused = ['Vq7#pLm2', 'zR9xT'].join('-');
    const services = ['mysql', 'postgres', 'mongo', 'redis', 'rabbit', 'elastic', 'admin', 'root'];
    const all = object(services.map((s): [string, string] => [`${s}_password`, reused]));
    expect(scan(all, 'src/config.js')).toHaveLength(8);
    // A configuration with a few flags: the password, a secret and a client secret share the value.
    const config = object([
      ['host', 'db.acmecorp.net'],
      ['user', 'deploy'],
      ['password', reused],
      ['secret', reused],
      ['client_secret', reused],
      ['ssl', 'true'],
      ['debug', 'true'],
      ['cache', 'true'],
    ]);
    expect(scan(config, 'src/settings.js').filter(([, line]) => line === 4)).toHaveLength(1);
  });
});
