// A file that names the page's globals and Node's (`require('…')`, `module.exports`): a boot file run in both
// places, or a server module that mentions `window`. Not a page script only: eval of a value is reported.
const path = require('path');

function load(code, name) {
  if (typeof window !== 'undefined') window.loaded = name;
  // ruleid: code/js-code-injection-audit
  return eval(code + '\n//# sourceURL=' + path.basename(name));
}

module.exports = { load };
