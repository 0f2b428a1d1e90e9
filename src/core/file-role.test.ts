import { describe, expect, it } from 'vitest';
import { docsRoleFromContent, roleClassifier, roleFromContent, roleFromPath } from './file-role.js';

describe('roleFromPath', () => {
  it.each([
    ['src/server/app.ts', 'source'],
    ['lib/db.py', 'source'],
    ['cmd/main.go', 'source'],
    ['test/app.test.ts', 'test'],
    ['src/app.spec.js', 'test'],
    ['tests/test_views.py', 'test'],
    ['app/views_test.py', 'test'],
    ['pkg/server_test.go', 'test'],
    // Deno's and Closure's test names; not a module that only has `test` in its name.
    ['src/server_test.ts', 'test'],
    ['node/easysync_tests.js', 'test'],
    ['lib/contest.js', 'source'],
    ['lib/test_runner_api.js', 'source'],
    // A product's A/B, split or speed test feature is shipped code.
    ['routes/ab_test.js', 'source'],
    ['src/experiments/split_tests.ts', 'source'],
    ['public/js/speed_test.js', 'source'],
    ['lib/lab_test.js', 'test'],
    ['src/test/java/com/x/UserServiceTest.java', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['conftest.py', 'test'],
    // A module's own test file beside it (sqlpad's drivers/mysql/test.js) and Django's tests.py.
    ['drivers/mysql/test.js', 'test'],
    ['lib/spec.ts', 'test'],
    ['test-lib/util.js', 'test'],
    ['editions/en/tiddlers/Using HTTPS.tid', 'docs'],
    ['python3/jupyter_server-1.23.3.egg-info/PKG-INFO', 'docs'],
    ['lib/x-1.0.dist-info/METADATA', 'docs'],
    ['core/language/en-GB/Misc.multids', 'i18n'],
    ['packages/x/test_helpers/login.py', 'test'],
    ['polls/tests.py', 'test'],
    // A test environment's folder, a test helper module, a test shell script, a test environment's configuration.
    ['tools/oidc-test-env/authelia/configuration.yml', 'test'],
    ['deploy/test_env/docker-compose.yml', 'test'],
    ['auth/testhelp.js', 'test'],
    ['lib/test-utils.ts', 'test'],
    ['app/test_helpers.py', 'test'],
    ['tools/test-auth-negative.sh', 'test'],
    ['scripts/smoke_test.sh', 'test'],
    ['config/config.testwin.js', 'test'],
    ['settings_test.py', 'test'],
    ['config/settings.test.json', 'test'],
    ['src/latest-env/app.yml', 'source'],
    ['src/attestation-helper.js', 'source'],
    ['scripts/install.sh', 'source'],
    ['config/config.prod.js', 'source'],
    ['config/config.testnet.js', 'source'],
    ['settings.testnet.json', 'source'],
    ['src/contest_helpers.py', 'source'],
    ['lib/testing-utils.js', 'source'],
    ['src/latest.js', 'source'],
    ['src/contest-lib/score.js', 'source'],
    ['cypress/e2e/login.cy.ts', 'test'],
    // A folder of benchmarks or of regression tests on a private local chain; not `bench/`, which may be a tool a
    // project installs, nor a module named for the network.
    ['regtest/bitcoind.js', 'test'],
    ['regtest/data/bitcoind_no_pass.key', 'test'],
    ['benchmarks/index.js', 'test'],
    ['benchmark/http/simple.js', 'test'],
    ['zaqar/bench/producer.py', 'source'],
    ['lib/networks/regtest.js', 'source'],
    ['lib/benchmark.js', 'source'],
    // A folder of one kind of tests (redbird's high-level tests), not a product's experiments or speed test.
    ['hl-tests/letsencrypt/certs/example.com/privkey.pem', 'test'],
    ['hl-tests/64/proxy.js', 'test'],
    ['unit_tests/parser.py', 'test'],
    // A test suite's folder (borgbackup's `borg/testsuite/`), not a module named for test suites.
    ['python3/borg/testsuite/archiver.py', 'test'],
    ['gcc/test_suite/run.py', 'test'],
    ['pkg/Test-Suites/login.js', 'test'],
    ['src/testsuite.py', 'source'],
    ['lib/test_suites.js', 'source'],
    ['src/latestsuite/index.js', 'source'],
    ['src/acceptance-tests/login.js', 'test'],
    ['src/ab-tests/checkout.js', 'source'],
    ['lib/split_tests/assign.js', 'source'],
    ['speed-tests/server.js', 'source'],
    ['lib/contests/score.js', 'source'],
    // `test-` or `tests_` before a kind of tests (deepstream.io's end-to-end suite), not a word that ends in them.
    ['test-e2e/framework/client.js', 'test'],
    ['test-e2e/features/http/events.feature', 'test'],
    ['tests_integration/db.py', 'test'],
    ['pkg/test-unit/parser.spec-data.js', 'test'],
    ['test-functional/login.js', 'test'],
    ['src/latest-e2e/run.js', 'source'],
    ['lib/contest-unit/score.js', 'source'],
    ['src/test-e2e-report.js', 'source'],
    ['src/test-units/convert.js', 'source'],
    ['test/fixtures/keys.json', 'fixture'],
    ['pkg/testdata/config.yaml', 'fixture'],
    ['src/__mocks__/api.js', 'fixture'],
    ['src/__snapshots__/x.test.ts.snap', 'fixture'],
    ['docs/setup.md', 'docs'],
    ['README.md', 'docs'],
    ['ChangeLog', 'docs'],
    ['pkg/HISTORY.txt', 'docs'],
    ['NEWS', 'docs'],
    ['pkg/README', 'docs'],
    ['AUTHORS', 'docs'],
    ['documentation/config.yaml', 'docs'],
    ['src/assets/i18n/es.json', 'i18n'],
    ['locales/fr/messages.po', 'i18n'],
    ['config/locales/de.yml', 'i18n'],
    // A code file named for a locale is a catalogue only under a folder named for translations.
    ['src/locale-data/de.js', 'i18n'],
    ['public/js/intl/pt-BR.ts', 'i18n'],
    ['config/de.json', 'i18n'],
    ['lib/https/ca.js', 'source'],
    ['src/utils/id.ts', 'source'],
    // NodeBB's catalogues: a `language` folder of locale folders of JSON files.
    ['public/language/pt-BR/register.json', 'i18n'],
    ['public/language/th/error.json', 'i18n'],
    ['src/language/parser.ts', 'source'],
    ['lib/language.json', 'source'],
    ['vendor/github.com/x/y/z.go', 'vendored'],
    ['third_party/lib.js', 'vendored'],
    ['static/jquery.min.js', 'generated'],
    ['dist/index.js', 'generated'],
    ['api/service.pb.go', 'generated'],
    ['proto/api_pb2.py', 'generated'],
    ['examples/basic/main.tf', 'example'],
    ['samples/app.py', 'example'],
    ['.env.example', 'example'],
    ['example-sendmail.js', 'example'],
    ['scripts/demo_server.py', 'example'],
    ['example.js', 'example'],
    ['project/settings_example.py', 'example'],
    ['app/local_settings_sample.py', 'example'],
    ['config-sample.js', 'example'],
    ['etc/errbot/config-template.py', 'example'],
    ['app/settings_template.py', 'example'],
    ['bin/run_example.sh', 'example'],
    ['config_template/base_config/full_example.yaml', 'example'],
    ['conf/example-config.json', 'example'],
    ['python3/lava_server/settings/dev.py', 'example'],
    ['mysite/settings/development.py', 'example'],
    ['mysite/settings_dev.py', 'example'],
    ['mysite/dev_settings.py', 'example'],
  ])('%s is %s', (path, role) => {
    expect(roleFromPath(path)).toBe(role);
  });

  it('keeps lockfiles as source even under a generated folder', () => {
    expect(roleFromPath('dist/package-lock.json')).toBe('source');
  });

  it('does not take words that only contain a role name for the role', () => {
    for (const p of [
      'src/latest/app.ts',
      'src/contest.py',
      'src/docsearch.ts',
      'src/vendorConfig.ts',
      'src/examplesRouter.js',
      'src/exampleData.ts',
      'lib/sample-rate.js',
      'src/demographics.js',
      'audio/resample.py',
      'stats/random_sample.py',
      'src/counterexample.js',
      'src/history.js',
      'lib/changelog/parse.ts',
      'mysite/settings/prod.py',
      'mysite/settings/devices.py',
      'mysite/settings/local.py',
      'config/development.js',
      'config/dev.json',
      'k8s/demo.yaml',
      'deploy/examplecorp.yaml',
      'src/template-config.js',
      'lib/configTemplate.ts',
      'src/config-templates/index.js',
    ])
      expect(roleFromPath(p), p).toBe('source');
  });
});

describe('roleFromContent', () => {
  const generated = [
    '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n',
    '/* @generated */\nexport const x = 1;\n',
    `!function(){${'var a=1;'.repeat(1000)}}();`,
    // A concatenation that opens with a minified library, then ordinary code (short lines on average).
    `window.CodeMirror=function(){${'var a=1;'.repeat(2000)}}();\n` + 'var x = 1;\n'.repeat(5000),
  ];
  const ordinary = [
    'export function f() {\n  return 1;\n}\n',
    '// tokens are generated by the server\n' + 'const x = 1;\n'.repeat(2000),
    // A long line further down (a data URL, a table) is not a minified opening.
    'const x = 1;\n'.repeat(100) + `const logo = '${'A'.repeat(20_000)}';\n` + 'const y = 2;\n'.repeat(2000),
  ];
  it('recognises generator headers and minified bundles, from text and from bytes alike', () => {
    for (const c of generated) {
      expect(roleFromContent(c)).toBe('generated');
      expect(roleFromContent(Buffer.from(c))).toBe('generated');
    }
  });
  it('leaves ordinary code alone, also when a comment mentions generating', () => {
    for (const c of ordinary) {
      expect(roleFromContent(c)).toBeUndefined();
      expect(roleFromContent(Buffer.from(c))).toBeUndefined();
    }
  });
});

describe('docsRoleFromContent: Sphinx extensions', () => {
  const hook = [
    'import yaml',
    'from sphinx.util import logging',
    '',
    'def setup(app: "Sphinx") -> dict:',
    '    with open("doc/source/rest.yaml") as f:',
    '        scenarios = yaml.load(f, Loader=yaml.FullLoader)',
    '    app.connect("builder-inited", lambda a: scenarios)',
    '',
  ].join('\n');
  it('gives a module that imports Sphinx and registers on the app in setup(app) the docs role', () => {
    expect(docsRoleFromContent(hook, 'pkg/gendoc.py')).toBe('docs');
    expect(roleClassifier()('pkg/gendoc.py', docsRoleFromContent(hook, 'pkg/gendoc.py'))).toBe('docs');
  });
  it('leaves a setup(app) without Sphinx, a Sphinx import without the hook, and other languages alone', () => {
    // A web app's own setup(app) (registering routes) is the program itself.
    expect(
      docsRoleFromContent(hook.replace('from sphinx.util import logging', ''), 'pkg/app.py'),
    ).toBeUndefined();
    expect(
      docsRoleFromContent(hook.replace('def setup(app', 'def build(app'), 'pkg/gendoc.py'),
    ).toBeUndefined();
    expect(docsRoleFromContent(hook.replace('app.connect(', 'print('), 'pkg/gendoc.py')).toBeUndefined();
    // One that only reads the build's folders (`app.confdir`) to write generated pages is a hook too.
    expect(docsRoleFromContent(hook.replace('app.connect(', 'print(app.confdir, '), 'pkg/gendoc.py')).toBe(
      'docs',
    );
    expect(docsRoleFromContent(hook, 'pkg/gendoc.js')).toBeUndefined();
  });
});

describe('roleFromContent: copies of well-known libraries', () => {
  const code = 'var x = 1;\n'.repeat(50);
  it('reads a license banner that names a known library and its version', () => {
    const banner =
      '//     Underscore.js 1.4.2\n//     http://underscorejs.org\n//     (c) 2009-2012 Jeremy Ashkenas\n' +
      '//     Underscore may be freely distributed under the MIT license.\n\n';
    expect(roleFromContent(banner + code, 'tests/frontend/lib/underscore.js')).toBe('vendored');
    expect(roleFromContent(Buffer.from(banner + code), 'tests/frontend/lib/underscore.js')).toBe('vendored');
    const jquery =
      '/*!\n * jQuery JavaScript Library v3.6.1\n * https://jquery.com/\n * Released under the MIT license\n */\n';
    expect(roleFromContent(jquery + code, 'public/js/jquery.js')).toBe('vendored');
    expect(
      roleFromContent('/*! jQuery v3.5.1 | (c) JS Foundation | jquery.org/license */\n' + code, 'x.js'),
    ).toBe('vendored');
  });
  it('reads a file named after a known library that states its version or bundles it', () => {
    const expectJs =
      "(function (global, module) {\n  module.exports = expect;\n  expect.version = '0.1.2';\n";
    expect(roleFromContent(expectJs + code, 'tests/frontend/lib/expect.js')).toBe('vendored');
    const umd =
      "(function (global, factory) {\n  module.exports = factory();\n})(this, function () {\n  var VERSION = '1.13.4';\n";
    expect(roleFromContent(umd + code, 'static/underscore.js')).toBe('vendored');
    const browserify =
      '(function(){function r(e,n,t){function o(i,f){if(!n[i]){}}return o}return r})()({1:[function(require,module,exports){\n';
    expect(roleFromContent(browserify + code, 'tests/lib/mocha.js')).toBe('vendored');
    // The project's own browserify output is generated code, not a library copy.
    expect(roleFromContent(browserify + code, 'public/bundle.js')).toBe('generated');
    // Also when it exposes its modules to other bundles (`browserify -r`).
    const exposed =
      'require=(function e(t,n,r){function s(o,u){if(!n[o]){}}return s})({1:[function(require,module,exports){\n';
    expect(roleFromContent(exposed + code, 'admin/bundles/js/11bbac-FieldTypes.js')).toBe('generated');
    expect(
      roleFromContent(`require=${browserify.trimStart()}${code}`, 'admin/bundles/js/a5d5b2-App.js'),
    ).toBe('generated');
  });
  it('reads a banner that names the library as a file and its version on a later line', () => {
    const uri =
      '/*!\n * URI.js - Mutating URLs\n *\n * Version: 1.14.1\n *\n * Author: Rodney Rehm\n *\n' +
      ' * Licensed under\n *   MIT License http://www.opensource.org/licenses/mit-license\n */\n';
    expect(roleFromContent(uri + code, 'client/js/libs/uri.js')).toBe('vendored');
    // The project's own module that mentions a library without its file name is not a copy.
    const own = '/*\n * Chart helpers for the dashboard\n * Version: 2.0\n * Copyright Example Ltd\n */\n';
    expect(roleFromContent(own + code, 'src/charts.js')).toBeUndefined();
  });
  it("reads browserify's standalone (UMD) build of a known library", () => {
    const standalone =
      '!function(e){"object"==typeof exports?module.exports=e():"function"==typeof define&&define.amd?define(e):' +
      '"undefined"!=typeof window?window.io=e():"undefined"!=typeof global?global.io=e():"undefined"!=typeof self&&' +
      '(self.io=e())}(function(){var define,module,exports;\nreturn (function e(t,n,r){function s(o,u){if(!n[o]){}}' +
      'return s})({1:[function(require,module,exports){\n';
    expect(roleFromContent(standalone + code, 'client/js/libs/socket.io.js')).toBe('vendored');
    expect(roleFromContent(standalone + code, 'public/app.js')).toBe('generated');
    // Later browserify versions also test `module` before they export.
    const later =
      '!function(e){if("object"==typeof exports&&"undefined"!=typeof module)module.exports=e();else if("function"' +
      '==typeof define&&define.amd)define([],e);else{var f;"undefined"!=typeof window?f=window:"undefined"!=typeof ' +
      'global?f=global:"undefined"!=typeof self&&(f=self),f.io=e()}}(function(){var define,module,exports;return ' +
      '(function e(t,n,r){function s(o,u){if(!n[o]){}}return s})({1:[function(require,module,exports){\n';
    expect(roleFromContent(later + code, 'web/public/js/socket.io.js')).toBe('vendored');
    expect(roleFromContent(later + code, 'public/app.js')).toBe('generated');
  });
  it('reads a banner that opens with the library as a file and its release date', () => {
    const json2 =
      '/*\n    json2.js\n    2014-02-04\n\n    Public Domain.\n\n    NO WARRANTY EXPRESSED OR IMPLIED.\n*/\n';
    expect(roleFromContent(json2 + code, 'plugins/x/files/lib/json2.js')).toBe('vendored');
    // Also when the banner is longer than the bytes read (json2's documents the whole API).
    const long = json2.replace(
      '*/',
      `${'    See the documentation of stringify and parse.\n'.repeat(200)}*/`,
    );
    expect(roleFromContent(long + code, 'plugins/x/files/lib/json2.js')).toBe('vendored');
    // Only under the library's own file name, and only as the banner's first line.
    expect(roleFromContent(json2 + code, 'public/js/app.js')).toBeUndefined();
    const own = '/*\n    Our JSON helpers, after\n    json2.js\n    2014-02-04\n*/\n';
    expect(roleFromContent(own + code, 'lib/json2.js')).toBeUndefined();
  });
  it("reads a published plugin's banner that names the library first and itself a plugin", () => {
    const plugin =
      '/*\n * jQuery File Upload User Interface Plugin 8.9.0\n * https://github.com/blueimp/jQuery-File-Upload\n *\n' +
      ' * Copyright 2010, Sebastian Tschan\n *\n * Licensed under the MIT license:\n */\n';
    expect(roleFromContent(plugin + code, 'admin/public/js/lib/up/jquery.fileupload-ui.js')).toBe('vendored');
    // Without the word plugin, five words between the name and a version are a sentence.
    const own = '/*\n * jQuery is needed by the admin screens since 2.0\n * Copyright Example Ltd\n */\n';
    expect(roleFromContent(own + code, 'admin/js/screens.js')).toBeUndefined();
  });
  it('reads a jQuery plugin named as plugins are published whose banner says so, with a version and a license', () => {
    const banner =
      '/*\n * Jeditable - jQuery in place edit plugin\n *\n * Copyright (c) 2006-2009 Mika Tuupola\n *\n' +
      ' * Licensed under the MIT license:\n */\n\n/**\n  * Version 1.7.1\n  *\n  * @name  Jeditable\n' +
      // Its option list runs the comment past the first 2 KB read.
      '  * @param String  options[indicator] indicator html to show when saving\n'.repeat(40) +
      '  */\n';
    expect(roleFromContent(banner + code, 'prewikka/htdocs/js/jquery.jeditable.js')).toBe('vendored');
    // The project's own script, or a plugin file whose banner gives no version, is the project's.
    expect(roleFromContent(banner + code, 'app/static/js/editing.js')).toBeUndefined();
    const noVersion = banner.replace('Version 1.7.1', 'Edit in place');
    expect(roleFromContent(noVersion + code, 'app/static/js/jquery.editing.js')).toBeUndefined();
  });
  it('reads a jQuery plugin named as plugins are published whose banner gives its own name, a version and a license', () => {
    const jstree =
      '/*\n * jsTree 1.0-rc1\n * http://jstree.com/\n *\n * Copyright (c) 2010 Ivan Bozhanov (vakata.com)\n *\n' +
      ' * Dual licensed under the MIT and GPL licenses (same as jQuery):\n */\n';
    expect(roleFromContent(jstree + code, 'themes/x/public/js/jsTree/jquery.jstree.js')).toBe('vendored');
    // Another file with that banner, or the plugin file with another name or no version in it, is the project's.
    expect(roleFromContent(jstree + code, 'themes/x/public/js/tree.js')).toBeUndefined();
    expect(roleFromContent(jstree + code, 'public/js/jquery.menu.js')).toBeUndefined();
    const noVersion = jstree.replace('jsTree 1.0-rc1', 'jsTree for the admin pages');
    expect(roleFromContent(noVersion + code, 'public/js/jquery.jstree.js')).toBeUndefined();
  });
  it("leaves an application's own jquery.<name>.js under its own copyright line, granting no published licence", () => {
    const own =
      '/*\n * Tasker 2.4.0\n * Front end of the Tasker board\n *\n * Copyright (c) 2024 Tasker Ltd. All rights reserved.\n */\n';
    expect(roleFromContent(own + code, 'public/js/jquery.tasker.js')).toBeUndefined();
    const plugin =
      '/*\n * Tasker - jQuery plugin for the board\n *\n * Copyright (c) 2024 Tasker Ltd.\n */\n\n/**\n * Version 2.4.0\n */\n';
    expect(roleFromContent(plugin + code, 'public/js/jquery.tasker.js')).toBeUndefined();
    // The same banners granting a published licence are a plugin's copy.
    const mit =
      ' * Licensed under the MIT license: http://www.opensource.org/licenses/mit-license.php\n */\n';
    expect(roleFromContent(own.replace(' */\n', mit) + code, 'public/js/jquery.tasker.js')).toBe('vendored');
    expect(roleFromContent(plugin.replace(' */\n', mit) + code, 'public/js/jquery.tasker.js')).toBe(
      'vendored',
    );
  });
  it('reads a release build by its preserved banner: a copyright, a Version line and the license it is released under', () => {
    const monaco =
      "'use strict';\n/*!-----------------------------------------------------------\n" +
      ' * Copyright (c) Microsoft Corporation. All rights reserved.\n * Version: 0.42.0-dev-20230906(e7d7a5b)\n' +
      ' * Released under the MIT license\n * https://github.com/microsoft/vscode/blob/main/LICENSE.txt\n' +
      ' *-----------------------------------------------------------*/ const _amdLoaderGlobal = this;\n';
    expect(roleFromContent(monaco + code, 'public/monaco/loader.js')).toBe('vendored');
    // A project's own header names its authors and license but no release; a plain comment is not preserved.
    const own =
      '#!/usr/bin/env node\n\n/*\n * Jingo, wiki engine\n * http://github.com/claudioc/jingo\n *\n' +
      ' * Copyright 2013-2017 Claudio Cicali\n * Released under the MIT license\n */\n';
    expect(roleFromContent(own + code, 'lib/app.js')).toBeUndefined();
    expect(roleFromContent(monaco.replace('/*!', '/*') + code, 'public/monaco/loader.js')).toBeUndefined();
    expect(
      roleFromContent(monaco.replace(' * Version: 0.42.0', ' * Build') + code, 'public/loader.js'),
    ).toBeUndefined();
  });
  it("reads a banner whose first line is only the library's name and version", () => {
    const codemirror = '// CodeMirror version 3.15\n//\n// CodeMirror is the only global var we claim\n';
    expect(roleFromContent(codemirror + code, 'themes/default/public/scripts/ghostdown.js')).toBe('vendored');
    expect(roleFromContent('/* Showdown version 0.3.1 */\n' + code, 'public/js/editor.js')).toBe('vendored');
    // A line that goes on after the version is the project's own comment about the library.
    const own = '// CodeMirror version 3.15 is loaded by the editor page\n';
    expect(roleFromContent(own + code, 'public/js/editor.js')).toBeUndefined();
    expect(
      roleFromContent('// Requires CodeMirror version 3.15\n' + code, 'public/js/editor.js'),
    ).toBeUndefined();
  });
  it('reads a copy whose banner is gone by the public names the library defines, in a file named after it', () => {
    // google-code-prettify reformatted without its licence banner, and one of its language handlers.
    const prettify =
      'window.PR_SHOULD_USE_CONTINUATION = true;\nwindow.PR_TAB_WIDTH = 8;\n' +
      'window.PR_normalizedHtml = window.PR = window.prettyPrintOne = window.prettyPrint = void 0;\n';
    expect(roleFromContent(prettify + code, 'themes/t/public/js/prettify/prettify.js')).toBe('vendored');
    const lexer =
      'PR.registerLangHandler(PR.createSimpleLexer([\n  ["pln", /^[ \\t]+/, null, " \\t"]\n], []), ["css"]);\n';
    expect(roleFromContent(lexer + code, 'public/js/prettify/lang-css.js')).toBe('vendored');
    // The same names in a file of another name are the project's own code calling the library.
    expect(roleFromContent(prettify + code, 'public/js/highlight-setup.js')).toBeUndefined();
    // A file named like the library that only calls it is the project's own.
    expect(
      roleFromContent('window.onload = function () { prettyPrint(); };\n' + code, 'js/prettify.js'),
    ).toBeUndefined();
    expect(roleFromContent('registerLanguage("sql");\n' + code, 'js/lang-sql.js')).toBeUndefined();
  });
  it('reads a banner that names the file as a library, with a licence, and code that declares its release', () => {
    const openlayers =
      '/*\n\n  OpenLayers.js -- OpenLayers Map Viewer Library\n\n  Copyright (c) 2006-2012 by OpenLayers Contributors\n' +
      '  Published under the 2-clause BSD license.\n\n*/\n\n/**\n * Contains XMLHttpRequest.js\n */\n' +
      'var OpenLayers={VERSION_NUMBER:"Release 2.12",singleFile:true};\n';
    expect(roleFromContent(openlayers + code, 'service/templates/demo/static/OpenLayers.js')).toBe(
      'vendored',
    );
    const assigned =
      "/*! Cropper.js - image cropping\n * Released under the MIT license\n */\nCropper.VERSION = '1.5.13';\n";
    expect(roleFromContent(assigned + code, 'public/vendor/Cropper.js')).toBe('vendored');
    // Without a licence, without the banner naming the file, or without the release: the project's own.
    const unlicensed =
      '/*\n  OpenLayers.js -- our map page\n*/\nvar OpenLayers={VERSION_NUMBER:"Release 2.12"};\n';
    expect(roleFromContent(unlicensed + code, 'static/OpenLayers.js')).toBeUndefined();
    const app = "/* Copyright (c) Example Ltd, MIT license */\nvar App = { VERSION: '2.1.0' };\n";
    expect(roleFromContent(app + code, 'static/App.js')).toBeUndefined();
    const noRelease =
      '/* app.js -- the shop front. Copyright (c) Example Ltd, MIT license */\nvar app = {};\n';
    expect(roleFromContent(noRelease + code, 'static/app.js')).toBeUndefined();
    // A header naming the file over a bare copyright line, or a licensed file that imports the project's own
    // modules: an application's entry point that sets its own version.
    const copyrightOnly = "// app.js - main entry\n// Copyright 2020 Example Ltd\napp.version = '1.0.0';\n";
    expect(roleFromContent(copyrightOnly + code, 'server/app.js')).toBeUndefined();
    const importsOwn =
      "/* app.js - the shop server. Licensed under the MIT license */\nconst routes = require('./routes');\n" +
      "app.version = '1.0.0';\n";
    expect(roleFromContent(importsOwn + code, 'server/app.js')).toBeUndefined();
  });
  it("leaves the project's own files alone", () => {
    // A header that mentions a library further along a line, with a license, is the project's own.
    const own = '/*! Slideshow v2.0 | requires jQuery 1.7+ | (c) Example Ltd, MIT license */\n';
    expect(roleFromContent(own + code, 'static/js/slideshow.js')).toBeUndefined();
    // Named like a library but stating no version of its own: an app's chart module.
    expect(roleFromContent('exports.render = (el) => el;\n' + code, 'src/chart.js')).toBeUndefined();
    // A version without a library's name: the app's own module.
    expect(roleFromContent("exports.version = '2.1.0';\n" + code, 'src/app.js')).toBeUndefined();
    // A banner naming a library without a license or copyright line is a comment, not a copy.
    expect(
      roleFromContent('// Mocha 10.2 runs these specs in the browser\n' + code, 'test/setup.js'),
    ).toBeUndefined();
  });
});

describe('roleClassifier', () => {
  it('lets vanguard.yaml globs override the conventions', () => {
    const roleOf = roleClassifier({ test: ['qa/**'], source: ['examples/app/**'] });
    expect(roleOf('qa/login.js')).toBe('test');
    expect(roleOf('examples/app/server.js')).toBe('source');
    expect(roleOf('examples/other/server.js')).toBe('example');
  });
  it('uses the content only for ordinary files, never for lockfiles', () => {
    const roleOf = roleClassifier();
    expect(roleOf('src/bundle.js', 'generated')).toBe('generated');
    expect(roleOf('test/x.test.js', 'generated')).toBe('test');
    // A library copy is vendored wherever it sits; a user's glob still wins.
    expect(roleOf('tests/frontend/lib/mocha.js', 'vendored')).toBe('vendored');
    expect(roleClassifier({ source: ['lib/**'] })('lib/underscore.js', 'vendored')).toBe('source');
    expect(roleOf('yarn.lock', 'generated')).toBe('source');
    expect(roleOf('test/fixtures/app/yarn.lock', 'generated')).toBe('fixture');
  });
});
