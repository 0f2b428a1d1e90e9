import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-internal-'));
  writeFileSync(join(dir, 'app.js'), 'console.log(1);\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real bug, planted from outside the code under test: the preload makes the engine's first clock
// read throw a TypeError, which no part of Vanguard expects.
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  'Date.prototype.toISOString = function () { throw new TypeError("planted bug"); };',
)}`;
const buggy = { NODE_OPTIONS: `--import=${PRELOAD}` };

describe('internal errors', () => {
  it('are reported as a bug with exit code 4, not the usage code 2', () => {
    const r = runCli(['scan', dir, '--only', 'secrets', '--no-progress'], { env: buggy });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('vanguard: internal error (a bug in Vanguard, exit code 4): planted bug');
    expect(r.stderr).toContain('run again with --debug');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('print the stack with --debug, wherever it is on the command line', () => {
    for (const args of [
      ['--debug', 'scan', dir, '--only', 'secrets', '--no-progress'],
      ['scan', dir, '--only', 'secrets', '--no-progress', '--debug'],
    ]) {
      const r = runCli(args, { env: buggy });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/TypeError: planted bug\n\s+at /);
    }
  });

  it('keeps exit code 2 for what the user can fix: a bad flag, a missing path, an unwritable output', () => {
    expect(runCli(['scan', dir, '--only', 'nope', '--no-progress']).code).toBe(2);
    expect(runCli(['scan', join(dir, 'missing'), '--no-progress']).code).toBe(2);
    const r = runCli(['scan', dir, '--only', 'secrets', '-f', 'json', '-o', join(dir, 'app.js', 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('internal error');
  });
});
