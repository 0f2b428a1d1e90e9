import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { roleFromPath } from '../../core/file-role.js';
import type { RawFinding } from '../../core/finding.js';
import { adjustForRole } from '../../scan/file-roles.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { createRegistry } from '../index.js';
import { analyzeText, PreparedRules, runRules } from './engine.js';
import { languageOf } from './languages.js';
import { codeAnalyzer, rulesFor } from './index.js';
import { parseRuleFile } from './load-rules.js';
import { isMinified } from './minified.js';

const EXPRESS = `const app = require('express')();
app.get('/u', async (req, res) => {
  const rows = await db.query('SELECT * FROM users WHERE name = ' + req.query.name);
  res.json(rows);
});
`;

/** The rule ids left once the file-role stage has applied the role of `path` (src/scan/file-roles.ts). */
const roled = (path: string, findings: RawFinding[]): string[] =>
  findings
    .map((f) => adjustForRole(f, roleFromPath(path)))
    .flatMap((f) => (f ? [f.ruleId] : []))
    .sort();

describe('code analyzer', () => {
  it('is registered with its rule catalogue', () => {
    const reg = createRegistry();
    expect(reg.get('code')).toBe(codeAnalyzer);
    const ids = codeAnalyzer.rules.map((r) => r.id);
    expect(ids).toContain('code/js-sql-injection');
    expect(ids).toContain('code/py-command-injection');
    for (const r of codeAnalyzer.rules) {
      expect(r.cwe.length, r.id).toBeGreaterThan(0);
      expect(r.principles.length, r.id).toBeGreaterThan(0);
    }
  });

  it('wants JavaScript, TypeScript and Python sources, not declarations', () => {
    const ref = (name: string) => ({ path: `src/${name}`, name, ext: name.split('.').pop() ?? '', size: 1 });
    expect(
      ['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.tsx', 'a.py'].every((n) => codeAnalyzer.matches(ref(n))),
    ).toBe(true);
    expect(codeAnalyzer.matches(ref('a.d.ts'))).toBe(false);
    expect(codeAnalyzer.matches(ref('a.go'))).toBe(false);
  });

  it('reports a finding with location, snippet, message and taxonomy', async () => {
    const ctx = makeMemoryContext();
    const [f, ...rest] = await codeAnalyzer.analyze(makeSourceFile('src/app.js', EXPRESS), ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: 'code/js-sql-injection',
      analyzer: 'code',
      severity: 'critical',
      cwe: [89],
      owasp: ['A05:2025'],
      location: { path: 'src/app.js', startLine: 3, snippet: expect.stringContaining('db.query') as string },
    });
    expect(f?.message).toContain('req.query.name (line 3)');
    expect(f?.fingerprintKey).not.toContain('3');
  });

  it("drops a test's own user password as the secrets analyzer does, and leaves a generated one to the audit profile", async () => {
    const ctx = makeMemoryContext();
    // A credential found by its name alone in a test or fixture file is the audit profile's (audit-only.ts, stop 57).
    const audit = makeMemoryContext({}, { profile: 'audit' });
    const text = (pw: string) =>
      `const db = { host: 'localhost', password: '${pw}' };\nmodule.exports = db;\n`;
    // What the scan reports: a default scan's held-back findings (ScanResult.heldBack) are marked, not reported.
    const rules = async (path: string, pw: string, c = ctx) =>
      (await codeAnalyzer.analyze(makeSourceFile(path, text(pw)), c)).map((f) =>
        f.heldBack ? `${f.ruleId} (held back)` : f.ruleId,
      );
    expect(await rules('drivers/mysql/test.js', 'sqlpad')).toEqual([]);
    expect(await rules('test/fixtures/db.js', '123456')).toEqual([]);
    // A word and a number, as people type a test item's password.
    expect(await rules('fields/types/password/test/filters.js', 'abc123')).toEqual([]);
    expect(await rules('lib/db.js', 'abc123')).toEqual(['code/js-hardcoded-credential']);
    expect(await rules('drivers/mysql/test.js', 'Sq1-pad!x')).toEqual([
      'code/js-hardcoded-credential (held back)',
    ]);
    expect(await rules('drivers/mysql/test.js', 'Sq1-pad!x', audit)).toEqual([
      'code/js-hardcoded-credential',
    ]);
    expect(await rules('drivers/mysql/test.js', 'sqlpad', audit)).toEqual([]);
    expect(await rules('lib/db.js', 'sqlpad')).toEqual(['code/js-hardcoded-credential']);
    // A test's login as the seeded user (an e-mail at a placeholder domain) of the application under test.
    const pw = ['Q7rT', '2wLp9xZk'].join(''); // built at run time: the repository's own scan must not see it
    const login = (email: string) =>
      `const res = await request(app)\n  .post('/auth/login')\n  .send({ email: '${email}', password: '${pw}' });\n`;
    const found = async (path: string, t: string, c = ctx) =>
      (await codeAnalyzer.analyze(makeSourceFile(path, t), c))
        .filter((f) => !f.heldBack)
        .map((f) => f.ruleId);
    expect(await found('auth/testhelp.js', login('admin@foo.com'), audit)).toEqual([]);
    expect(await found('auth/testhelp.js', login('qa@acme-shop.io'), audit)).toEqual([
      'code/js-hardcoded-credential',
    ]);
    expect(await found('auth/testhelp.js', login('qa@acme-shop.io'))).toEqual([]);
    expect(await found('auth/login.js', login('admin@foo.com'))).toEqual(['code/js-hardcoded-credential']);
    // A test's sample peer connecting to a documentation domain (core/made-up-secret.ts), as in secrets.
    const peer = (host: string) =>
      `_server = [\n    {\n        'peer_endpoint': '${host}:5678',\n        'private_key': '${pw}=',\n    },\n]\n`;
    expect(await found('wg/tests/test_functional.py', peer('wg2.example.org'), audit)).toEqual([]);
    expect(await found('wg/tests/test_functional.py', peer('wg2.acme-vpn.io'), audit)).toEqual([
      'code/py-hardcoded-credential',
    ]);
    expect(await found('wg/tests/test_functional.py', peer('wg2.acme-vpn.io'))).toEqual([]);
  });

  it('leaves out audit leads and weak hashes in test and fixture code, and keeps taint-confirmed findings there', async () => {
    const ctx = makeMemoryContext();
    const rules = async (path: string, text: string) =>
      roled(path, await codeAnalyzer.analyze(makeSourceFile(path, text), ctx));
    const code = `const crypto = require('crypto');
const { exec } = require('child_process');
const fs = require('fs');
const app = require('express')();
const shasum = crypto.createHash('sha1').update(fs.readFileSync('fixtures/binary')).digest('hex');
const pkg = eval('(' + process.argv[2] + ')');
app.get('/run', (req, res) => exec('ls ' + req.query.dir));
`;
    expect(await rules('test/functional/basic.js', code)).toEqual(['code/js-command-injection']);
    expect(await rules('test/fixtures/server.js', code)).toEqual(['code/js-command-injection']);
    // The same code where the application runs it.
    expect(await rules('lib/storage.js', code)).toEqual([
      'code/js-code-injection-audit',
      'code/js-command-injection',
      'code/js-weak-hash',
    ]);
  });

  it("leaves out cross-site scripting in a test's, fixture's or documentation site's pages, and keeps their other findings", async () => {
    const ctx = makeMemoryContext();
    const rules = async (path: string, text: string) =>
      roled(path, await codeAnalyzer.analyze(makeSourceFile(path, text), ctx));
    // js-dangerously-set-inner-html and js-xss-audit run in the opt-in audit profile.
    const audit = makeMemoryContext({}, { profile: 'audit' });
    const auditRules = async (path: string, text: string) =>
      roled(path, await codeAnalyzer.analyze(makeSourceFile(path, text), audit));
    const echo = `const app = require('express')();
app.post('/person', (req, res) => { res.send(req.body.person.age); });
const crypto = require('crypto');
const token = crypto.createHash('md5').update(req.body.x).digest('hex');
`;
    const page = "el.innerHTML = '<b>' + data.name + '</b>';\n";
    const view = 'export default (data) => <div dangerouslySetInnerHTML={{ __html: data.html }} />;\n';
    // A weak hash in test code is left out too (see the next test); in docs it is kept.
    expect(await rules('test/modules/express-test/index.js', echo)).toEqual([]);
    expect(await auditRules('tests/frontend/specs/drag_and_drop.js', page)).toEqual([]);
    expect(await auditRules('test/fixtures/views/dangerously-set.jsx', view)).toEqual([]);
    expect(await auditRules('test/views/safe.html', '<p>{{ data.html | safe }}</p>\n')).toEqual([]);
    expect(await auditRules('website/templates/doc-page.js', view)).toEqual([]);
    expect(await rules('docs/server/echo.js', echo)).toEqual(['code/js-weak-hash']);
    // The same code where the application serves it.
    expect(await rules('lib/routes/person.js', echo)).toEqual(['code/js-weak-hash', 'code/js-xss-response']);
    expect(await auditRules('public/js/page.js', page)).toEqual(['code/js-xss-audit']);
    expect(await auditRules('views/dangerously-set.jsx', view)).toEqual([
      'code/js-dangerously-set-inner-html',
    ]);
    // A value its own construct writes raw is a lead of the opt-in audit profile.
    expect(await rules('views/safe.html', '<p>{{ data.html | safe }}</p>\n')).toEqual([]);
    expect(await auditRules('views/safe.html', '<p>{{ data.html | safe }}</p>\n')).toEqual([
      'code/template-audit-unescaped',
    ]);
  });

  it('skips minified files with a note instead of silently', async () => {
    const ctx = makeMemoryContext();
    const line = `var a=function(){return eval(location.hash)};`.repeat(200);
    expect(await codeAnalyzer.analyze(makeSourceFile('dist/app.min.js', line), ctx)).toEqual([]);
    expect(await codeAnalyzer.analyze(makeSourceFile('dist/bundle.js', line), ctx)).toEqual([]);
    expect(ctx.warnings).toHaveLength(2);
    expect(ctx.warnings[1]).toContain('dist/bundle.js');
  });

  it('tells minified code from ordinary code', () => {
    expect(isMinified('a.js', 'x'.repeat(10_000))).toBe(true);
    expect(isMinified('a.js', 'const a = 1;\n'.repeat(1000))).toBe(false);
    expect(isMinified('a.min.js', 'a')).toBe(true);
    // A small chunk of a bundler's output (a hashed `_app/immutable/chunks/*.js` of 1.5 kB on one line) is
    // minified too; a small hand-written file, or one line of a few hundred characters, is not.
    const chunk = `import{a as p}from"./x.js";function v(e){var t=p("template");return t.innerHTML=e,t.content}`;
    expect(isMinified('BffXOC4t.js', chunk.repeat(16))).toBe(true);
    expect(isMinified('small.js', 'const html = `<p>${name}</p>`;\nel.innerHTML = html;\n'.repeat(30))).toBe(
      false,
    );
    expect(isMinified('one.js', `el.innerHTML = '${'x'.repeat(400)}' + name;`)).toBe(false);
  });

  it('survives syntax errors (tree-sitter recovers) without throwing', () => {
    const ctx = makeMemoryContext();
    expect(() =>
      codeAnalyzer.analyze(makeSourceFile('bad.py', 'def (:\n  eval(request.args["x"]\n'), ctx),
    ).not.toThrow();
  });

  it('reads custom rule folders from options.rulesDirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-rules-'));
    writeFileSync(
      join(dir, 'local.yaml'),
      `rules:
  - id: acme/no-legacy-api
    title: Legacy API call
    description: The legacy API is being removed.
    languages: [javascript]
    severity: low
    confidence: high
    cwe: [477]
    principles: [asset-management]
    message: 'Legacy API used: {sink}'
    remediation: Use the v2 client.
    match: legacyApi.$M($$$)
`,
    );
    const ctx = makeMemoryContext({}, { rulesDirs: [dir] });
    const out = await codeAnalyzer.analyze(makeSourceFile('a.js', 'legacyApi.call(1);\n'), ctx);
    expect(out.map((f) => f.ruleId)).toEqual(['acme/no-legacy-api']);
    expect(rulesFor([dir]).set.rules.some((r) => r.id === 'code/js-sql-injection')).toBe(true);
  });

  it('rejects a matcher that ast-grep cannot compile, naming the rule', () => {
    const bad = parseRuleFile(
      'x.yaml',
      `rules:
  - { id: code/x, title: t, description: d, languages: [python], severity: low, confidence: low, cwe: [1],
      principles: [logging], message: m, remediation: r, match: { kind: no_such_kind } }`,
    );
    expect(() => new PreparedRules({ ...bad, sources: [], sanitizers: [] })).toThrow(/code\/x/);
  });

  it('runs a rule with a prefilter only where the file text matches it, and rejects a non-linear one', () => {
    const rule = (prefilter: string): string => `rules:
  - { id: code/x, title: t, description: d, languages: [python], severity: low, confidence: low, cwe: [1],
      principles: [logging], message: m, remediation: r, match: 'eval($C)', triggers: [eval],
      prefilter: '${prefilter}' }`;
    const set = parseRuleFile('x.yaml', rule('(?:^|[^\\w.])eval\\s*\\('));
    const prepared = new PreparedRules({ ...set, sources: [], sanitizers: [] });
    const py = languageOf('py');
    if (!py) throw new Error('python');
    // The trigger word alone (in a comment, a method name) no longer gets the file parsed.
    expect(analyzeText('# eval is evil\nm.eval(x)\n', py, prepared).parsed).toBe(false);
    expect(runRules('y = eval (x)\n', py, prepared).map((m) => m.line)).toEqual([1]);
    expect(() => parseRuleFile('x.yaml', rule('(a)\\1'))).toThrow(/prefilter regex .* linear-time/);
  });

  it('accepts unlessFixed only on JavaScript/TypeScript match rules', () => {
    const head = `rules:
  - { id: code/x, title: t, description: d, severity: low, confidence: low, cwe: [1],
      principles: [logging], message: m, remediation: r, match: 'eval($C)', unlessFixed: { metavar: $C },`;
    expect(() => parseRuleFile('x.yaml', `${head} languages: [python] }`)).toThrow(/unlessFixed/);
    const ok = parseRuleFile('x.yaml', `${head} languages: [javascript] }`);
    expect(ok.rules[0]?.unlessFixed).toEqual({
      metavar: 'C',
      calls: [],
      through: [],
      callees: [],
      lowers: [],
    });
  });

  it('accepts unlessCallersFix only on Python match rules', () => {
    const head = `rules:
  - { id: code/x, title: t, description: d, severity: low, confidence: low, cwe: [1],
      principles: [logging], message: m, remediation: r, match: 'eval($C)', unlessCallersFix: { metavar: $C },`;
    expect(() => parseRuleFile('x.yaml', `${head} languages: [javascript] }`)).toThrow(/unlessCallersFix/);
    const ok = parseRuleFile('x.yaml', `${head} languages: [python] }`);
    expect(ok.rules[0]?.unlessCallersFix).toEqual({ metavar: 'C' });
  });

  it('rejects invalid rule files with a ConfigError naming the problem', async () => {
    expect(() => parseRuleFile('x.yaml', 'rules: [{ id: code/x }]')).toThrow(ConfigError);
    expect(() => parseRuleFile('x.yaml', 'rules:\n  - id: BAD ID\n')).toThrow(/id must look like/);
    expect(() => parseRuleFile('x.yaml', ': : :')).toThrow(/invalid YAML/);
    expect(() => makeMemoryContext({}, { rulesDirs: 'x' })).not.toThrow();
    await expect(
      codeAnalyzer.analyze(makeSourceFile('a.js', 'x'), makeMemoryContext({}, { rulesDirs: 'x' })),
    ).rejects.toThrow(ConfigError);
  });

  it('runs Python rules inside a worker thread, as the engine does', async () => {
    // A plain worker cannot load TypeScript sources, so this uses the built files and is skipped before a build.
    const built = new URL('../../../dist/analyzers/code/index.js', import.meta.url);
    const { existsSync } = await import('node:fs');
    if (!existsSync(built)) {
      console.warn(`skipped: ${built.pathname} is not built (npx tsc -p tsconfig.build.json)`);
      return;
    }
    const code = `
      const { parentPort } = require('node:worker_threads');
      (async () => {
        const { codeAnalyzer } = await import(${JSON.stringify(built.href)});
        const { makeSourceFile, makeMemoryContext } = await import(${JSON.stringify(new URL('../../../dist/core/source-file.js', import.meta.url).href)});
        const f = makeSourceFile('v.py', 'import os\\nfrom flask import request\\nos.system("ls " + request.args["d"])\\n');
        parentPort.postMessage((await codeAnalyzer.analyze(f, makeMemoryContext())).map((x) => x.ruleId));
      })().catch((e) => parentPort.postMessage(String(e)));
    `;
    const result = await new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(result).toEqual(['code/py-command-injection']);
  });
});
