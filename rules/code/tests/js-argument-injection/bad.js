const { spawn, execFile } = require('child_process');
const childProcess = require('child_process');
const execa = require('execa');
const express = require('express');
const app = express();

// `url` may be `--upload-pack=touch /tmp/pwned`: git runs it.
app.post('/clone', (req, res) => {
  const url = req.body.url.trim();
  // ruleid: code/js-argument-injection
  const git = spawn('git', ['clone', url, 'work']);
  git.on('close', (code) => res.json({ code }));
});

// An array built in steps: the pushed branch name is an option to git.
app.post('/checkout', (req, res) => {
  const args = ['checkout'];
  if (req.body.force) args.push('--force');
  args.push(req.body.branch);
  // ruleid: code/js-argument-injection
  execFile('git', args, (err, out) => res.send(out));
});

// A value in a template that starts with it: `-c core.sshCommand=...` or `--output=...` fit.
app.get('/log', (req, res) => {
  // ruleid: code/js-argument-injection
  childProcess.execFile('git', ['log', `${req.query.rev}`], (err, out) => res.send(out));
});

// The '--' comes after the request value: too late.
app.get('/grep', async (req, res) => {
  // ruleid: code/js-argument-injection
  const { stdout } = await execa('git', ['grep', req.query.pattern, '--', '.']);
  res.send(stdout);
});

// Options joined with concat keep their order; the remote is still an option.
function remoteArgs(remote) {
  return ['fetch'].concat([remote]);
}
app.get('/fetch', (req, res) => {
  // ruleid: code/js-argument-injection
  childProcess.spawnSync('git', remoteArgs(req.query.remote));
  res.end();
});

// Another program: `tar` takes `--checkpoint-action=exec=...`.
app.post('/archive', (req, res) => {
  const name = req.body.name;
  // ruleid: code/js-argument-injection
  execFile('tar', ['-czf', 'out.tgz', name], () => res.end());
});
