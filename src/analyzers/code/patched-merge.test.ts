import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { atLeastFixed } from './patched-merge.js';

// js-prototype-pollution is a rule of the opt-in audit profile (stop 56): these scans choose it.
const AUDIT = { profile: 'audit' };

/** Analyzes one file of an in-memory project the way a scan does (its package.json is readable). */
async function lines(
  code: string,
  lodash: string | undefined,
  field = 'dependencies',
  more: Record<string, unknown> = {},
  extra: Record<string, string> = {},
): Promise<number[]> {
  const pkg = JSON.stringify(
    lodash === undefined ? { name: 'app' } : { name: 'app', [field]: { lodash }, ...more },
  );
  const files = { 'package.json': pkg, 'lib/runner.js': code, ...extra };
  const ctx = makeMemoryContext(
    files,
    AUDIT,
    `/virtual-merge-${code.length}-${lodash ?? 'none'}-${field}-${Object.keys(more).join()}-${Object.keys(extra).join()}`,
  );
  const found: RawFinding[] = await codeAnalyzer.analyze(makeSourceFile('lib/runner.js', code), ctx);
  return found.filter((f) => f.ruleId === 'code/js-prototype-pollution').map((f) => f.location.startLine);
}

// karma's `karma run` endpoint: the request's JSON body deep-merged into the client's arguments.
const RUNNER = (head: string, call = '_.merge(config.client.args, data.args)'): string => `${head}
module.exports = function (config) {
  return function (request, response) {
    const data = request.body;
    config.client.args = ${call};
    response.end('ok');
  };
};
`;
const REQUIRED = "const _ = require('lodash');";

describe('a lodash merge of a version that skips prototype keys', () => {
  it('drops the merge when the package asks for lodash 4.17.21 or later', async () => {
    expect(await lines(RUNNER(REQUIRED), '^4.17.21')).toEqual([]);
    expect(await lines(RUNNER("import _ from 'lodash';"), '~4.17.21')).toEqual([]);
    expect(
      await lines(
        RUNNER("import * as lodash from 'lodash-es';", 'lodash.defaultsDeep({}, data)'),
        '>=4.17.21',
      ),
    ).toEqual([]);
    expect(await lines(RUNNER("var _ = require('lodash');", '_.set({}, data.path, 1)'), '4.17.21')).toEqual(
      [],
    );
  });

  it('keeps it for an older, unknown or unasked-for lodash', async () => {
    expect(await lines(RUNNER(REQUIRED), '^4.17.4')).toEqual([5]);
    expect(await lines(RUNNER(REQUIRED), '^4.17.20')).toEqual([5]);
    expect(await lines(RUNNER(REQUIRED), '*')).toEqual([5]);
    expect(await lines(RUNNER(REQUIRED), '^3.10.1 || ^4.17.21')).toEqual([5]);
    expect(await lines(RUNNER(REQUIRED), undefined)).toEqual([5]);
    // A development dependency is not what the program loads in production.
    expect(await lines(RUNNER(REQUIRED), '^4.17.21', 'devDependencies')).toEqual([5]);
    // An override pins the copy installed, whatever the range says.
    expect(
      await lines(RUNNER(REQUIRED), '^4.17.21', 'dependencies', { overrides: { lodash: '4.17.4' } }),
    ).toEqual([5]);
    expect(
      await lines(RUNNER(REQUIRED), '^4.17.21', 'dependencies', { resolutions: { '**/lodash': '4.17.4' } }),
    ).toEqual([5]);
  });

  it('keeps it when the lockfile or a shipped node_modules installs an older lodash (review41)', async () => {
    const lock = (version: string) =>
      JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/lodash': { version } } });
    const shipped = (version: string) => JSON.stringify({ name: 'lodash', version });
    const at = (extra: Record<string, string>) =>
      lines(RUNNER(REQUIRED), '^4.17.21', 'dependencies', {}, extra);
    expect(await at({ 'package-lock.json': lock('4.17.20') })).toEqual([5]);
    expect(await at({ 'node_modules/lodash/package.json': shipped('4.17.4') })).toEqual([5]);
    expect(await at({ 'package-lock.json': lock('4.17.21') })).toEqual([]);
    // The module's merge replaced by the file.
    expect(await lines(RUNNER(`${REQUIRED}\n_.merge = require('./deep-assign');`), '^4.17.21')).toEqual([6]);
    expect(
      await lines(RUNNER(`${REQUIRED}\n_.mixin({ merge: require('./deep-assign') });`), '^4.17.21'),
    ).toEqual([6]);
  });

  it('keeps it for another library or a name written again', async () => {
    expect(await lines(RUNNER("const _ = require('./lodash');"), '^4.17.21')).toEqual([5]);
    expect(
      await lines(RUNNER("const _ = require('underscore');\nconst l = require('lodash');"), '^4.17.21'),
    ).toEqual([6]);
    expect(
      await lines(
        RUNNER("var _ = require('lodash');\nif (process.env.OLD) _ = require('./old-lodash');"),
        '^4.17.21',
      ),
    ).toEqual([6]);
    // jQuery's deep extend is not lodash's.
    expect(
      await lines(
        RUNNER("const $ = require('jquery');\nconst _ = require('lodash');", '$.extend(true, {}, data)'),
        '^4.17.21',
      ),
    ).toEqual([6]);
  });

  it('reads the lowest version of one range only', () => {
    expect(atLeastFixed('^4.17.21')).toBe(true);
    expect(atLeastFixed('>=4.17.21 <5')).toBe(true);
    expect(atLeastFixed('4.18.0')).toBe(true);
    expect(atLeastFixed('^4.17.15')).toBe(false);
    expect(atLeastFixed('^5.0.0')).toBe(false);
    expect(atLeastFixed('latest')).toBe(false);
    expect(atLeastFixed('>4.17.0')).toBe(false);
  });
});

