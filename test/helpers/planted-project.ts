import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The line of the planted finding in `server.js`. */
export const PLANTED_LINE = 5;

/**
 * A small project for the CI integration tests: with `planted`, `server.js` runs a shell command
 * built from request input (code/js-command-injection, high, line 5); without, it passes.
 */
export function plantedProject(planted: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-ci-'));
  mkdirSync(join(dir, 'app'));
  const call = planted
    ? "exec('ls ' + req.query.dir, (err, out) => res.send(out));"
    : "execFile('ls', ['--', String(req.query.dir)], (err, out) => res.send(out));";
  writeFileSync(
    join(dir, 'app', 'server.js'),
    [
      "const { exec, execFile } = require('node:child_process');",
      "const express = require('express');",
      'const app = express();',
      "app.get('/files', (req, res) => {",
      `  ${call}`,
      '});',
      '',
    ].join('\n'),
  );
  return dir;
}
