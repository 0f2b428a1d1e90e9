const express = require('express');
const path = require('path');
const { spawn } = require('child_process');
const app = express();
app.use(express.json());

const repoDir = 'repos';

// `path.join` and `path.normalize` keep a relative path relative: `path.join('', '-uevil')` is `-uevil`, and
// `path.normalize('a/../--upload-pack=x')` is `--upload-pack=x`.
app.post('/init', (req, res) => {
  const dir = path.normalize(req.body.repo);
  // ruleid: code/js-argument-injection
  spawn('git', ['init', '--bare', dir]).on('exit', () => res.end());
});

app.post('/clone', (req, res) => {
  // ruleid: code/js-argument-injection
  spawn('git', ['clone', path.join(req.body.name), repoDir]).on('exit', () => res.end());
});

// A function named `resolve` that is not the path module's answers what it likes.
const resolve = (base, name) => name || base;
app.post('/fetch', (req, res) => {
  // ruleid: code/js-argument-injection
  spawn('git', ['fetch', resolve(repoDir, req.body.remote)]).on('exit', () => res.end());
});

// The absolute path split into words: a part after a space can start with '-'.
app.post('/log', (req, res) => {
  // ruleid: code/js-argument-injection
  spawn('git', ['log', ...path.resolve(repoDir, req.body.range).split(' ')]).on('exit', () => res.end());
});

// The absolute path cut back to the part under the root (`/srv/repos/--upload-pack=x` → `--upload-pack=x`):
// the result does not start as the path did.
app.post('/mirror', (req, res) => {
  const root = path.resolve(repoDir);
  // ruleid: code/js-argument-injection
  spawn('git', ['clone', path.resolve(root, req.body.name).slice(root.length + 1)]).on('exit', () => res.end());
});

app.post('/prune', (req, res) => {
  const full = path.resolve(repoDir, req.body.name);
  const rel = full.replace(path.resolve(repoDir) + '/', '');
  // ruleid: code/js-argument-injection
  spawn('git', ['gc', rel]).on('exit', () => res.end());
});
