import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { loadConfig, parseConfig } from './config.js';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, 'vanguard.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const FULL = `version: 1
analyzers:
  skip: [threats]
ignore:
  - "vendor/"
rules:
  - .vanguard/rules
options:
  pipeline:
    trustedOwners: [my-org]
gates:
  failOn: high
  analyzers:
    deps: critical
  phases:
    design: medium
  alwaysFail:
    - "secrets/*"
    - { analyzer: secrets, confidence: high }
  neverFail:
    - code/js-weak-random
  branches:
    "release/*":
      failOn: medium
exceptions:
  - path: "config/*.env"
    reason: "test account, rotated weekly"
    owner: "alice@example.com"
    expires: 2026-12-31
`;

describe('parseConfig', () => {
  it('reads a full configuration', () => {
    const c = parseConfig(FULL);
    expect(c.analyzers.skip).toEqual(['threats']);
    expect(c.ignore).toEqual(['vendor/']);
    expect(c.rules).toEqual(['.vanguard/rules']);
    expect(c.options.pipeline).toEqual({ trustedOwners: ['my-org'] });
    expect(c.gates.failOn).toBe('high');
    expect(c.gates.analyzers).toEqual({ deps: 'critical' });
    expect(c.gates.alwaysFail).toEqual(['secrets/*', { analyzer: 'secrets', confidence: 'high' }]);
    expect(c.gates.branches?.['release/*']?.failOn).toBe('medium');
    expect(c.exceptions[0]).toEqual({
      path: 'config/*.env',
      reason: 'test account, rotated weekly',
      owner: 'alice@example.com',
      expires: '2026-12-31',
    });
    expect(c.file).toBe('vanguard.yaml');
  });

  it('gives defaults for an empty file', () => {
    const c = parseConfig('# nothing yet\n');
    expect(c.gates.failOn).toBe('high');
    expect(c.exceptions).toEqual([]);
    expect(c.analyzers.only).toBeUndefined();
  });

  it('reads a list whose last item is commented out as the items left, not a null one', () => {
    expect(parseConfig('ignore:\n  - "*.log"\n  # - "*.tmp"\n').ignore).toEqual(['*.log']);
  });

  it('names the line and the expected values for a bad severity', () => {
    const e = configError('gates:\n  failOn: hgih\n');
    expect(e.file).toBe('vanguard.yaml');
    expect(e.line).toBe(2);
    expect(e.message).toContain('gates.failOn');
    expect(e.message).toContain('expected one of critical, high, medium, low, info, none');
    expect(e.message).toContain('"hgih"');
  });

  it('points at an unknown key and suggests the right one', () => {
    const e = configError('version: 1\ngates:\n  failon: high\n');
    expect(e.line).toBe(3);
    expect(e.message).toContain('unknown key "failon"');
    expect(e.message).toContain('did you mean "failOn"');
  });

  it('requires reason, owner and expires on exceptions, at the exception line', () => {
    const e = configError('exceptions:\n  - rule: secrets/generic\n    reason: x\n');
    expect(e.line).toBe(2);
    expect(e.message).toContain('exceptions[0]: missing required key "owner"');
    expect(e.message).toContain('missing required key "expires"');
  });

  it('requires at least one matcher on an exception', () => {
    const e = configError('exceptions:\n  - reason: r\n    owner: o\n    expires: 2026-01-01\n');
    expect(e.message).toContain('expected at least one of fingerprint, rule, path, package, advisory');
  });

  it('rejects dates that are not dates', () => {
    expect(
      configError('exceptions:\n  - rule: a\n    reason: r\n    owner: o\n    expires: 2026-02-30\n').message,
    ).toContain('not a real calendar date');
    const e = configError('exceptions:\n  - rule: a\n    reason: r\n    owner: o\n    expires: next year\n');
    expect(e.line).toBe(5);
    expect(e.message).toContain('expected a date YYYY-MM-DD');
  });

  it('rejects empty reasons', () => {
    expect(
      configError('exceptions:\n  - rule: a\n    reason: "  "\n    owner: o\n    expires: 2026-01-01\n')
        .message,
    ).toContain('exceptions[0].reason: must not be empty');
  });

  it('rejects unknown analyzers with the known list', () => {
    const e = configError('analyzers:\n  only: [secrets, sast]\n');
    expect(e.line).toBe(2);
    expect(e.message).toContain('analyzers.only[1]: expected one of secrets, deps, code');
  });

  it('reports YAML syntax errors with a line', () => {
    const e = configError('gates:\n  failOn: [high\nexceptions: []\n');
    expect(e.message).toMatch(/^invalid YAML/);
    expect(e.line).toBeGreaterThan(0);
  });

  it('rejects duplicate keys', () => {
    expect(configError('ignore: []\nignore: [a]\n').message).toMatch(/invalid YAML/);
  });

  it('rejects a top level that is not a mapping', () => {
    expect(configError('- a\n- b\n').message).toContain('top level: expected a mapping, got a list');
  });

  it('bounds alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    expect(() => parseConfig(bomb.join('\n'))).toThrow(ConfigError);
  });

  it('lists several problems with their lines', () => {
    const e = configError('gates:\n  failOn: nope\nignore: 3\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^gates\.failOn: expected one of/);
    expect(e.message).toContain('\n  vanguard.yaml:3: ignore: expected a list, got number 3');
  });
});

describe('loadConfig', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('returns defaults when no file exists, reads vanguard.yml, and insists on an explicit path', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vg-config-'));
    expect((await loadConfig(dir)).file).toBeUndefined();
    await writeFile(join(dir, 'vanguard.yml'), 'gates:\n  failOn: critical\n');
    const c = await loadConfig(dir);
    expect(c.gates.failOn).toBe('critical');
    expect(c.file).toBe('vanguard.yml');
    await expect(loadConfig(dir, join(dir, 'missing.yaml'))).rejects.toThrow(/not found/);
    const explicit = join(dir, 'custom.yaml');
    await writeFile(explicit, 'gates:\n  failOn: low\n');
    expect((await loadConfig(dir, explicit)).gates.failOn).toBe('low');
  });
});
