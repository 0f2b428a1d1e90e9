const express = require('express');
const { execFile } = require('child_process');
const app = express();
app.use(express.json());

// What `git status` listed, keyed by file name: a name the client sends picks one of them or nothing.
async function statusOf(repo) {
  return new Promise((resolve) => execFile('git', ['status', '--porcelain'], { cwd: repo }, (e, out) => resolve(parse(out))));
}

function parse(out) {
  const files = {};
  for (const line of String(out).split('\n')) if (line) files[line.slice(3)] = { isNew: line.startsWith('??') };
  return { files };
}

app.get('/diff', async (req, res) => {
  const name = req.query.file;
  const status = await statusOf('/srv/repo');
  const file = status.files[name];
  if (!file) return res.status(404).end();
  execFile('git', ['diff', '--no-index', '/dev/null', name], { cwd: '/srv/repo' }, (e, out) => res.send(out));
});

app.post('/add', (req, res) => {
  const name = req.body.file;
  statusOf('/srv/repo').then((status) => {
    if (status.files[name] && status.files[name].isNew) {
      execFile('git', ['add', name], { cwd: '/srv/repo' }, () => res.end());
    } else {
      res.status(404).end();
    }
  });
});