/** The prototype-pollution lines of lib/runner.js in an in-memory project of these files. */
async function reported(files: Record<string, string>): Promise<string[]> {
  const code = files['lib/runner.js']!;
  const ctx = makeMemoryContext(files, AUDIT, `/virtual-merge-files-${JSON.stringify(files).length}`);
  const found: RawFinding[] = await codeAnalyzer.analyze(makeSourceFile('lib/runner.js', code), ctx);
  return found
    .filter((f) => f.ruleId === 'code/js-prototype-pollution')
    .map((f) => `${f.location.path}:${f.location.startLine}`);
}

// An Express handler that hands the request's body to a helper of another file of the application.
const HANDLER = `const { apply } = require('./apply');
module.exports = function (req, res) {
  res.json(apply({}, req.body));
};
`;
const manifest = (deps: Record<string, string>) => JSON.stringify({ name: 'app', dependencies: deps });

describe('a guarded merge or set reached through an import', () => {
  const helper = (head: string, call: string) => `${head}
exports.apply = function (target, patch) {
  return ${call};
};
`;
  it('drops the sink in the imported file when its module is a guarded version', async () => {
    const files = (deps: Record<string, string>, head: string, call: string) => ({
      'package.json': manifest(deps),
      'lib/runner.js': HANDLER,
      'lib/apply.js': helper(head, call),
    });
    const merge = files(
      { lodash: '4.17.21' },
      "const lodash_1 = require('lodash');",
      '(0, lodash_1.merge)(target, patch)',
    );
    expect(await reported(merge)).toEqual([]);
    // The same flow to an older lodash is still reported, at the imported file's line.
    const old = files(
      { lodash: '^4.17.4' },
      "const lodash_1 = require('lodash');",
      '(0, lodash_1.merge)(target, patch)',
    );
    expect(await reported(old)).toEqual(['lib/apply.js:3']);
  });
});

describe("object-path's set on its default instance", () => {
  const setter = (head: string, call = 'objectPath.set(state, req.body.path, req.body.value)') => `${head}
const state = {};
module.exports = function (req, res) {
  ${call};
  res.end('ok');
};
`;
  const run = (code: string, deps: Record<string, string>, extra: Record<string, string> = {}) =>
    reported({ 'package.json': manifest(deps), 'lib/runner.js': code, ...extra });
  const REQ = "const objectPath = require('object-path');";

  it('drops it from 0.11.5 on (own properties only; the magic keys refused)', async () => {
    expect(await run(setter(REQ), { 'object-path': '^0.11.5' })).toEqual([]);
    expect(await run(setter("import objectPath from 'object-path';"), { 'object-path': '0.11.8' })).toEqual(
      [],
    );
  });

  it('keeps older versions, the inherited-properties instances and a lock with an older copy', async () => {
    expect(await run(setter(REQ), { 'object-path': '^0.11.4' })).toEqual(['lib/runner.js:4']);
    expect(await run(setter(REQ), {})).toEqual(['lib/runner.js:4']);
    const inherited = "const objectPath = require('object-path').withInheritedProps;";
    expect(await run(setter(inherited), { 'object-path': '^0.11.8' })).toEqual(['lib/runner.js:4']);
    const created = "const objectPath = require('object-path').create({ includeInheritedProps: true });";
    expect(await run(setter(created), { 'object-path': '^0.11.8' })).toEqual(['lib/runner.js:4']);
    const lock = JSON.stringify({
      lockfileVersion: 1,
      dependencies: { 'object-path': { version: '0.11.4' } },
    });
    expect(await run(setter(REQ), { 'object-path': '^0.11.5' }, { 'package-lock.json': lock })).toEqual([
      'lib/runner.js:4',
    ]);
    // lodash's guarded version says nothing about object-path, nor the reverse.
    expect(await run(setter(REQ), { lodash: '4.17.21' })).toEqual(['lib/runner.js:4']);
  });
});
