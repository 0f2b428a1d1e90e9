// Data an error-first callback receives from anything but a file read is not the program's code: a value
// from a store, the body of an HTTP response.
const vm = require('vm');
const https = require('https');

function runStored(db, key) {
  db.get(key, (err, code) => {
    if (err) throw err;
    // ruleid: code/js-code-injection-audit
    eval(code);
  });
}

function runFetched(url, request) {
  request(url, (err, res, body) => {
    if (err) throw err;
    // ruleid: code/js-code-injection-audit
    vm.runInNewContext(body, {});
  });
}

function runReassigned(fs, file, extra) {
  fs.readFile(file, 'utf8', (err, data) => {
    if (err) throw err;
    data = data + extra;
    // ruleid: code/js-code-injection-audit
    eval(data);
  });
}
module.exports = { runStored, runFetched, runReassigned, https };

// A file under a temporary or upload folder, or read while handling a request, may be one a user wrote.
function runUploaded(fs, name) {
  fs.readFile('/tmp/uploads/' + name, (err, data) => {
    // ruleid: code/js-code-injection-audit
    if (!err) eval(data);
  });
}

function handler(fs, req, res) {
  // ruleid: code/js-code-injection-audit
  res.json(eval('' + fs.readFileSync('plugins/' + req.params.name + '.js')));
}
module.exports.more = { runUploaded, handler };
