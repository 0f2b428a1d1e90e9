"use strict";

// bad.js as Babel compiles its ES-module form: `(0, _child_process.exec)(…)`, the default import through
// `_interopRequireDefault`, the namespace import through `_interopRequireWildcard`.
var _child_process = require("child_process");
var cp = _interopRequireWildcard(require("child_process"));
var _express = _interopRequireDefault(require("express"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
function _interopRequireWildcard(e) { if (e && e.__esModule) return e; var n = { default: e }; for (var k in e) n[k] = e[k]; return n; }
const app = (0, _express.default)();
app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: code/js-command-injection
  (0, _child_process.exec)('ping -c 1 ' + host, (err, out) => res.send(out));
});
app.post('/convert', (req, res) => {
  const {
    file,
    format
  } = req.body;
  const args = `${file} out.${format}`;
  // ruleid: code/js-command-injection
  const child = (0, _child_process.spawn)('convert ' + args, {
    shell: true
  });
  child.on('exit', () => res.end());
});
function archive(name) {
  // ruleid: code/js-command-injection
  return cp.execSync(`tar czf /tmp/${name}.tgz /data`);
}
app.post('/archive', (req, res) => {
  archive(req.body.name);
  res.end();
});
app.get('/grep', (req, res) => {
  // ruleid: code/js-command-injection
  const child = (0, _child_process.spawn)('sh', ['-c', `grep -r ${req.query.term} /var/log`]);
  child.stdout.pipe(res);
});
