const express = require('express');
const path = require('path');
const { spawn } = require('child_process');
const { resolve } = require('node:path');
const app = express();
app.use(express.json());

const repoDir = '/srv/repos';

// `path.resolve` answers an absolute path: it starts with '/', so git reads it as a name, never an option
// (what the name can still do is leave the folder: that is code/js-path-traversal's).
const dirOf = (name) => path.normalize(name ? path.resolve(repoDir, name) : repoDir);

app.post('/init', (req, res) => {
  const dir = dirOf(req.body.repo);
  spawn('git', ['init', '--bare', dir]).on('exit', () => res.end());
});

app.post('/clone', (req, res) => {
  spawn('git', ['clone', '/srv/template', resolve(repoDir, req.body.name)]).on('exit', () => res.end());
});

app.post('/status', (req, res) => {
  spawn('git', ['-C', path.posix.resolve(repoDir, req.query.repo), 'status']).on('exit', () => res.end());
});
