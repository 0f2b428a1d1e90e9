const { spawn, execFile } = require('child_process');
const childProcess = require('child_process');
const execa = require('execa');
const express = require('express');
const app = express();

// `--` ends the options: whatever follows is a repository or path, never an option.
app.post('/clone', (req, res) => {
  const url = req.body.url.trim();
  const git = spawn('git', ['clone', '--', url, 'work']);
  git.on('close', (code) => res.json({ code }));
});

// '--' pushed before the request value.
app.post('/checkout', (req, res) => {
  const args = ['checkout', '--'];
  args.push(req.body.path);
  execFile('git', args, (err, out) => res.send(out));
});

// A constant prefix: the value starts with `refs/heads/`, never with '-'.
app.get('/log', (req, res) => {
  childProcess.execFile('git', ['log', 'refs/heads/' + req.query.branch], (err, out) => res.send(out));
});

// The option form carries the value inside one argument.
app.get('/show', async (req, res) => {
  const { stdout } = await execa('git', ['log', `--author=${req.query.author}`, '--format=%H']);
  res.send(stdout);
});

// A number cannot be an option.
app.get('/head', (req, res) => {
  execFile('git', ['log', '-n', String(parseInt(req.query.count, 10))], (err, out) => res.send(out));
});

// Validated: a leading '-' is refused before the call.
app.get('/branch', (req, res) => {
  const name = req.query.name;
  if (name.startsWith('-')) return res.status(400).end();
  execFile('git', ['branch', name], (err, out) => res.send(out));
});

// Validated by a regex that cannot match a leading '-'.
app.get('/tag', (req, res) => {
  const tag = req.query.tag;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(tag)) return res.status(400).end();
  execFile('git', ['tag', tag], (err, out) => res.send(out));
});

// Chosen from a list the program fixes.
const FORMATS = ['short', 'full'];
app.get('/pretty', (req, res) => {
  const fmt = req.query.format;
  if (!FORMATS.includes(fmt)) return res.status(400).end();
  execFile('git', ['log', '--pretty', fmt], (err, out) => res.send(out));
});

// No request data in the arguments.
app.get('/status', (req, res) => {
  execFile('git', ['status', '--porcelain'], (err, out) => res.send(out));
});
