import { describe, expect, it } from 'vitest';
import { roleFromContent } from './file-role.js';
import { buildVariants, isVariantOfLibraryCopy } from './library-copy.js';

// Library copies a Django application keeps under its static folder (static/<app>/lib/…), whose banners the
// older readings missed: Ace's build, D3 3's namespace, browserify's unminified standalone build.
describe('roleFromContent: library copies without a name-and-version banner', () => {
  const code = 'var x = 1;\n'.repeat(50);
  const bsd =
    '/* ***** BEGIN LICENSE BLOCK *****\n * Distributed under the BSD license:\n *\n' +
    ' * Copyright (c) 2010, Ajax.org B.V.\n * All rights reserved.\n * ***** END LICENSE BLOCK ***** */\n\n';

  it("reads Ace's build by the namespace and modules it defines", () => {
    const ace =
      '(function() {\nvar ACE_NAMESPACE = "ace";\nvar global = (function() { return this; })();\n})();\n' +
      'ace.define("ace/lib/regexp",["require","exports","module"], function(require, exports, module) {\n';
    expect(roleFromContent(bsd + ace + code, 'static/app/lib/ace/ace.js')).toBe('vendored');
    const ext =
      'ace.define("ace/ext/searchbox",["require","exports","module","ace/lib/dom"], function(require) {\n';
    expect(roleFromContent(ext + code, 'static/app/lib/ace/ext-old_ie.js')).toBe('vendored');
    const vim =
      'ace.define("ace/keyboard/vim",["require","exports","module","ace/range"], function(require) {\n';
    expect(roleFromContent(vim + code, 'static/app/lib/ace/keybinding-vim.js')).toBe('vendored');
    const textarea =
      'ace.define("ace/theme/textmate",["require","exports","module","ace/lib/dom"], function(require) {\n';
    expect(roleFromContent(textarea + code, 'static/app/lib/ace/ext-textarea.js')).toBe('vendored');
    const worker =
      '"no use strict";\n!(function(window) {\nif (typeof window.window != "undefined" && window.document)\n    return;\n' +
      '})(this);\nace.define("ace/lib/oop",["require","exports","module"], function(require, exports, module) {\n';
    expect(roleFromContent(worker + code, 'static/app/lib/ace/worker-css.js')).toBe('vendored');
  });

  it("keeps the application's own Ace modes, themes and code that calls Ace", () => {
    // An application writes its own mode or theme in Ace's module format.
    const theme =
      'ace.define("ace/theme/omni",["require","exports","module","ace/lib/dom"], function(require) {\n';
    expect(roleFromContent(theme + code, 'static/app/lib/ace/theme-omni.js')).toBeUndefined();
    // A file of its own named ace.js that sets up the editor is not the library.
    const setup = 'var editor = ace.edit("sql");\neditor.setTheme("ace/theme/omni");\n';
    expect(roleFromContent(setup + code, 'static/app/js/ace.js')).toBeUndefined();
    // An extension-like name in the application's folder that does not define Ace's modules.
    expect(roleFromContent(code, 'static/app/js/ext-menu.js')).toBeUndefined();
  });

  it("reads D3's namespace that states its version as its first key", () => {
    const d3 = '!function() {\n  var d3 = {\n    version: "3.5.17"\n  };\n  var d3_arraySlice = [].slice;\n';
    expect(roleFromContent(d3 + code, 'static/app/lib/explain/js/d3.js')).toBe('vendored');
    // An application's own module of another name declaring a version is its own.
    expect(roleFromContent(d3.replace(/d3/g, 'charts') + code, 'static/app/js/charts.js')).toBeUndefined();
    // A d3.js of its own that only uses D3 states no version of it.
    const uses = 'var d3 = require("d3");\nd3.select("body").append("svg");\n';
    expect(roleFromContent(uses + code, 'src/d3.js')).toBeUndefined();
  });

  it("reads browserify's unminified standalone build, after the release's banner", () => {
    const standalone =
      '(function(f){if(typeof exports==="object"&&typeof module!=="undefined"){module.exports=f()}else if(typeof ' +
      'define==="function"&&define.amd){define([],f)}else{var g;if(typeof window!=="undefined"){g=window}else{g=this}' +
      'g.React = f()}})(function(){var define,module,exports;return (function e(t,n,r){function s(o,u){if(!n[o]){}}' +
      'return s})({1:[function(require,module,exports){\n';
    const banner = ' /**\n  * React v0.14.9\n  */\n';
    // Bundled output is left out as generated wherever it sits, banner or not.
    expect(roleFromContent(banner + standalone + code, 'static/app/lib/explain/js/react.js')).toBe(
      'generated',
    );
    expect(roleFromContent(standalone + code, 'static/app/lib/cytoscape/cytoscape.js')).toBe('generated');
    // webpack's prelude opens with a comment of its own, which is no banner to skip.
    const webpack = '/******/ (() => { // webpackBootstrap\n/******/ \t"use strict";\n/******/ })()\n;\n';
    expect(roleFromContent(webpack, 'public/config.js')).toBe('generated');
    // The same banner over hand-written code is not a bundle, and a UMD wrapper without browserify's prelude
    // is a module's own packaging.
    expect(roleFromContent(banner + code, 'static/app/js/react.js')).toBeUndefined();
    const umd =
      '(function(f){if(typeof exports==="object"&&typeof module!=="undefined"){module.exports=f()}else{this.tool=f()}})' +
      '(function(){\n  return { run: function () {} };\n});\n';
    expect(roleFromContent(umd + code, 'static/app/js/tool.js')).toBeUndefined();
  });

  it("reads browserify 1's prelude, its own require over the modules require.define fills (log.io's client)", () => {
    const v1 =
      "var require = function (file, cwd) {\n    var resolved = require.resolve(file, cwd || '/');\n" +
      '    var mod = require.modules[resolved];\n    return mod();\n};\n';
    expect(roleFromContent(v1 + code, 'lib/log.io.js')).toBe('generated');
    // A script that defines a require of its own with other names or body is no bundle.
    const own = 'var require = function (name) {\n  return window.modules[name];\n};\n';
    expect(roleFromContent(own + code, 'static/js/app.js')).toBeUndefined();
  });
});

