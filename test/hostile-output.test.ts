import { scanWarning } from '../src/core/warning.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../src/core/finding.js';
import { processFindings } from '../src/core/stages.js';
import { REPORTERS } from '../src/report/index.js';
import { deriveThreats } from '../src/threats/derive.js';
import { toMermaid } from '../src/threats/diagram.js';
import { loadThreatModel } from '../src/threats/load.js';
import { threatMarkdown, threatTable } from '../src/threats/report.js';
import { makeResult } from './helpers/scan-result.js';

/**
 * Hostile values as an attacker plants them in a repository, an OSV record or a server reply: escape
 * sequences (colour, OSC title change, C1 CSI), newlines that forge GitHub annotation lines, HTML,
 * Markdown links and images, Mermaid directives and fence breaks. Every output must keep them inert.
 */
const ESC = '\u001b';
const HOSTILE = [
  `${ESC}[2J${ESC}]0;pwned${ESC}\\`,
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
  '\u009b31m',
  'x\r\n::error file=forged.js,line=1::forged annotation',
  '\n::add-mask::%0A::stop-commands::x',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '[click](https://evil.example) ![img](https://evil.example/p.png) @team',
  '```\n%%{init: {"theme":"dark"}}%%\nclick A call alert()',
  '\u202eevil\u202c',
].join(' ');

function hostileRaw(): RawFinding {
  return {
    ruleId: `deps/GHSA-${HOSTILE}`,
    analyzer: 'deps',
    severity: 'high',
    confidence: 'high',
    title: `title ${HOSTILE}`,
    message: `message ${HOSTILE}`,
    remediation: `fix ${HOSTILE}`,
    location: { path: `src/${HOSTILE}.js`, startLine: 3, snippet: `snippet ${HOSTILE}` },
    cwe: [1395],
    owasp: ['A03:2025'],
    principles: ['asset-management'],
    phase: 'build',
    package: {
      ecosystem: 'npm',
      name: `pkg${HOSTILE}`,
      version: '1.0.0',
      purl: 'pkg:npm/x@1.0.0',
      fixedIn: [`2.0.0${HOSTILE}`],
      advisories: [`GHSA-${HOSTILE}`],
      direct: true,
    },
  };
}

/**
 * Markdown outside code spans and fenced blocks (where `<script>` or `[x](y)` is shown as text): each
 * span is closed by a backtick run of exactly its opening length, as CommonMark reads it.
 */
function outsideCode(md: string): string {
  return md.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

function assertNoTerminalControl(text: string): void {
  expect(text).not.toContain(ESC);
  expect(text).not.toContain('\u009b');
  expect(text).not.toContain('\r');
  expect(text).not.toContain('\u202e');
}

describe('hostile values in every output', () => {
  const findings = processFindings([hostileRaw()]);
  const result = makeResult(findings, undefined, {
    warnings: [scanWarning('hostile', `warning ${HOSTILE}`, { path: `p${HOSTILE}` })],
    // A package name and version as a hostile lockfile can spell them: the SBOM formats must keep them inert too.
    inventory: {
      components: [
        {
          ref: 'pkg:npm/evil@1.0.0',
          ecosystem: 'npm',
          name: `evil${HOSTILE}`,
          version: `1.0.0${HOSTILE}`,
          purl: 'pkg:npm/evil@1.0.0',
          scope: 'required',
          direct: true,
          declaredIn: `package-lock${HOSTILE}.json`,
        },
      ],
      dependencies: [{ ref: 'pkg:npm/evil@1.0.0', dependsOn: [] }],
    },
  });

  it.each(Object.keys(REPORTERS) as (keyof typeof REPORTERS)[])('%s keeps them inert', (format) => {
    const text = REPORTERS[format](result, { tty: true });
    if (format !== 'table') expect(text).not.toContain(ESC);
    // The table paints with its own colour codes on a TTY: none may come from the data.
    if (format === 'table') {
      const data = REPORTERS.table(result, { tty: false });
      assertNoTerminalControl(data);
      for (const line of data.split('\n')) expect(line.startsWith('::')).toBe(false);
    }
    expect(text).not.toContain('\u009b');
    expect(text).not.toContain('\u202e');
    if (format === 'github') {
      // Each line is one command we wrote: none forged by a newline in the data.
      for (const line of text.split('\n').filter(Boolean)) {
        expect(line).not.toMatch(/^::(error file=forged|add-mask|stop-commands)/);
      }
    }
    if (format === 'junit') expect(XMLValidator.validate(text)).toBe(true);
    if (format === 'html' || format === 'junit') {
      expect(text).not.toContain('<script>alert');
      expect(text).not.toContain('<img src=x');
    }
    if (format === 'markdown') {
      const prose = outsideCode(text);
      expect(prose).not.toContain('<script>alert');
      expect(prose).not.toContain('<img src=x');
      expect(prose).not.toContain('[click](https://evil');
      expect(prose).not.toContain('![img](');
      expect(prose).not.toMatch(/(^|[^\\])@team/);
    }
    if (format === 'json' || format === 'sarif') JSON.parse(text);
  });
});

describe('hostile values in the threat model outputs', () => {
  const name = (s: string): string => JSON.stringify(s);
  const model = loadThreatModel(
    [
      'version: 1',
      `title: ${name(`Shop ${HOSTILE}`)}`,
      'zones:',
      `  - { id: dmz, name: ${name(`DMZ ${HOSTILE}`)}, trust: untrusted }`,
      'assets:',
      `  - { id: web, name: ${name(`Web ${HOSTILE}`)}, kind: web-app, zone: dmz }`,
      `  - { id: db, name: ${name(`DB ${HOSTILE}`)}, kind: database }`,
      'data:',
      `  - { id: creds, name: ${name(`Creds ${HOSTILE}`)}, confidentiality: confidential, credentials: true }`,
      'flows:',
      '  - { id: f1, from: web, to: db, protocol: http, data: [creds] }',
      '',
    ].join('\n'),
    'threatmodel.yaml',
  );
  const d = deriveThreats(model);

  it('Mermaid labels cannot start a directive, a statement or markup', () => {
    const mermaid = toMermaid(model, d.threats);
    expect(mermaid).not.toContain('%%{');
    expect(mermaid).not.toContain('<script');
    expect(mermaid).not.toContain('```');
    expect(mermaid).not.toContain(ESC);
    for (const line of mermaid.split('\n')) expect(line.trim().startsWith('click ')).toBe(false);
  });

  it('the Markdown report keeps the title and names as text', () => {
    const md = threatMarkdown(model, d);
    const prose = outsideCode(md);
    expect(prose).not.toContain('<script>');
    expect(prose).not.toContain('[click](https://evil');
    expect(prose).not.toContain('![img](');
    expect(md).not.toContain(ESC);
    // One mermaid fence opened and closed: nothing in the data closed it early.
    expect(md.match(/^```/gm)?.length).toBe(2);
  });

  it('the terminal table carries no escape sequence', () => {
    assertNoTerminalControl(threatTable(model, d, false));
  });
});
