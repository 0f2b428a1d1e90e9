// A value run whole is reported however the call wraps it: as a called function (`'(' + fn + ')()'`), as a
// function's body, as the expression a `return` gives back, with a `//# sourceURL=` comment naming it. Text built
// in place that names a request read is reported too: its writer is in sight.
const vm = require('vm');

function wait(fnText) {
  // ruleid: code/js-code-injection-audit
  return eval('(' + fnText + ')()');
}

function ruleScript(content) {
  // ruleid: code/js-code-injection-audit
  return new vm.Script('(function(){\n' + content + '\n})()');
}

function valueOf(dataPath, data) {
  // ruleid: code/js-code-injection-audit
  return new Function('data', 'return ' + dataPath + ';')(data);
}

function load(code, filename, sandbox) {
  // ruleid: code/js-code-injection-audit
  return vm.runInContext('return ' + code + '\n\n//# sourceURL=' + filename, sandbox);
}

function compare(req, price) {
  // ruleid: code/js-code-injection-audit
  return eval(`${price} ${req.query.op} 10`);
}
module.exports = { wait, ruleScript, valueOf, load, compare };

function inject(fnText, config, logger) {
  // ruleid: code/js-code-injection-audit
  return eval('(' + fnText + ')(config, logger)');
}
module.exports.inject = inject;
