const express = require('express');
const simpleGit = require('simple-git');

const app = express();
const git = simpleGit('/srv/repos/site');

// `url` may be `--upload-pack=…` or `-c core.sshCommand=…`.
app.post('/import', async (req, res) => {
  // ruleid: code/js-argument-injection
  await simpleGit().clone(req.body.url, `/srv/repos/${Date.now()}`);
  res.sendStatus(201);
});

app.post('/raw', async (req, res) => {
  // ruleid: code/js-argument-injection
  const out = await git.raw(['log', '--format=%H', req.body.range]);
  res.json(out.split('\n'));
});

app.post('/switch', async (req, res) => {
  // ruleid: code/js-argument-injection
  await git.checkout(req.body.branch);
  res.sendStatus(204);
});

app.post('/pull', async (req, res) => {
  // ruleid: code/js-argument-injection
  await git.pull('origin', req.query.branch, { '--rebase': 'true' });
  res.sendStatus(204);
});
