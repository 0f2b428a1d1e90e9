import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../scan/run-scan.js';

/** The secrets findings of one file of a whole scan, as [line, rule]. */
async function scanned(path: string, text: string): Promise<[number, string][]> {
  const root = mkdtempSync(join(tmpdir(), 'vanguard-compdef-'));
  try {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
    const r = await runScan({ path: root, workers: 1, failOn: 'none', only: ['secrets'] });
    return r.findings.filter((f) => f.location.path === path).map((f) => [f.location.startLine, f.ruleId]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Joined at run time: the repository's own scan must not read these lines as passwords.
const spec = (word: string, description: string): string => `      '${[word, description].join(':')}'`;
const describeKeys = [
  '    local -a key_commands=(',
  spec('change-passphrase', 'Change repository key file passphrase'),
  spec('export', 'Export the repository key for backup'),
  '    )',
  "    _describe -t commands 'command' key_commands && ret=0",
];
// A password written as a value in a configuration file, by the same `name:value` shape.
const configLine = `    ${['passphrase', 'Change1'].join(': ')}`;

describe('withoutCompletionSpecs (a zsh completion function)', () => {
  it("drops a password rule's match in a spec's description of a #compdef file", async () => {
    const text = ['#compdef borg borgfs', '', '_borg_key() {', ...describeKeys, '}', ''].join('\n');
    expect(await scanned('usr/share/zsh/vendor-completions/_borg', text)).toEqual([]);
  });
  it('keeps the same line in a file that is not a completion function', async () => {
    const text = ['#!/bin/zsh', '', '_borg_key() {', ...describeKeys, '}', ''].join('\n');
    expect(await scanned('bin/borg-keys.zsh', text)).toEqual([[5, 'secrets/weak-password']]);
  });
  it('keeps a password that is not after a spec word', async () => {
    expect(await scanned('config/backup.yaml', ['repository:', configLine, ''].join('\n'))).toEqual([
      [2, 'secrets/hardcoded-password'],
    ]);
  });
  it('keeps an assignment in a completion function: only a spec word before the colon is dropped', async () => {
    const assignment = `  local ${['BORG_PASSPHRASE', "'Change1'"].join('=')}`;
    const text = ['#compdef borg', '', '_borg_key() {', assignment, ...describeKeys, '}', ''].join('\n');
    expect(await scanned('usr/share/zsh/vendor-completions/_borg', text)).toEqual([
      [4, 'secrets/hardcoded-password'],
    ]);
  });
});