// jasmine-core's browser build copied into a project (TiddlyWiki's jasmine plugin): its banner is Pivotal's MIT
// block with no name or version, which the banner readings cannot take.
describe('roleFromContent: jasmine-core by the registry it declares', () => {
  const code = 'var x = 1;\n'.repeat(50);
  const mit =
    '/*\nCopyright (c) 2008-2019 Pivotal Labs\n\nPermission is hereby granted, free of charge, to any person\n*/\n';
  const core =
    'var getJasmineRequireObj = (function (jasmineGlobal) {\n  var jasmineRequire;\n  return function() { return jasmineRequire; };\n})(this);\n\n' +
    'getJasmineRequireObj().requireMatchers = function(jRequire, j$) {\n  return {};\n};\n';

  it('reads jasmine.js by getJasmineRequireObj and the modules hung on it', () => {
    expect(
      roleFromContent(mit + core + code, 'plugins/jasmine/files/jasmine-core/lib/jasmine-core/jasmine.js'),
    ).toBe('vendored');
  });

  it("keeps a project's own jasmine.js that only calls the library", () => {
    const setup =
      'var jasmineRequire = getJasmineRequireObj();\nvar env = jasmine.getEnv();\nenv.execute();\n';
    expect(roleFromContent(setup + code, 'test/jasmine.js')).toBeUndefined();
    // The registry's name in another file name is not taken on its own.
    expect(roleFromContent(mit + core + code, 'test/boot.js')).toBeUndefined();
  });
});

describe("roleFromContent: a build's third-party part that concatenates libraries", () => {
  const code = 'var x = 1;\n'.repeat(50);
  // freeboard.thirdparty.js: head.js's parts under banners the list does not name, each one minified line, so
  // jQuery's banner comes past the first 8 KB; then jQuery UI, Knockout, Underscore.
  const head = ['head.core - v1.0.2', 'head.css3 - v1.0.0', 'head.load - v1.0.3']
    .map((b) => `/*! ${b} */\n(function(win,undefined){${'var a=win.document;'.repeat(180)}})(window);\n`)
    .join('');
  const jquery = '/*! jQuery v2.0.3 | (c) 2005, 2013 jQuery Foundation, Inc. | jquery.org/license\n*/\n';
  const bundle = head + jquery + code;
  it('reads a library banner further down a file named as the third-party part', () => {
    expect(head.length).toBeGreaterThan(8192);
    expect(roleFromContent(bundle, 'usr/share/freeboard/js/freeboard.thirdparty.js')).toBe('vendored');
    expect(roleFromContent(Buffer.from(bundle), 'js/freeboard.thirdparty.js')).toBe('vendored');
    expect(roleFromContent(bundle, 'static/js/app.third-party.js')).toBe('vendored');
    expect(roleFromContent(bundle, 'public/vendor.bundle.js')).toBe('vendored');
  });
  it('needs both the name and a library banner', () => {
    // The same concatenation under another name: an application's own build may append a library after its code.
    expect(roleFromContent(bundle, 'js/freeboard.js')).toBeUndefined();
    expect(roleFromContent(bundle, 'js/useVendorChunk.js')).toBeUndefined();
    // Named so without a library's banner: an application's module about third parties or vendors.
    const own =
      "const express = require('express');\nrouter.get('/x', (req, res) => res.send(req.query.x));\n";
    expect(roleFromContent(head + own + code, 'routes/third-party.js')).toBeUndefined();
    expect(
      roleFromContent("import './jQueryLoader.js';\nimport 'bootstrap';\n" + code, 'lib/scripts/vendor.js'),
    ).toBeUndefined();
    // A comment that names a library further along its line is the project's own header.
    const mention = '/*! Slideshow v2.0 | requires jQuery 1.7+ | (c) Example Ltd, MIT license */\n';
    expect(roleFromContent(head + mention + code, 'js/app.thirdparty.js')).toBeUndefined();
    // A line that opens with a library's name and version but grants no license: a note, not a banner.
    const note = '/* jQuery 1.7 or later must be loaded before this file */\n';
    expect(roleFromContent(head + note + code, 'js/app.thirdparty.js')).toBeUndefined();
    // The application's own server code first, a library appended after it (review40).
    const server =
      "var cp = require('child_process');\napp.get('/ls', (req, res) => cp.exec('ls ' + req.query.dir));\n";
    expect(roleFromContent(server + jquery + code, 'public/vendors.js')).toBeUndefined();
    expect(roleFromContent(server + head + jquery + code, 'js/app.thirdparty.js')).toBeUndefined();
  });
});

