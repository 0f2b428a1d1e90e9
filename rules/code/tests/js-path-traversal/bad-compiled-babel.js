"use strict";

// bad-imported-name.js as Babel compiles its ES-module form: the name fs gives is called as
// `(0, _fs.rename)(…)`.
Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.archive = archive;
var _express = _interopRequireDefault(require("express"));
var _fs = require("fs");
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
const app = (0, _express.default)();
app.post('/files/rename', (req, res) => {
  // ruleid: code/js-path-traversal
  (0, _fs.rename)(req.body.from, '/srv/archive/latest', () => res.end());
});
app.get('/files/read', (req, res) => {
  // ruleid: code/js-path-traversal
  (0, _fs.readFile)(`/srv/files/${req.query.name}`, (err, data) => res.send(data));
});
function archive(name) {
  return `/srv/archive/${encodeURIComponent(name)}`;
}
