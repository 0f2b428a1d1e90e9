import { describe, expect, it } from 'vitest';
import { roleClassifier } from './file-role.js';
import { bundlerOutput, mapsBundle, ShippedBuilds } from './shipped-build.js';

/** The role of `path` in a scanned tree of `paths` (the classifier given the tree, as a scan gives it). */
function roleIn(paths: string[], path: string, contentRole?: 'generated' | 'vendored'): string {
  return roleClassifier({}, new Set(paths))(path, contentRole);
}

const PUBLISHED = [
  'package.json',
  'dist/routes/apps.js',
  'dist/routes/apps.d.ts',
  'dist/util.js',
  'dist/util.js.map',
  'dist/test/helper.js',
  'dist/test/helper.d.ts',
  'dist/vendor.min.js',
  'dist/vendor.min.js.map',
  'dist/bundle.js',
];

describe('compiled output that is the only copy of the code', () => {
  it("reads dist/ as the program's own code beside package.json, no src/ and a .d.ts or map", () => {
    expect(roleIn(PUBLISHED, 'dist/routes/apps.js')).toBe('source');
    expect(roleIn(PUBLISHED, 'dist/util.js')).toBe('source');
    // The role the path has without dist/: a compiled test is a test.
    expect(roleIn(PUBLISHED, 'dist/test/helper.js')).toBe('test');
    // A workspace package of its own.
    expect(
      roleIn(
        ['packages/a/package.json', 'packages/a/dist/x.js', 'packages/a/dist/x.d.ts'],
        'packages/a/dist/x.js',
      ),
    ).toBe('source');
  });

  it('keeps dist/ generated where the source is there, the companions are not, or the file is bundled', () => {
    expect(roleIn([...PUBLISHED, 'src/index.ts'], 'dist/routes/apps.js')).toBe('generated');
    expect(roleIn([...PUBLISHED, 'lib/routes/apps.ts'], 'dist/routes/apps.js')).toBe('generated');
    expect(
      roleIn(
        PUBLISHED.filter((p) => p !== 'package.json'),
        'dist/util.js',
      ),
    ).toBe('generated');
    expect(roleIn(PUBLISHED, 'dist/bundle.js')).toBe('generated');
    expect(roleIn(PUBLISHED, 'dist/vendor.min.js')).toBe('generated');
    // Minified, a bundler's prelude or a map of many sources: the content role decides.
    expect(roleIn(PUBLISHED, 'dist/util.js', 'generated')).toBe('generated');
    // Without the tree (a path alone), dist/ stays generated.
    expect(roleClassifier()('dist/util.js')).toBe('generated');
    expect(new ShippedBuilds(new Set(PUBLISHED)).ownPath('lib/util.js')).toBeUndefined();
  });

  it("tells a bundler's output by its map's sources and its module table", () => {
    expect(
      mapsBundle('{"version":3,"file":"a.js","sourceRoot":"","sources":["../src/a.ts"],"names":[]'),
    ).toBe(false);
    expect(mapsBundle('{"version":3,"file":"b.js","sources":["../src/a.ts","../src/b.ts"],')).toBe(true);
    expect(mapsBundle('{"version":3,"file":"c.js","mappings":";;AAAA')).toBe(false);
    expect(
      bundlerOutput(
        '(globalThis["webpackChunkapp"] = globalThis["webpackChunkapp"] || []).push([[1],{\n/***/ 6735\n',
      ),
    ).toBe(true);
    expect(bundlerOutput('var require_a = __commonJS({\n')).toBe(true);
    expect(
      bundlerOutput('"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'),
    ).toBe(false);
  });
});

describe("a program's scripts joined into one build named after it", () => {
  const DEB = [
    'usr/share/doc/sao/README.md',
    'usr/share/sao/www/dist/sao.js',
    'usr/share/sao/www/dist/sao.min.js',
    'usr/share/sao/www/dist/sao.css',
    'usr/share/sao/www/bower_components/jquery/dist/jquery.js',
    'usr/share/sao/www/index.html',
  ];

  it("reads dist/<name>.js under a folder <name> as the program's code when it is the tree's only own script", () => {
    expect(roleIn(DEB, 'usr/share/sao/www/dist/sao.js')).toBe('source');
    // Its minified copy stays generated, and so does a minified or bundled file's content.
    expect(roleIn(DEB, 'usr/share/sao/www/dist/sao.min.js')).toBe('generated');
    expect(roleIn(DEB, 'usr/share/sao/www/dist/sao.js', 'generated')).toBe('generated');
  });

  it('keeps a build no folder is named after, a vendored one, or one beside other scripts generated', () => {
    const lib = ['app/static/dist/chart.js', 'app/views.py'];
    expect(roleIn(lib, 'app/static/dist/chart.js')).toBe('generated');
    expect(roleIn(DEB, 'usr/share/sao/www/bower_components/jquery/dist/jquery.js')).toBe('vendored');
    expect(roleIn([...DEB, 'usr/share/sao/www/locale.js'], 'usr/share/sao/www/dist/sao.js')).toBe(
      'generated',
    );
  });
});

describe("a lifted module's declaration file and a file of the tests' logins", () => {
  const PKG = [
    'package.json',
    'dist/db/testCredentials.js',
    'dist/db/testCredentials.d.ts',
    'dist/db/connect.js',
    'dist/db/connect.d.ts',
  ];

  it('reads a declaration in the role of its module, and a testCredentials module as a test', () => {
    expect(roleIn(PKG, 'dist/db/connect.d.ts')).toBe('source');
    expect(roleIn(PKG, 'dist/db/testCredentials.js')).toBe('test');
    expect(roleIn(PKG, 'dist/db/testCredentials.d.ts')).toBe('test');
    expect(roleIn(['lib/test_creds.py'], 'lib/test_creds.py')).toBe('test');
  });

  it('keeps a declaration without its module, or one of a module not lifted, generated; and other credential files source', () => {
    expect(roleIn(['package.json', 'dist/a.d.ts'], 'dist/a.d.ts')).toBe('generated');
    expect(roleIn([...PKG, 'src/db/connect.ts'], 'dist/db/connect.d.ts')).toBe('generated');
    expect(roleIn(['lib/credentials.js'], 'lib/credentials.js')).toBe('source');
    expect(roleIn(['lib/latestCredentials.js'], 'lib/latestCredentials.js')).toBe('source');
  });
});
