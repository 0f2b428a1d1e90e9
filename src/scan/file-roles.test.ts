import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../analyzers/index.js';
import { AnalyzerRegistry } from '../analyzers/registry.js';
import type { RawFinding } from '../core/finding.js';
import { defaultConfig } from '../policy/config.js';
import { markerAnalyzer } from '../../test/helpers/fake-analyzer.js';
import { adjustForRole } from './file-roles.js';
import { runScan } from './run-scan.js';

const raw = (over: Partial<RawFinding>): RawFinding => ({
  ruleId: 'code/x',
  analyzer: 'code',
  severity: 'critical',
  confidence: 'high',
  title: 't',
  message: 'm',
  remediation: 'r',
  location: { path: 'a.js', startLine: 1 },
  cwe: [89],
  owasp: [],
  principles: [],
  phase: 'code',
  ...over,
});

describe('adjustForRole (the table of docs/file-roles.md)', () => {
  it('leaves source findings alone', () => {
    expect(adjustForRole(raw({}), 'source')).toEqual(raw({}));
  });
  it.each(['test', 'fixture', 'example', 'docs', 'i18n'] as const)(
    'caps code, iac, pipeline and deps findings in %s files at low, with low confidence',
    (role) => {
      for (const analyzer of ['code', 'iac', 'pipeline', 'deps'] as const)
        expect(adjustForRole(raw({ analyzer }), role)).toMatchObject({
          role,
          severity: 'low',
          confidence: 'low',
        });
      expect(adjustForRole(raw({ severity: 'info' }), role)).toMatchObject({ severity: 'info' });
    },
  );
  it('lowers a secret in a test by one step only: a live key in a test is still live', () => {
    expect(adjustForRole(raw({ analyzer: 'secrets' }), 'test')).toMatchObject({
      severity: 'high',
      confidence: 'medium',
      role: 'test',
    });
    expect(
      adjustForRole(raw({ analyzer: 'secrets', severity: 'low', confidence: 'low' }), 'docs'),
    ).toMatchObject({ severity: 'low', confidence: 'low' });
  });
  it('drops findings in generated and vendored code, except secrets', () => {
    expect(adjustForRole(raw({}), 'generated')).toBeUndefined();
    expect(adjustForRole(raw({ analyzer: 'iac' }), 'vendored')).toBeUndefined();
    expect(adjustForRole(raw({ analyzer: 'secrets' }), 'generated')).toMatchObject({
      severity: 'critical',
      role: 'generated',
    });
  });
  it('drops the hard-coded credentials of code rules in a translation catalogue, and keeps them elsewhere', () => {
    // `"Password": "Парола"` in `i18n/language.bg.js`: the word and its translation.
    const word = raw({ location: { path: 'i18n/language.bg.js', startLine: 70 }, cwe: [798, 259] });
    expect(adjustForRole(word, 'i18n')).toBeUndefined();
    expect(adjustForRole(word, 'source')).toMatchObject({ severity: 'critical' });
    expect(adjustForRole(word, 'test')).toMatchObject({ severity: 'low', role: 'test' });
    // Another code finding in a catalogue stays, lowered; a secret there is the secrets analyzer's to judge.
    expect(adjustForRole({ ...word, cwe: [79] }, 'i18n')).toMatchObject({ severity: 'low', role: 'i18n' });
    expect(adjustForRole({ ...word, analyzer: 'secrets' }, 'i18n')).toMatchObject({ role: 'i18n' });
    // Code under a folder a catalogue may be in (`messages/`, `lang/`) but named for no locale is a program's
    // own module (a mailer's SMTP password), not a catalogue: its credential stays.
    for (const path of ['src/messages/mailer.js', 'lib/lang/db.ts', 'app/translations/client.py']) {
      const code = raw({ location: { path, startLine: 3 }, cwe: [798, 259] });
      expect(adjustForRole(code, 'i18n'), path).toMatchObject({ role: 'i18n' });
    }
    // Catalogues as data, or as code named for their locale, still drop it.
    for (const path of ['locales/de.js', 'i18n/messages_fr.ts', 'config/locales/de.yml', 'lang/en-GB.json']) {
      const catalogue = raw({ location: { path, startLine: 3 }, cwe: [798] });
      expect(adjustForRole(catalogue, 'i18n'), path).toBeUndefined();
    }
  });
  it('drops traffic in clear in test and fixture code, and lowers it in an example', () => {
    // A stand-in server a test starts (statsd's Graphite receiver), a request to the test's fake endpoint.
    const clear = raw({ location: { path: 'test/graphite_tests.js', startLine: 1 }, cwe: [319, 311] });
    expect(adjustForRole(clear, 'test')).toBeUndefined();
    expect(adjustForRole(clear, 'fixture')).toBeUndefined();
    expect(adjustForRole(clear, 'example')).toMatchObject({ severity: 'low', role: 'example' });
    expect(adjustForRole(clear, 'source')).toMatchObject({ severity: 'critical' });
    // Other analyzers' plain-text settings in a test folder (an nginx.conf a test deploys) stay, lowered.
    expect(adjustForRole({ ...clear, analyzer: 'iac' }, 'test')).toMatchObject({ severity: 'low' });
  });
  it('drops a server an example opens in clear unless the program runs that example', () => {
    const server = raw({
      ruleId: 'code/js-http-server-without-tls',
      location: { path: 'example/core.js', startLine: 11 },
      cwe: [319, 311],
    });
    expect(adjustForRole(server, 'example')).toBeUndefined();
    // `"start": "node example/server.js"`: the example is the package's server.
    expect(adjustForRole(server, 'example', true)).toMatchObject({ severity: 'low', role: 'example' });
    expect(adjustForRole(server, 'source')).toMatchObject({ severity: 'critical' });
    // An example's request in clear (another rule of the same weakness) is kept, lowered.
    const client = { ...server, ruleId: 'code/js-cleartext-http', cwe: [319] };
    expect(adjustForRole(client, 'example')).toMatchObject({ severity: 'low', role: 'example' });
  });
  it("drops one connection's certificate check turned off in test code, and keeps a process-wide switch", () => {
    // `requests.get(url, verify=False)` against the server under test, with its self-signed certificate.
    const at = (snippet: string) =>
      raw({ location: { path: 'tests/test_functional.py', startLine: 1, snippet }, cwe: [295] });
    for (const snippet of ['verify=False', 'context.check_hostname = False', 'rejectUnauthorized: false']) {
      expect(adjustForRole(at(snippet), 'test'), snippet).toBeUndefined();
      expect(adjustForRole(at(snippet), 'fixture'), snippet).toBeUndefined();
      expect(adjustForRole(at(snippet), 'source'), snippet).toMatchObject({ severity: 'critical' });
    }
    // The whole test process unchecked: every other request the suite makes goes unchecked too.
    for (const snippet of [
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'",
      'ssl._create_default_https_context = ssl._create_unverified_context',
      // Defaults that every later request of the process takes: axios's agent, the dispatcher behind fetch.
      'axios.defaults.httpsAgent = new https.Agent({ rejectUnauthorized: false });',
      'setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));',
    ])
      expect(adjustForRole(at(snippet), 'test'), snippet).toMatchObject({ severity: 'low', role: 'test' });
    expect(adjustForRole(at('verify=False'), 'example')).toMatchObject({ severity: 'low', role: 'example' });
  });
  it('drops an archive unpacked without a member filter in test code, and keeps it in source', () => {
    // `tf.extractall(path, members=…)` of the fixture tarball the test suite ships beside it.
    const unpack = raw({
      ruleId: 'code/py-tar-extract-all',
      location: { path: 'borg/testsuite/upgrader.py', startLine: 31 },
      cwe: [22],
      severity: 'medium',
    });
    expect(adjustForRole(unpack, 'test')).toBeUndefined();
    expect(adjustForRole(unpack, 'fixture')).toBeUndefined();
    expect(adjustForRole(unpack, 'example')).toMatchObject({ severity: 'low', role: 'example' });
    expect(adjustForRole(unpack, 'source')).toMatchObject({ severity: 'medium' });
    // Another path traversal in a test (a route the test serves) stays, lowered.
    expect(adjustForRole({ ...unpack, ruleId: 'code/py-path-traversal' }, 'test')).toMatchObject({
      severity: 'low',
      role: 'test',
    });
  });
  it('drops a password on a command line in test code, and keeps it in source', () => {
    // `mysql --password=${pw}` in a test's sample command lines: the test's own password, on the CI machine.
    const argv = raw({ location: { path: 'src/core/credentials.test.ts', startLine: 1 }, cwe: [214, 522] });
    expect(adjustForRole(argv, 'test')).toBeUndefined();
    expect(adjustForRole(argv, 'fixture')).toBeUndefined();
    expect(adjustForRole(argv, 'source')).toMatchObject({ severity: 'critical' });
  });
  it("drops deployment settings in a test's settings module, and nothing else there", () => {
    const at = (path: string, cwe: number[]) => raw({ location: { path, startLine: 1 }, cwe });
    // DEBUG = True, SESSION_COOKIE_SECURE = False, SECRET_KEY = '…' in the settings the test runner loads.
    for (const path of [
      'app/tests/settings.py',
      'tests/test_settings.py',
      'hk/tests/settings_test.py',
      'tests/settings/base.py',
    ])
      for (const cwe of [
        [489, 215],
        [614, 1004],
        [798, 321],
      ])
        expect(adjustForRole(at(path, cwe), 'test')).toBeUndefined();
    // The same settings are lowered, not dropped, in an example the reader copies, and kept in source.
    expect(adjustForRole(at('examples/settings.py', [489, 215]), 'example')).toMatchObject({
      severity: 'low',
    });
    expect(adjustForRole(at('app/settings.py', [489, 215]), 'source')).toMatchObject({
      severity: 'critical',
    });
    // A password to another system, an injection, and a test module that is not a settings module stay.
    expect(adjustForRole(at('tests/settings.py', [798, 259]), 'test')).toMatchObject({ severity: 'low' });
    expect(adjustForRole(at('tests/settings.py', [89]), 'test')).toMatchObject({ severity: 'low' });
    expect(adjustForRole(at('tests/test_views.py', [489, 215]), 'test')).toMatchObject({ severity: 'low' });
    expect(adjustForRole(at('tests/settings.js', [614, 1004]), 'test')).toMatchObject({ severity: 'low' });
  });
  it("drops deployment settings in the developers' own settings module, and nothing else there", () => {
    const at = (path: string, cwe: number[]) => raw({ location: { path, startLine: 1 }, cwe });
    // DEBUG = True, SESSION_COOKIE_SECURE = False and a throwaway SECRET_KEY in settings/dev.py.
    for (const path of ['lava/settings/dev.py', 'app/settings_dev.py', 'app/development_settings.py'])
      for (const cwe of [
        [489, 215],
        [614, 1004],
        [798, 321],
      ])
        expect(adjustForRole(at(path, cwe), 'example')).toBeUndefined();
    // Its password to a database server stays, lowered; a sample settings file keeps its settings, lowered.
    expect(adjustForRole(at('lava/settings/dev.py', [798, 259]), 'example')).toMatchObject({
      severity: 'low',
    });
    expect(adjustForRole(at('app/settings_sample.py', [614, 1004]), 'example')).toMatchObject({
      severity: 'low',
    });
  });
  it('keeps threat-model and policy findings as they are, labelled', () => {
    expect(adjustForRole(raw({ analyzer: 'threats' }), 'docs')).toMatchObject({
      severity: 'critical',
      role: 'docs',
    });
  });
});

