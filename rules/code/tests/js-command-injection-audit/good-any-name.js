// `.exec` of things that are not the child_process module: a regular expression, a database handle, and
// the module itself with a fixed command.
const child = require('child_process');
const db = require('./db');
const VERSION = /^v(\d+)/;

function parse(tag, sql) {
  const m = VERSION.exec(tag);
  db.exec(sql);
  child.exec('git status', () => {});
  return m;
}
module.exports = { parse };

function local(text) {
  // A local of the module's name that is something else.
  const child = /^(\w+)/;
  return child.exec(text);
}
module.exports.local = local;
