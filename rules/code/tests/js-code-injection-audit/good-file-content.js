// Code read from the program's own disk, as `require` would load it: a JavaScript configuration file
// named on the command line, and a library's mode table run in a sandbox to read it.
const fs = require('fs');
const path = require('path');
const vm = require('vm');

function loadConfig(file, done) {
  fs.readFile(file, function (err, data) {
    if (err) throw err;
    const config = eval('config = ' + data);
    done(config);
  });
}

function readModes(dir, callback) {
  fs.readFile(path.join(dir, 'mode/meta.js'), (err, js) => {
    if (err) return callback(err);
    const sandbox = { CodeMirror: {} };
    vm.runInNewContext(js, sandbox);
    callback(null, sandbox.CodeMirror.modeInfo);
  });
}

function loadPlugin(file) {
  const code = '"use strict";' + fs.readFileSync(file).toString();
  return vm.runInNewContext(code, { exports: {} });
}

loadConfig(process.argv[2], (c) => console.log(c));
module.exports = { readModes, loadPlugin };

// The data of a read file, turned into text in its callback before it is evaluated: still the file's text.
function loadContext(file, done) {
  fs.readFile(file, function (err, raw) {
    if (err) return done(err);
    raw = raw.toString().trim();
    return done(null, eval('(' + raw + ')'));
  });
}
module.exports.loadContext = loadContext;