describe('file roles in a scan', () => {
  it('labels and lowers, drops generated code, counts roles and honours vanguard.yaml overrides', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-'));
    const files: Record<string, string> = {
      'src/app.js': 'DANGER\n',
      'test/app.test.js': 'DANGER\n',
      'qa/check.js': 'DANGER\n',
      'src/gen.js': '// Code generated by a tool. DO NOT EDIT.\nDANGER\n',
      'vendor/lib.js': 'DANGER\n',
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const config = { ...defaultConfig(), roles: { test: ['qa/**'] } };
    const r = await runScan({
      path: root,
      registry: new AnalyzerRegistry().register(markerAnalyzer()),
      config,
      // The walk's default ignores would hide vendor/; the role decides instead.
      defaultIgnores: false,
    });
    const by = Object.fromEntries(r.findings.map((f) => [f.location.path, [f.severity, f.role ?? 'source']]));
    expect(by).toEqual({
      'src/app.js': ['high', 'source'],
      'test/app.test.js': ['low', 'test'],
      'qa/check.js': ['low', 'test'],
    });
    expect(r.summary.byRole).toEqual({ test: 2 });
    expect(r.summary.gate.blocking).toBe(1);
    const gaps = Object.fromEntries((r.coverage ?? []).map((g) => [g.kind, [g.files, g.findingsDropped]]));
    expect(gaps).toMatchObject({ generated: [1, 1], vendored: [1, 1] });
  });

  it('drops findings in the other build of a library copy beside it, read from the disk', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-'));
    const banner = '/*\n * Ext JS Library 3.4.0\n * Copyright(c) 2006-2011 Sencha Inc.\n */\nDANGER\n';
    const files: Record<string, string> = {
      // The debug build whose banner a packager stripped, beside the minified build that keeps it.
      'static/ext/ext-all-debug.js': 'DANGER\n',
      'static/ext/ext-all.js': banner,
      // The application's own script beside its own minified build stays the application's.
      'static/app.js': 'DANGER\n',
      'static/app.min.js': '/*! app 2.0 (c) Example Ltd */\nDANGER\n',
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const r = await runScan({
      path: root,
      registry: new AnalyzerRegistry().register(markerAnalyzer()),
      config: defaultConfig(),
      defaultIgnores: false,
    });
    expect(r.findings.map((f) => f.location.path).sort()).toEqual(['static/app.js']);
  });

  it("lowers findings in a Sphinx extension the package ships beside its code, read from the file's content", async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-'));
    const hook =
      'from sphinx.util import logging\n\ndef setup(app):\n    DANGER\n    app.connect("builder-inited", run)\n';
    const files: Record<string, string> = {
      'pkg/gendoc.py': hook,
      // The application's own setup(app), registering its routes, imports no Sphinx: it is the program.
      'pkg/app.py': hook.replace('from sphinx.util import logging', 'import flask'),
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const r = await runScan({
      path: root,
      registry: new AnalyzerRegistry().register(markerAnalyzer({ matches: (f) => f.ext === 'py' })),
      config: defaultConfig(),
      defaultIgnores: false,
    });
    const byPath = Object.fromEntries(
      r.findings.map((f) => [f.location.path, [f.role ?? 'source', f.severity]]),
    );
    expect(byPath).toEqual({ 'pkg/gendoc.py': ['docs', 'low'], 'pkg/app.py': ['source', 'high'] });
  });

  it('lowers findings in a test.py whose content is a unittest test case, not in a shipped test.py', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-'));
    const files: Record<string, string> = {
      'plugins/Config/test.py':
        'from supybot.test import *\n\nclass ConfigTestCase(ChannelPluginTestCase):\n    def testReload(self):\n        DANGER\n',
      // A framework's test client module (Werkzeug's `werkzeug/test.py`) ships with the program.
      'werkzeug/test.py': 'class Client:\n    def open(self):\n        DANGER\n',
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const r = await runScan({
      path: root,
      registry: new AnalyzerRegistry().register(markerAnalyzer({ matches: (f) => f.ext === 'py' })),
      config: defaultConfig(),
      defaultIgnores: false,
    });
    const byPath = Object.fromEntries(
      r.findings.map((f) => [f.location.path, [f.role ?? 'source', f.severity]]),
    );
    expect(byPath).toEqual({
      'plugins/Config/test.py': ['test', 'low'],
      'werkzeug/test.py': ['source', 'high'],
    });
  });

  it("drops code leads without a victim by the file's role, which vanguard.yaml's globs decide first", async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-'));
    mkdirSync(join(root, 'test'));
    // An audit lead (eval of text from the test's command line): no attacker's data reaches a test. (Not a
    // file the test reads: that is the program's own code, as `require` loads it.)
    writeFileSync(join(root, 'test', 'load.js'), "const pkg = eval('(' + process.argv[2] + ')');\n");
    const scan = (roles?: Record<string, string[]>) =>
      runScan({
        path: root,
        registry: createRegistry(),
        config: { ...defaultConfig(), ...(roles ? { roles } : {}) },
        defaultIgnores: false,
        only: ['code'],
      });
    expect((await scan()).findings.map((f) => f.ruleId)).toEqual([]);
    const overridden = await scan({ source: ['test/**'] });
    expect(overridden.findings.map((f) => [f.ruleId, f.role ?? 'source'])).toEqual([
      ['code/js-code-injection-audit', 'source'],
    ]);
  });

  it("keeps an example's plain server only where the package's own program runs it", async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-roles-example-'));
    const server = "const http = require('http');\nhttp.createServer(handler).listen(8080);\n";
    const start = { bin: 'bin/cli.js', scripts: { start: 'node example/server.js' } };
    writeFileSync(join(root, 'package.json'), JSON.stringify(start));
    for (const p of ['bin/cli.js', 'example/server.js', 'example/core.js', 'examples/express.js']) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), server);
    }
    const r = await runScan({
      path: root,
      registry: createRegistry(),
      config: defaultConfig(),
      only: ['code'],
    });
    const found = r.findings.filter((f) => f.ruleId === 'code/js-http-server-without-tls');
    expect(found.map((f) => [f.location.path, f.role ?? 'source']).sort()).toEqual([
      ['bin/cli.js', 'source'],
      ['example/server.js', 'example'],
    ]);
  });
});
