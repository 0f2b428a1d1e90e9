// MongoDB compiles a `$regex` operand as a pattern: request data there is a pattern of the caller's.
const express = require('express');

const app = express();

app.get('/jobs', async (req, res) => {
  const { q, property } = req.query;
  const match = {};
  // ruleid: code/js-regex-injection
  match[String(property)] = { $regex: q, $options: 'i' };
  res.json(await req.app.locals.jobs.aggregate([{ $match: match }]).toArray());
});

app.get('/users', async (req, res) => {
  // ruleid: code/js-regex-injection
  const users = await req.app.locals.db.collection('users').find({ name: { '$regex': '^' + req.query.name } }).toArray();
  res.json(users);
});
