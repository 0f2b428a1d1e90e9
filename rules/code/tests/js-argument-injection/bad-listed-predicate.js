const express = require('express');
const simpleGit = require('simple-git');
const app = express();
const git = simpleGit('/srv/repo');

async function isBranchExists(repo, branch) {
  const branchExists = await repo.branchLocal().then(({ all }) => all.includes(branch));
  return branchExists;
}

// Not awaited: the promise is always truthy, so `!exists` never refuses.
app.post('/checkout', async (req, res) => {
  const { branch } = req.body;
  const exists = isBranchExists(git, branch);
  if (!exists) return res.status(422).end();
  // ruleid: code/js-argument-injection
  await git.checkout(branch);
  res.end();
});

// The answer is tested, but the failing branch goes on.
app.post('/pull', async (req, res) => {
  const { branch } = req.body;
  if (!(await isBranchExists(git, branch))) console.warn('unknown branch', branch);
  // ruleid: code/js-argument-injection
  await git.pull('origin', branch);
  res.end();
});

// True also for a name the list does not hold.
const isListedOrNamed = (names, name) => names.includes(name) || name.length > 0;
app.post('/merge', async (req, res) => {
  const from = req.body.from;
  const { all } = await git.branchLocal();
  if (!isListedOrNamed(all, from)) return res.status(404).end();
  // ruleid: code/js-argument-injection
  await git.merge([from]);
  res.end();
});

// Checks another value than the one it is given for.
const isKnown = (names, name) => names.includes('main');
app.post('/rebase', async (req, res) => {
  const onto = req.body.onto;
  const { all } = await git.branchLocal();
  if (!isKnown(all, onto)) return res.status(404).end();
  // ruleid: code/js-argument-injection
  await git.rebase([onto]);
  res.end();
});
