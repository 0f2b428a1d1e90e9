import { describe, expect, it } from 'vitest';
import { browserifyModules, onlyCopyLines, ownModules } from './bundle-modules.js';

const PRELUDE =
  '(function(){function r(e,n,t){function o(i,f){if(!n[i]){}}return o}return r})()({1:[function(require,module,exports){\n';

// karma 6's client bundle, reduced: its own client (entry 3, `./karma`, `./constants`), its own `common/util`
// shipped beside it, and a library (`extend`) with a module of its own.
const KARMA = `module.exports = { VERSION: '%KARMA_VERSION%', CONTEXT_URL: 'context.html' }
},{}],2:[function(require,module,exports){
var util = require('../common/util')
function Karma (updater, socket, iframe, opener, navigator, location) {
  var queryParams = util.parseQueryParams(location.search)
  var returnUrl = queryParams['return_url' + ''] || null
  this.complete = function () {
    if (returnUrl) {
      location.href = returnUrl
    }
  }
}
module.exports = Karma
},{"../common/util":4}],3:[function(require,module,exports){
var Karma = require('./karma')
var constants = require('./constants')
var extend = require('extend')
window.karma = new Karma(null, null, null, window.opener, window.navigator, window.location)
},{"./constants":1,"./karma":2,"extend":5}],4:[function(require,module,exports){
exports.parseQueryParams = function (locationSearch) {
  var params = {}
  var pairs = locationSearch.slice(1).split('&')
  pairs.forEach(function (pair) { params[pair.split('=')[0]] = pair.split('=')[1] })
  return params
}
},{}],5:[function(require,module,exports){
var hasOwn = Object.prototype.hasOwnProperty;
module.exports = function extend() { return hasOwn.call(arguments, 'x') ? arguments[0] : {}; };
},{"./is-plain":6}],6:[function(require,module,exports){
module.exports = function isPlainObject(obj) { return Object.prototype.toString.call(obj) === '[object Object]'; };
},{}]},{},[3]);
`;

const UTIL = KARMA.slice(KARMA.indexOf('exports.parseQueryParams'), KARMA.indexOf('},{}],5:'));

describe("browserify bundles that hold the only copy of a package's own modules", () => {
  it('reads modules, their lines, requires and entries', () => {
    const b = browserifyModules(PRELUDE + KARMA)!;
    expect([...b.modules.keys()]).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(b.entries).toEqual(['3']);
    expect(b.modules.get('2')!.deps).toEqual({ '../common/util': '4' });
    // Own: the entry and what it reaches by relative requires; not the library nor the library's own module.
    expect(ownModules(b).map((m) => m.id)).toEqual(['1', '2', '3', '4']);
    expect(browserifyModules('var x = 1;\n')).toBeUndefined();
  });

  it('keeps the modules no file of the package holds, not those shipped beside the bundle', async () => {
    const text = PRELUDE + KARMA;
    const files: Record<string, string> = {
      'package.json': '{}',
      'static/karma.js': text,
      'common/util.js': UTIL,
      // Another module named karma.js, with other code: no source of the bundle's.
      'lib/middleware/karma.js': "module.exports = function karmaMiddleware (req, res) { res.end('ok') }\n",
    };
    const paths = new Set(Object.keys(files));
    const read = (p: string): Promise<string | undefined> => Promise.resolve(files[p]);
    const ranges = await onlyCopyLines(text, 'static/karma.js', paths, read);
    const redirect = text.split('\n').findIndex((l) => l.includes('location.href = returnUrl')) + 1;
    expect(ranges.some(([a, b]) => redirect >= a && redirect <= b)).toBe(true);
    const util = text.split('\n').findIndex((l) => l.includes('pairs.forEach')) + 1;
    expect(ranges.some(([a, b]) => util >= a && util <= b)).toBe(false);
    const library = text.split('\n').findIndex((l) => l.includes('hasOwn.call')) + 1;
    expect(ranges.some(([a, b]) => library >= a && library <= b)).toBe(false);
  });

  it('keeps nothing when the sources ship beside it, even changed by a build step', async () => {
    const text = PRELUDE + KARMA;
    const files: Record<string, string> = {
      'package.json': '{}',
      'static/karma.js': text,
      'common/util.js': UTIL,
      // The client's sources, their text changed by a transform (a version filled in, JSX compiled).
      'client/main.js': "import Karma from './karma'\n",
      'client/karma.js': 'export default class Karma {}\n',
      'client/constants.js': "export const VERSION = '6.3.13'\n",
    };
    const paths = new Set(Object.keys(files));
    const read = (p: string): Promise<string | undefined> => Promise.resolve(files[p]);
    expect(await onlyCopyLines(text, 'static/karma.js', paths, read)).toEqual([]);
  });
});

describe('a bundle with no module of the package beside it', () => {
  it('is no sign of the package: a library build copied in stays left out', async () => {
    const text = PRELUDE + KARMA;
    const files: Record<string, string> = { 'package.json': '{}', 'public/vendor/karma.js': text };
    const read = (p: string): Promise<string | undefined> => Promise.resolve(files[p]);
    expect(await onlyCopyLines(text, 'public/vendor/karma.js', new Set(Object.keys(files)), read)).toEqual(
      [],
    );
  });
});

