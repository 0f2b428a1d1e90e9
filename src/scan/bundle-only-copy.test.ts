import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../analyzers/index.js';
import { defaultConfig } from '../policy/config.js';
import { runScan } from './run-scan.js';

const PRELUDE =
  '(function(){function r(e,n,t){function o(i,f){if(!n[i]){}}return o}return r})()({1:[function(require,module,exports){\n';

// karma 6's client, as its package ships it: a browserify bundle of its own client (entry 2) and of its
// `common/util.js`, which ships beside it; the client's sources do not.
const UTIL = `exports.parseQueryParams = function (locationSearch) {
  var params = {}
  var pairs = locationSearch.slice(1).split('&')
  pairs.forEach(function (pair) { params[pair.split('=')[0]] = pair.split('=')[1] })
  return params
}`;
const BUNDLE = `${PRELUDE}${UTIL}
},{}],2:[function(require,module,exports){
var util = require('../common/util')
function Karma (location) {
  var queryParams = util.parseQueryParams(location.search)
  var returnUrl = new URLSearchParams(location.search).get('return_url') || queryParams.return_url
  this.complete = function () {
    if (returnUrl) {
      location.href = returnUrl
    }
  }
}
module.exports = Karma
},{"../common/util":1}],3:[function(require,module,exports){
var Karma = require('./karma')
window.karma = new Karma(window.location)
},{"./karma":2}]},{},[3]);
`;

async function scan(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'vg-bundle-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), t);
  }
  const r = await runScan({
    path: root,
    registry: createRegistry(),
    config: defaultConfig(),
    defaultIgnores: false,
    only: ['code'],
  });
  return r.findings.map(
    (f) => `${f.ruleId} ${f.location.path}:${f.location.startLine} ${f.role ?? 'source'}`,
  );
}

describe("a browserify bundle that is the package's only copy of its own client", () => {
  it('reports the client code in the bundle, in the role of its path', async () => {
    const found = await scan({ 'package.json': '{}', 'common/util.js': UTIL, 'static/karma.js': BUNDLE });
    expect(found).toEqual(['code/js-open-redirect static/karma.js:15 source']);
  });

  it("stays left out when the client's sources ship beside it", async () => {
    // client/karma.js as written (an ES module the build rewrote): the bundle's `./karma` and `../common/util`
    // are files under client/; the bundle itself, static/karma.js, is no source of its `./karma`.
    const client = "import util from '../common/util'\nexport default { util }\n";
    const files = {
      'package.json': '{}',
      'common/util.js': UTIL,
      'client/karma.js': client,
      'static/karma.js': BUNDLE,
    };
    expect(await scan(files)).toEqual([]);
  });
});
