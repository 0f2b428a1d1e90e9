const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();

const installed = [];
const byName = (name) => (entry) => entry.name === name;

function cleanup(dir, name) {
  // ruleid: code/js-path-traversal
  fs.rmSync(path.join(dir, 'node_modules', name), { recursive: true, force: true });
}

// The lookup's answer is not what decides: the name goes on either way.
app.post('/remove/:name', (req, res) => {
  const name = req.params.name;
  const known = installed.find(byName(name));
  res.json(known ? 'removing' : 'removing an unknown module');
  cleanup(__dirname, name);
});

// A lookup that only logs its miss.
app.get('/meta/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.find((p) => p.package.name === name)) console.log('not listed');
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(`${__dirname}/${name}/package.json`, 'utf8'));
});

// A predicate from a factory not named for equality tests what it likes: here a prefix, which
// `/srv/public/../../etc/passwd` passes.
const roots = ['/srv/public'];
const under = (file) => (root) => file.startsWith(root);
app.get('/file', (req, res) => {
  const file = req.query.file;
  if (!roots.some(under(file))) return res.status(403).end();
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(file, 'utf8'));
});
