// Fixed redirect targets.
const express = require('express');
const app = express();
const HOME = '/home';

app.get('/a', (req, res) => res.redirect('/login'));
app.get('/b', (req, res) => res.redirect(301, HOME));
app.get('/c', (req, res) => res.redirect(`${HOME}/welcome`));
