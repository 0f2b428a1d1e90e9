// ES modules: `bundles.find(req.body)` is the program's own `export function find`, which filters an array.
import mongoose from 'mongoose';
import express from 'express';
import * as bundles from './lib-bundle-list.mjs';

const Graphic = mongoose.model('Graphic');
const app = express();
app.use(express.json());

app.post('/bundle', (req, res) => {
  res.json(bundles.find(req.body));
});

app.get('/graphics', async (req, res) => {
  res.json(await Graphic.find({ kind: String(req.query.kind) }));
});
