/**
 * Copies of well-known third-party libraries committed into a project (a `lib/underscore.js` beside the
 * tests, a `mocha.js` browser build): their code is the library authors', not the team's, so a
 * finding there is dropped like one under `vendor/` (docs/file-roles.md). Recognised from the content,
 * the way CodeQL's framework-library classification does it: a license banner naming the library and
 * its version, or a file named after the library that states its own version or is a bundle of it.
 * A build variant beside such a copy (`ext-all-debug.js` beside `ext-all.js`, `respond.src.js` beside
 * `respond.min.js`) is the same library: packagers often strip the banner from one of the two.
 */

// Libraries commonly copied into repositories rather than installed (browser builds, test runners).
// Names as their banners spell them; `.js` is optional after each.
const LIBRARIES = [
  'jQuery',
  'jQuery UI',
  'Underscore',
  'Lodash',
  'Backbone',
  'Mocha',
  'Chai',
  'expect',
  'Sinon',
  'Jasmine',
  'QUnit',
  'Moment',
  'AngularJS',
  'Knockout',
  'Handlebars',
  'Mustache',
  'Ember',
  'RequireJS',
  'Prototype',
  'MooTools',
  'Modernizr',
  'Zepto',
  'Bootstrap',
  'D3',
  'Raphael',
  'CodeMirror',
  'Ace',
  'highlight',
  'Marked',
  'Showdown',
  'Socket.IO',
  'SockJS',
  'Hammer',
  'Chart',
  'Popper',
  'Select2',
  'DataTables',
  'TinyMCE',
  'Leaflet',
  'Dojo',
  'YUI',
  'json2',
  'URI',
  'Ext JS',
  'Respond',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');
const NAMES = LIBRARIES.map(escape).join('|');
// The GPL header's opening (`This file is part of Ext JS 3.4`): only a copy of the library says so of itself.
const PART_OF = 'This[ \\t]+file[ \\t]+is[ \\t]+part[ \\t]+of[ \\t]+';
// A published plugin of such a library names it first and itself a plugin before its own version
// (`jQuery File Upload User Interface Plugin 8.9.0`).
const PLUGIN_WORDS = '(?:[ \\t]+[A-Za-z]+){1,5}[ \\t]+[Pp]lugin';
/**
 * `Underscore.js 1.4.2`, `jQuery JavaScript Library v3.6.1`, `@license Mocha - v10.2.0`, `This file is part of
 * Ext JS 3.4` opening a line of the banner (a project's own header that says "requires jQuery 1.7" further
 * along a line is not a copy of jQuery).
 */
const BANNER_NAME = new RegExp(
  `^[ \\t/*!]*(?:@license[ \\t]+|${PART_OF})?(?:${NAMES})(?:\\.js)?(?:(?:[ \\t]+[A-Za-z]+){0,3}|${PLUGIN_WORDS})[ \\t]+(?:-[ \\t]+)?v?\\d+\\.\\d+`,
  'im',
);
// Banners that give the name as a file (`URI.js - Mutating URLs`) on one line and the version on a later
// one (` * Version: 1.14.1`).
const BANNER_NAME_THEN_VERSION = new RegExp(
  `^[ \\t/*!]*(?:@license[ \\t]+)?(?:${NAMES})\\.js\\b[^\\n]*\\n(?:[^\\n]*\\n){0,6}?[ \\t/*]*@?[Vv]ersion:?[ \\t]+v?\\d+\\.\\d+`,
  'm',
);
// CodeMirror's own first line (`// CodeMirror version 3.15`), with no license line after it: the library's
// name, the word version and the version, and nothing else on the banner's first line. A project's own
// comment that names a library goes on to say something of it (`// Mocha 10.2 runs these specs`).
const BANNER_VERSION_LINE = new RegExp(
  `^\\s*(?:\\/\\/|\\/\\*+!?)[ \\t]*(?:${NAMES})(?:\\.js)?[ \\t]+[Vv]ersion[ \\t]+v?\\d+(?:\\.\\d+)+[ \\t]*(?:\\*\\/[ \\t]*)?(?:\\n|$)`,
);
const BANNER_LICENSE = /\(c\)|©|copyright|licen[cs]e/i;
// A jQuery plugin named as plugins are published (`jquery.jeditable.js`, `jquery-cookie.min.js`) whose banner
// calls it one (`Jeditable - jQuery in place edit plugin`) and states its version on a line of its own
// (` * Version 1.7.1`), with a license: the plugin's authors' code, as the library's is.
const JQUERY_PLUGIN_FILE = /(?:^|\/)jquery[.-][\w-]+(?:[.-]min)?\.js$/i;
const JQUERY_PLUGIN_BANNER = /\bjQuery\b[^\n]{0,60}\bplug-?in\b/i;
const VERSION_LINE = /^[ \t/*!]*@?[Vv]ersion:?[ \t]+v?\d+\.\d+/m;
/**
 * A `jquery.<name>.js` file is named as plugins are published, and so is an application's own (`jquery.myapp.js`
 * under its own copyright line): a plugin's banner is taken as a third-party copy only when it grants a published
 * licence by name or address (`Licensed under the MIT license`, `Dual licensed under the MIT and GPL licenses`,
 * `opensource.org/licenses/…`), not a bare copyright line or `All rights reserved`.
 */
const OPEN_LICENSE =
  /\b(?:MIT|GPL(?:v[23])?|LGPL|AGPL|BSD|Apache|ISC|MPL|WTFPL|CC0)\b|\bUnlicense\b|public[ \t]+domain|opensource\.org\/licen|gnu\.org\/licen|apache\.org\/licen/;
// A release build's preserved banner (`/*!`, which minifiers keep), after a `'use strict'` directive if any, with a
// copyright, the release's own `Version: 0.42.0` line and the license it is released under (Monaco's AMD
// loader: `Copyright (c) Microsoft Corporation` / `Version: 0.42.0-dev-…` / `Released under the MIT license`).
// A project's own header names its authors and license but no release (jingo's `lib/app.js`).
const USE_STRICT = /^\s*(['"])use strict\1;?/;
const RELEASED_UNDER = /\breleased[ \t]+under\b|@license\b/i;
const COPYRIGHT = /\(c\)|©|copyright/i;

/**
 * True when a line of the banner opens with the plugin's own name, as the file `jquery.<name>.js` gives it, and a
 * version (` * jsTree 1.0-rc1` in `jquery.jstree.js`): the plugin naming its release, as a library's banner does.
 */
function ownNameAndVersion(path: string, banner: string): boolean {
  const name = /(?:^|\/)jquery[.-]([\w-]+?)(?:[.-]min)?\.js$/i.exec(path)?.[1];
  if (!name) return false;
  return new RegExp(`^[ \\t/*!]*${escape(name)}(?:\\.js)?[ \\t]+(?:-[ \\t]+)?v?\\d+\\.\\d+`, 'im').test(
    banner,
  );
}
const FILE_NAMES: ReadonlySet<string> = new Set(LIBRARIES.map((n) => n.toLowerCase().replace(/ /g, '-')));
// The prelude browserify and webpack write at the top of a bundle (browserify's `require=` form exposes the
// bundle's modules to other bundles).
// browserify's `--standalone` build wraps the same prelude in a UMD header that hides define, module and
// exports (socket.io-client's browser build; later browserify versions test `module` too: `if("object"==typeof
// exports&&"undefined"!=typeof module)module.exports=e();else if(…)`).
// Unminified, the standalone header reads `(function(f){if(typeof exports==="object"&&typeof module!=="undefined")
// {module.exports=f()}else if(…)…})(function(){var define,module,exports;return (function e(t,n,r){…` (React 0.14's
// react.js, Cytoscape.js's cytoscape.js).
const BUNDLE_PRELUDE =
  /^\s*(?:\(function\(f\)\{if\(typeof exports==="object"&&typeof module!=="undefined"\)\{module\.exports=f\(\)\}[^\n]{0,400}\(function\(\)\{var define,module,exports;\s*return \(function e\(t,n,r\)\{function s\(o,u\)|(?:require=)?\(function\(\)\{function r\(e,n,t\)\{function o\(i,f\)|(?:require=)?\(function e\(t,n,r\)\{function s\(o,u\)|\/\*{6}\/ \((?:function\(modules\)|\(\) => )\{ \/\/ webpackBootstrap|!function\(e\)\{(?:"object"==typeof exports\?module\.exports=e\(\)|if\("object"==typeof exports&&"undefined"!=typeof module\)module\.exports=e\(\))[^\n]{0,300}\(function\(\)\{var define,module,exports;\s*return \(function e\(t,n,r\)\{function s\(o,u\))/;
// browserify 1's prelude (2011–2013): its own `require` over a module table that `require.define(name, fn)` fills,
// the first statement of the bundle (`var require = function (file, cwd) {\n    var resolved = require.resolve(…`).
const BROWSERIFY1_PRELUDE =
  /^\s*var require = function \(file, cwd\) \{\s+var resolved = require\.resolve\(file, cwd \|\| '\/'\);/;
const HEAD_BYTES = 2048;
// Where a library states its own version (underscore's `var VERSION` follows its UMD wrapper).
const VERSION_BYTES = 8192;
/** How much of a file's start `isLibraryCopy` reads. */
export const LIBRARY_HEAD_BYTES = VERSION_BYTES;

/** The leading comments of a file (its banner), up to the first code. */
function leadingComments(head: string): string {
  const m = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/|#![^\n]*))*/.exec(head);
  return m?.[0] ?? '';
}

/** The library a file is named after (`lib/underscore-1.4.2.min.js` → `underscore`), if any. */
function libraryOfName(path: string): string | undefined {
  const base = (path.split('/').pop() ?? '')
    .toLowerCase()
    .replace(/\.(?:[cm]?js)$/, '')
    .replace(/[.-]min$/, '')
    .replace(/[-.@]v?\d+(?:\.\d+)*$/, '')
    .replace(/\.js$/, '');
  return FILE_NAMES.has(base) ? base : undefined;
}

/** True for a release build's preserved banner (see RELEASED_UNDER above). */
function isReleaseBuild(head: string): boolean {
  const banner = leadingComments(head.replace(USE_STRICT, ''));
  return (
    /^\s*\/\*!/.test(banner) &&
    VERSION_LINE.test(banner) &&
    COPYRIGHT.test(banner) &&
    RELEASED_UNDER.test(banner)
  );
}

/** True when the bundle prelude of browserify or webpack opens the file. */
export function isBundle(text: string): boolean {
  if (BUNDLE_PRELUDE.test(text.slice(0, 512)) || BROWSERIFY1_PRELUDE.test(text.slice(0, 512))) return true;
  // Or after a banner: a release keeps its own (`/**\n * React v0.14.9\n */` over the browserify prelude). Not
  // instead of the start: webpack's prelude opens with a comment of its own (`/******/ (() => {`).
  const banner = leadingComments(text.slice(0, HEAD_BYTES));
  return banner.length > 0 && BUNDLE_PRELUDE.test(text.slice(banner.length, banner.length + 512));
}

// Libraries whose copies are often reformatted or minified with their banner gone (google-code-prettify's
// `prettify.js` starts with code): recognised, as retire.js recognises libraries, by the public names the
// library defines, in a file named after it. Every name must be there in the bytes read. Prettify's language
// handlers (`lang-css.js`, `lang-sql.js`) are one call that registers a lexer with it.
const SIGNATURES: readonly { file: RegExp; names: readonly RegExp[] }[] = [
  {
    file: /^prettify$/,
    names: [/\bPR_SHOULD_USE_CONTINUATION\b/, /\bprettyPrintOne\b/, /\bprettyPrint\b/],
  },
  { file: /^lang-[\w-]+$/, names: [/^\s*PR\.registerLangHandler\(\s*PR\.createSimpleLexer\(/] },
  // Ace's build: `ace.js` opens with Ajax.org's BSD block, which names neither Ace nor a version, then sets its
  // namespace and defines its own modules; the extensions, keybindings and workers it ships beside it
  // (`ext-searchbox.js`, `keybinding-vim.js`, `worker-css.js`) each define Ace's own modules first. Modes and
  // themes (`mode-*.js`, `theme-*.js`) are left out: applications write their own in the same format.
  { file: /^ace$/, names: [/\bACE_NAMESPACE\s*=\s*"ace"/, /\bace\.define\(\s*"ace\/lib\//] },
  // An extension may open with a module it bundles (`ext-textarea.js` defines `ace/theme/textmate` first).
  { file: /^(?:ext|keybinding)-[\w-]+$/, names: [/^\s*ace\.define\(\s*"ace\//] },
  { file: /^worker-[\w-]+$/, names: [/^\s*"no use strict";/, /\bace\.define\(\s*"ace\/lib\/oop"/] },
  // jasmine-core's browser build (`lib/jasmine-core/jasmine.js`) opens with Pivotal's MIT block, which names
  // neither Jasmine nor a version (that is set some 7,000 lines on), then declares its module registry and
  // hangs its own modules on it (`getJasmineRequireObj().base = function(j$, jasmineGlobal)`).
  {
    file: /^jasmine$/,
    names: [
      /^var getJasmineRequireObj = \(function ?\(jasmineGlobal\)/m,
      /^getJasmineRequireObj\(\)\.\w+ = function ?\(j(?:Require|\$)\b/m,
    ],
  },
];

/** True when a file named after a library of SIGNATURES defines every public name of that library. */
function hasSignature(path: string, text: string): boolean {
  const stem = (path.split('/').pop() ?? '').replace(/(?:[.-]min)?\.[cm]?js$/i, '').toLowerCase();
  const start = text.slice(0, VERSION_BYTES);
  return SIGNATURES.some((s) => s.file.test(stem) && s.names.every((n) => n.test(start)));
}

// An import of a file beside it or above it: `require('./x')`, `from '../x'`, `import './x'`.
const PROJECT_IMPORT = /\b(?:require\(|from|import)\s*['"]\.\.?\//;

/**
 * True when the banner names the file itself (`OpenLayers.js -- OpenLayers Map Viewer Library`), with a licence,
 * and the code then declares the namespace of that name with its release (`var
 * OpenLayers={VERSION_NUMBER:"Release 2.12"`, `Leaflet.version = '1.9.4'`): a library naming its own release,
 * whatever library it is. An application's own file seldom names itself in its banner and sets a version of that
 * name too; either alone is not enough. A bare copyright line is any project's header (`// app.js` /
 * `// Copyright 2020 Acme` over `app.version = '1.0.0'`), and a file that imports a module of the project around
 * it (`require('./routes')`, `from '../db'`) is that project's own: a copied library stands alone.
 */
function namesOwnRelease(path: string, banner: string, text: string): boolean {
  const stem = /([A-Za-z_$][\w$]*)\.[cm]?js$/.exec(path.split('/').pop() ?? '')?.[1];
  if (!stem || !/licen[cs]e/i.test(banner) || PROJECT_IMPORT.test(text.slice(0, VERSION_BYTES))) return false;
  const name = escape(stem);
  if (!new RegExp(`^[ \\t/*!]*${name}\\.js\\b`, 'm').test(banner)) return false;
  const release = `['"](?:Release[ \\t]+)?v?\\d+\\.\\d+`;
  const own = new RegExp(
    `(?:\\b(?:var|let|const)[ \\t]+|\\bwindow\\.|^|[;\\n])[ \\t]*${name}[ \\t]*=[ \\t]*\\{[ \\t\\n]*['"]?VERSION(?:_NUMBER)?['"]?[ \\t]*:[ \\t]*${release}|\\b${name}\\.(?:VERSION(?:_NUMBER)?|version)[ \\t]*=[ \\t]*${release}`,
    'i',
  );
  return own.test(text.slice(0, VERSION_BYTES));
}

/** True when the file is a copy of a well-known library (see the module comment). */
export function isLibraryCopy(path: string, text: string): boolean {
  const head = text.slice(0, HEAD_BYTES);
  const banner = leadingComments(head);
  if (hasSignature(path, text)) return true;
  if ((BANNER_NAME.test(banner) || BANNER_NAME_THEN_VERSION.test(banner)) && BANNER_LICENSE.test(banner))
    return true;
  if (BANNER_VERSION_LINE.test(banner)) return true;
  if (isReleaseBuild(head)) return true;
  if (JQUERY_PLUGIN_FILE.test(path) && ownNameAndVersion(path, banner) && OPEN_LICENSE.test(banner))
    return true;
  if (JQUERY_PLUGIN_FILE.test(path) && JQUERY_PLUGIN_BANNER.test(banner) && OPEN_LICENSE.test(banner)) {
    // The version may sit in a long documentation comment that runs past the bytes read (jEditable's).
    const open = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))))*/.exec(head)?.[0] ?? '';
    if (VERSION_LINE.test(open)) return true;
  }
  const lib = libraryOfName(path);
  if (!lib) return namesOwnRelease(path, leadingComments(text.slice(0, VERSION_BYTES)), text);
  if (isBundle(text)) return true;
  // A banner that opens with the file's own library name as a file and dates or numbers its release on the
  // next lines (Crockford's `json2.js` / `2014-02-04`): the library naming itself, not a project's comment.
  const named = new RegExp(
    `^[\\s/*!]*${escape(lib)}\\.js[ \\t]*\\n(?:[ \\t/*]*\\n){0,2}[ \\t/*]*(?:\\d{4}-\\d{2}-\\d{2}|v?\\d+\\.\\d+(?:\\.\\d+)*)[ \\t]*(?:\\n|$)`,
    'i',
  );
  // The file's start, not `banner`: json2's banner runs on past the bytes read, so it is not a closed comment there.
  if (named.test(head)) return true;
  // `expect.version = '0.1.2'`, `_.VERSION = '1.4.2'`, `var VERSION = '1.13.4'`: the library stating
  // its own version early on.
  // Or as the first key of the namespace it declares: D3 3's `var d3 = {\n  version: "3.5.17"\n};`.
  const own = new RegExp(
    `(?:\\b(?:${escape(lib)}|_|exports|module\\.exports)\\.(?:version|VERSION)|\\b(?:var|let|const)[ \\t]+VERSION)[ \\t]*=[ \\t]*['"]v?\\d+\\.\\d+|\\b(?:var|let|const)[ \\t]+${escape(lib)}[ \\t]*=[ \\t]*\\{\\s*['"]?version['"]?[ \\t]*:[ \\t]*['"]v?\\d+\\.\\d+`,
  );
  return own.test(text.slice(0, VERSION_BYTES));
}

// A script the build names as its third-party part, as a folder would (`vendor/`, `third_party/`): a name component
// `thirdparty`, `third-party`, `third_party`, `vendor` or `vendors` (`freeboard.thirdparty.js`, `vendor.bundle.js`,
// `app.third-party.js`), not a word inside another (`useVendorChunk.js`).
const THIRD_PARTY_NAME = /(?:^|[._-])(?:third[-_]?party|vendors?)(?:[._-][\w.-]*)?\.[cm]?js$/i;
// A concatenation opens with its first library's banner, a name and a version (`/*! head.core - v1.0.2 */`): a file
// that opens with code of its own and has a library appended after it is the application's build (review40).
const OPENS_WITH_BANNER = /^\s*\/\*!?[\s*]*@?[\w.-]+(?:[ \t]+[\w.-]+){0,3}[ \t]+(?:-[ \t]+)?v?\d+\.\d+/;
/** How much of a file named as a build's third-party part `concatenatesLibraries` reads. */
export const THIRD_PARTY_HEAD_BYTES = 65_536;

/** True for a script named as a build's third-party part (THIRD_PARTY_NAME). */
export function isThirdPartyName(path: string): boolean {
  return THIRD_PARTY_NAME.test(path.split('/').pop() ?? '');
}

/**
 * True when a file named as a build's third-party part holds, among its first THIRD_PARTY_HEAD_BYTES, a comment
 * that is a well-known library's license banner (`/*! jQuery v2.0.3 | (c) 2005, 2013 jQuery Foundation`): a
 * concatenation of the libraries the application uses (`freeboard.thirdparty.js`: head.js, jQuery, jQuery UI,
 * Knockout, Underscore…), whose first banner may be a library the list does not name. The name alone is not
 * enough (an application's `vendor.js` may be its own module about vendors), nor is a banner further down a file
 * named otherwise (an application's own build may append a library after its code).
 */
export function concatenatesLibraries(path: string, text: string): boolean {
  if (!isThirdPartyName(path) || !OPENS_WITH_BANNER.test(text.slice(0, 4096))) return false;
  for (const m of text.slice(0, THIRD_PARTY_HEAD_BYTES).matchAll(/\/\*[\s\S]*?\*\//g)) {
    if (BANNER_NAME.test(m[0]) && BANNER_LICENSE.test(m[0])) return true;
  }
  return false;
}

// The suffixes libraries give the builds they ship side by side (`ext-all-debug.js`, `respond.src.js`,
// `vue.min.js`, `d3-min.js`, `react.development.js`).
const VARIANT = /[-.](?:min|debug|dev|src|development|production|prod)$/i;

/**
 * The paths of the other builds of the same script a library would ship beside `path` (same folder, same
 * name, another build suffix or none): `static/ext/ext-all-debug.js` → `static/ext/ext-all.js`,
 * `static/ext/ext-all.min.js`, `static/ext/ext-all-min.js`. Empty for a file that is not a script.
 */
export function buildVariants(path: string): string[] {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const m = /^(.+?)(\.[cm]?js)$/i.exec(path.slice(slash + 1));
  if (!m) return [];
  const [, name, ext] = m as unknown as [string, string, string];
  const stem = name.replace(VARIANT, '');
  const names = [stem, `${stem}.min`, `${stem}-min`].filter((n) => n !== name);
  return names.map((n) => dir + n + ext);
}

/**
 * True when another build of the same script beside the file (buildVariants) is a library copy: the
 * unminified twin of a minified library whose banner a packager stripped. `readHead` returns the first
 * LIBRARY_HEAD_BYTES of a path, or undefined when there is no such file.
 */
export function isVariantOfLibraryCopy(
  path: string,
  readHead: (path: string) => string | undefined,
): boolean {
  for (const other of buildVariants(path)) {
    const head = readHead(other);
    if (head !== undefined && isLibraryCopy(other, head)) return true;
  }
  return false;
}
