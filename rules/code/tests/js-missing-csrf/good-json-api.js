// Cookie sessions, but the application reads only JSON bodies: a forged cross-site form cannot send one, and
// PUT and DELETE from another site need a CORS preflight this server never grants.
const express = require('express');
const session = require('express-session');

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.post('/api/notes', (req, res) => {
  req.session.notes = [...(req.session.notes || []), req.body.text];
  res.status(201).json({ count: req.session.notes.length });
});
app.delete('/api/notes', (req, res) => {
  req.session.notes = [];
  res.sendStatus(204);
});
