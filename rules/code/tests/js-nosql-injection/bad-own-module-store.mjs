// ES modules: `tokens.find(…)` is the program's own `export function find`, which queries NeDB.
import express from 'express';
import mongoose from 'mongoose';
import * as tokens from './lib-token-store.mjs';

mongoose.connect(process.env.MONGO_URL);

const app = express();

app.get('/check', (req, res) => {
  // ruleid: code/js-nosql-injection
  tokens.find({ token: req.query.key }, (err, token) => res.json({ ok: Boolean(token) }));
});
