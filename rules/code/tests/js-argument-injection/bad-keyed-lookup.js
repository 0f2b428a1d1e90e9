const express = require('express');
const { execFile } = require('child_process');
const app = express();
app.use(express.json());

const known = { main: true, dev: true };

// The lookup on the wrong side: a name that is no key goes on to git.
app.get('/log', (req, res) => {
  const branch = req.query.branch;
  if (!known[branch]) {
    // ruleid: code/js-argument-injection
    execFile('git', ['log', branch], (e, out) => res.send(out));
    return;
  }
  res.status(400).end();
});

// A map the request itself gave: its keys are the client's too.
app.post('/checkout', (req, res) => {
  const { branch, allowed } = req.body;
  if (!allowed[branch]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['checkout', branch], () => res.end());
});

// The value compared, not tested for truth: a miss (`undefined`) passes the check.
app.post('/reset', (req, res) => {
  const mode = req.body.mode;
  if (known[mode] === false) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['reset', mode], () => res.end());
});

// Another value looked up than the one passed on.
app.post('/merge', (req, res) => {
  const { branch, other } = req.body;
  if (!known[branch]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['merge', other], () => res.end());
});

// The same through a name bound to the request's object, and the request's object read in place.
app.post('/tag', (req, res) => {
  const tags = req.body.tags;
  const name = req.body.name;
  if (!tags[name]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['tag', name], () => res.end());
});

app.post('/branch', (req, res) => {
  const name = req.body.name;
  if (!req.body.names[name]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['branch', name], () => res.end());
});

// A member of a name bound to the request's object: `body.tags` is the client's map.
app.post('/note', (req, res) => {
  const body = req.body;
  const name = body.name;
  if (!body.tags[name]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['notes', 'show', name], () => res.end());
});

// A map the handler fills from the request's own list: every name the client sent is a key.
app.post('/fetch', (req, res) => {
  const allowed = {};
  for (const r of req.body.remotes) allowed[r] = true;
  const remote = req.body.remote;
  if (!allowed[remote]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['fetch', remote], () => res.end());
});

// The request's text parsed in place.
app.post('/rebase', (req, res) => {
  const data = JSON.parse(req.body.payload);
  const name = data.onto;
  if (!data.ok[name]) return res.status(400).end();
  // ruleid: code/js-argument-injection
  execFile('git', ['rebase', name], () => res.end());
});
