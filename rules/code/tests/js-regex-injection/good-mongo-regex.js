// An escaped search term, or a fixed pattern, is matched as itself.
const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');

const app = express();

app.get('/jobs', async (req, res) => {
  const match = { name: { $regex: escapeStringRegexp(String(req.query.q)), $options: 'i' } };
  res.json(await req.app.locals.jobs.aggregate([{ $match: match }]).toArray());
});

app.get('/users', async (req, res) => {
  const users = await req.app.locals.db
    .collection('users')
    .find({ name: { $regex: '^admin-' }, team: req.query.team === 'ops' ? 'ops' : 'dev' })
    .toArray();
  res.json(users);
});