describe('isVariantOfLibraryCopy: the other build of a library copy beside it', () => {
  const code = 'var x = 1;\n'.repeat(50);
  const ext =
    '/*\n * Ext JS Library 3.4.0\n * Copyright(c) 2006-2011 Sencha Inc.\n * licensing@sencha.com\n */\n';
  const respond =
    '/*! Respond.js v1.4.2: min/max-width media query polyfill * Copyright 2013 Scott Jehl\n' +
    ' * Licensed under https://github.com/scottjehl/Respond/blob/master/LICENSE-MIT\n *  */\n';
  it('reads the banners of Ext JS and Respond.js', () => {
    expect(roleFromContent(ext + code, 'static/js/ext/ext-all.js')).toBe('vendored');
    expect(roleFromContent(respond + code, 'static/libs/respond/respond.min.js')).toBe('vendored');
  });
  it("reads Ext JS's GPL banner, which names the library after 'This file is part of'", () => {
    const gpl =
      '/*\nThis file is part of Ext JS 3.4\n\nCopyright (c) 2011-2013 Sencha Inc\n\n' +
      'GNU General Public License Usage\nThis file may be used under the terms of the GNU General Public License\n*/\n';
    expect(roleFromContent(gpl + code, 'js/extjs/ext-all-debug.js')).toBe('vendored');
    // Its minified twin is skipped as minified; the debug build alone must be known by its banner.
    expect(isVariantOfLibraryCopy('js/extjs/ext-all-debug.js', () => undefined)).toBe(false);
    // A project's own GPL header names the project, not a library.
    const own =
      '/*\nThis file is part of Deluge 2.0\n\nCopyright (c) 2009 Damien Churchill\n\nGNU General Public License\n*/\n';
    expect(roleFromContent(own + code, 'js/deluge-all-debug.js')).toBeUndefined();
  });
  it('names the builds a library ships beside a script', () => {
    expect(buildVariants('static/js/ext/ext-all-debug.js')).toEqual([
      'static/js/ext/ext-all.js',
      'static/js/ext/ext-all.min.js',
      'static/js/ext/ext-all-min.js',
    ]);
    expect(buildVariants('libs/respond/respond.src.js')).toEqual([
      'libs/respond/respond.js',
      'libs/respond/respond.min.js',
      'libs/respond/respond-min.js',
    ]);
    expect(buildVariants('app.js')).toEqual(['app.min.js', 'app-min.js']);
    expect(buildVariants('templates/page.html')).toEqual([]);
  });
  it('takes a script whose banner was stripped for the library its twin names', () => {
    // Debian strips the banner of Ext JS's debug build and keeps it on the minified one.
    const files = new Map([['static/js/ext/ext-all.js', ext + code]]);
    expect(isVariantOfLibraryCopy('static/js/ext/ext-all-debug.js', (p) => files.get(p))).toBe(true);
    const beside = new Map([['static/libs/respond/respond.min.js', respond + code]]);
    expect(isVariantOfLibraryCopy('static/libs/respond/respond.src.js', (p) => beside.get(p))).toBe(true);
  });
  it("leaves the project's own scripts alone, minified twin or not", () => {
    // The app's own minified build carries no library banner.
    const own = new Map([['static/js/app.min.js', '/*! app v2.0 (c) Example Ltd */\n' + code]]);
    expect(isVariantOfLibraryCopy('static/js/app.js', (p) => own.get(p))).toBe(false);
    // A library in the same folder under another name says nothing about this file.
    const other = new Map([['static/js/ext-all.js', ext + code]]);
    expect(isVariantOfLibraryCopy('static/js/dashboard.js', (p) => other.get(p))).toBe(false);
    expect(isVariantOfLibraryCopy('static/js/composer-debug.js', () => undefined)).toBe(false);
  });
});