describe('a hostile bundle (review40)', () => {
  it('a long chain of requires nesting deeper at each step, in a tree of many folders, ends quickly', async () => {
    const n = 4000;
    const modules = Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      const deps = i < n ? `{"./lib/m${i + 1}":${i + 1}}` : '{}';
      const body = `module.exports = function helper${i}(value) { return String(value) + "significant text"; };\n`;
      return `${i === 1 ? '({' : ','}${i}:[function(require,module,exports){\n${body}},${deps}]`;
    });
    const text = `${PRELUDE.slice(0, PRELUDE.indexOf('({'))}${modules.join('\n')}},{},[1]);\n`;
    const paths = new Set(['static/bundle.js', 'lib/m2.js']);
    for (let d = 0; d < 3000; d++) paths.add(`src/d${d}/x.js`);
    const started = Date.now();
    expect(browserifyModules(text)?.modules.size).toBe(n);
    expect(await onlyCopyLines(text, 'static/bundle.js', paths, () => Promise.resolve(undefined))).toEqual(
      [],
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

// log.io 0.3.4's web client (lib/log.io.js), reduced: browserify 1's prelude, a library under /node_modules/, the
// package's own client and its templates, then the entry required by name and the process shim.
const V1_PRELUDE = `var require = function (file, cwd) {
    var resolved = require.resolve(file, cwd || '/');
    var mod = require.modules[resolved];
    return mod();
};
`;
const V1_MODULES = `require.define("/node_modules/underscore/underscore.js",function(require,module,exports,__dirname,__filename,process,global){//     Underscore.js 1.4.4
  _.template = function(text, data, settings) { return new Function(settings.variable || 'obj', '_', source); };
});
require.define("/src/templates.coffee",function(require,module,exports,__dirname,__filename,process,global){(function() {
  exports.logMessage = "<p><span class='message'><%= msg %></span></p>";
}).call(this);
});
require.define("/common/util.js",function(require,module,exports,__dirname,__filename,process,global){
exports.parseQueryParams = function (locationSearch) { return locationSearch.slice(1).split('&'); };
});
require.define("/src/client.coffee",function(require,module,exports,__dirname,__filename,process,global){
(function() {
  var templates = require('./templates'), _ = require('underscore'), util = require('../common/util');
  LogScreenView.prototype.logTemplate = _.template(templates.logMessage);
  document.getElementById('screen').innerHTML = window.location.hash.slice(1);
}).call(this);
});
require("/src/client.coffee");
var process = require("__browserify_process");
`;

describe('browserify 1 bundles (require.define of modules named by path)', () => {
  const text = V1_PRELUDE + V1_MODULES;
  const lineOf = (s: string): number => text.split('\n').findIndex((l) => l.includes(s)) + 1;
  const inRanges = (ranges: [number, number][], line: number): boolean =>
    ranges.some(([a, b]) => line >= a && line <= b);

  it("reads modules by path, resolves a module's relative requires against its own path, and the entries", () => {
    const b = browserifyModules(text)!;
    expect([...b.modules.keys()]).toEqual([
      '/node_modules/underscore/underscore.js',
      '/src/templates.coffee',
      '/common/util.js',
      '/src/client.coffee',
    ]);
    expect(b.entries).toEqual(['/src/client.coffee']);
    expect(b.modules.get('/src/client.coffee')!.deps).toEqual({
      './templates': '/src/templates.coffee',
      '../common/util': '/common/util.js',
    });
    expect(b.modules.get('/src/templates.coffee')!.firstLine).toBe(lineOf('/src/templates.coffee'));
    // Own: the entry and its templates; not the library it requires by name.
    expect(ownModules(b).map((m) => m.id)).toEqual([
      '/src/templates.coffee',
      '/common/util.js',
      '/src/client.coffee',
    ]);
  });

  it('keeps nothing when the sources ship beside it (log.io: src/*.coffee and their compiled lib/*.js)', async () => {
    const files: Record<string, string> = {
      'package.json': '{}',
      'lib/log.io.js': text,
      'src/client.coffee': "templates = require './templates'\n",
      'src/templates.coffee': 'exports.logMessage = """<p></p>"""\n',
      'common/util.js': 'exports.parseQueryParams = (s) => s.slice(1).split("&");\n',
    };
    const read = (p: string): Promise<string | undefined> => Promise.resolve(files[p]);
    expect(await onlyCopyLines(text, 'lib/log.io.js', new Set(Object.keys(files)), read)).toEqual([]);
  });

  it("keeps the package's own client when the bundle is its only copy, never the library's lines", async () => {
    // Its util ships beside the bundle (so the bundle is the package's build), its client does not.
    const util = text.slice(
      text.indexOf('exports.parseQueryParams'),
      text.indexOf('};', text.indexOf('exports.parseQueryParams')) + 2,
    );
    const files: Record<string, string> = {
      'package.json': '{}',
      'lib/log.io.js': text,
      'shared/util.js': util,
    };
    const read = (p: string): Promise<string | undefined> => Promise.resolve(files[p]);
    const ranges = await onlyCopyLines(text, 'lib/log.io.js', new Set(Object.keys(files)), read);
    expect(inRanges(ranges, lineOf('window.location.hash'))).toBe(true);
    expect(inRanges(ranges, lineOf('new Function'))).toBe(false);
    expect(inRanges(ranges, lineOf('exports.parseQueryParams'))).toBe(false);
  });
});
