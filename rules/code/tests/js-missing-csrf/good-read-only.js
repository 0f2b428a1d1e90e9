// Sessions but no route that changes anything: nothing to forge.
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
app.get('/me', (req, res) => res.json(req.session.user ?? null));
app.get('/reports/:id', (req, res) => res.render('report', { id: req.params.id }));
