import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../scan/run-scan.js';
import { COOKIE_REPLY_NOTE } from './cookie-reply.js';

/** The js-xss-response findings of one Express file of a whole scan, as [line, severity, lowered]. */
async function replies(text: string): Promise<[number, string, boolean][]> {
  const root = mkdtempSync(join(tmpdir(), 'vanguard-cookie-reply-'));
  try {
    writeFileSync(join(root, 'app.js'), text);
    const r = await runScan({ path: root, workers: 1, failOn: 'none', only: ['code'] });
    return r.findings
      .filter((f) => f.ruleId === 'code/js-xss-response')
      .map((f) => [f.location.startLine, f.severity, f.message.includes(COOKIE_REPLY_NOTE)]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const app = (routes: string[]): string =>
  [
    "const express = require('express');",
    "const cookieParser = require('cookie-parser');",
    'const app = express();',
    'app.use(cookieParser());',
    'function page(name) {',
    "  return '<h1>' + name + '</h1>';",
    '}',
    ...routes,
    'app.listen(3000);',
  ].join('\n');

describe('a reflected XSS reply that only a request cookie reaches', () => {
  it('is lowered one step with its note: read in the handler, or through a helper', async () => {
    expect(
      await replies(
        app([
          "app.get('/theme', (req, res) => {",
          '  const theme = req.cookies.theme;',
          "  res.send('<body class=\"' + theme + '\">hi</body>');",
          '});',
          "app.get('/helper', (req, res) => res.send(page(req.signedCookies.user)));",
        ]),
      ),
    ).toEqual([
      [10, 'medium', true],
      [12, 'medium', true],
    ]);
  });

  it('keeps its level when another request value reaches the same reply, or no cookie does', async () => {
    expect(
      await replies(
        app([
          "app.get('/both', (req, res) => {",
          '  const theme = req.cookies.theme;',
          "  res.send('<p>' + theme + req.query.name + '</p>');",
          '});',
          "app.get('/query', (req, res) => res.send(page(req.query.name)));",
          "app.get('/either', (req, res) => res.send(page(req.cookies.name || req.params.name)));",
        ]),
      ),
    ).toEqual([
      [10, 'high', false],
      [12, 'high', false],
      [13, 'high', false],
    ]);
  });
});
