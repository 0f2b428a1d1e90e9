"use strict";

// Compiled by Babel: `path.basename` called as `(0, _path.basename)(…)` still keeps only the file name, and
// a `startsWith` check of the resolved path still confines it.
var _express = _interopRequireDefault(require("express"));
var _fs = require("fs");
var _path = _interopRequireDefault(require("path"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
const BASE = '/srv/files/';
const app = (0, _express.default)();
app.get('/files/read', (req, res) => {
  (0, _fs.readFile)(_path.default.join(BASE, (0, _path.basename)(req.query.name)), (err, data) => res.send(data));
});
app.get('/files/resolved', (req, res) => {
  const target = _path.default.resolve(BASE, req.query.name);
  if (!target.startsWith(BASE)) return res.sendStatus(403);
  (0, _fs.readFile)(target, (err, data) => res.send(data));
});
