import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A Koa 1 registry's routes: writes go through `login`, except a sync any visitor may ask for.
const ROUTES = `var login = require('../middleware/login');
var sync = require('../controllers/sync');
var remove = require('../controllers/remove');
module.exports = function (app) {
  app.put('/:name', login, save);
  app.put('/:name/:tag', login, tag);
  app.put('/:name/-rev/:rev', login, update);
  app.put('/:name/star', login, star);
  app.put('/:name/owner', login, owner);
  app.put('/:name/deprecate', login, deprecate);
  app.put('/:name/sync', sync.sync);
  app.put('/:name/remove', remove);
};
`;

/** The missing-auth findings on routes/registry.js beside `modules`, as `rule line`. */
async function findings(modules: Record<string, string>): Promise<string[]> {
  const files = {
    'routes/registry.js': ROUTES,
    'middleware/login.js': 'module.exports = login;\n',
    ...modules,
  };
  const found = await codeAnalyzer.analyze(
    makeSourceFile('routes/registry.js', ROUTES),
    makeMemoryContext(files),
  );
  return found
    .filter((f) => f.ruleId === 'code/js-route-missing-auth')
    .map((f) => `${f.ruleId} ${f.location.startLine}`);
}

const CHECKS = `exports.sync = function* () {
  var username = this.user.name || 'anonymous';
  if (this.query.publish === 'true' && !this.user.isAdmin) return (this.status = 403);
  this.body = yield* worker.sync(this.params.name, username);
};
`;
const REMOVES = 'module.exports = function* remove() {\n  yield* packages.remove(this.params.name);\n};\n';

describe('a route handler defined in another module', () => {
  it('is not reported when that module shows it checks the signed-in user itself', async () => {
    expect(
      await findings({
        'controllers/sync.js': CHECKS,
        'controllers/remove.js': REMOVES.replace('yield*', 'if (!this.user.isAdmin) return;\n  yield*'),
      }),
    ).toEqual([]);
  });

  it('is still reported when the module checks no user, or cannot be read', async () => {
    expect(await findings({ 'controllers/sync.js': CHECKS, 'controllers/remove.js': REMOVES })).toEqual([
      'code/js-route-missing-auth 12',
    ]);
    expect(await findings({})).toEqual(['code/js-route-missing-auth 11', 'code/js-route-missing-auth 12']);
  });
});
