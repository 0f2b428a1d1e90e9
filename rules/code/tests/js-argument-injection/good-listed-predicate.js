const express = require('express');
const simpleGit = require('simple-git');
const app = express();
const git = simpleGit('/srv/repo');

// A predicate answering whether the name is one of the repository's branches (a list the program read).
async function isBranchExists(repo, branch) {
  const branchExists = await repo.branchLocal().then(({ all }) => all.includes(branch));
  return branchExists;
}

const isKnownRemote = (names, name) => names.has(name);

app.post('/checkout', async (req, res) => {
  const { branch } = req.body;
  const exists = await isBranchExists(git, branch);
  if (!exists) return res.status(422).json({ error: 'unknown branch' });
  await git.checkout(branch);
  res.end();
});

app.post('/fetch', async (req, res) => {
  const remote = req.body.remote;
  const names = new Set((await git.getRemotes()).map((r) => r.name));
  if (!isKnownRemote(names, remote)) return res.status(404).end();
  await git.fetch(remote);
  res.end();
});
