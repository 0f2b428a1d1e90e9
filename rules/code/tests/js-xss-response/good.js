const express = require('express');
const escapeHtml = require('escape-html');
const app = express();

app.get('/hello', (req, res) => {
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
});

app.get('/api/hello', (req, res) => {
  res.json({ greeting: `Hello ${req.query.name}` });
});

app.get('/page', (req, res) => {
  res.render('page', { name: req.query.name });
});

app.get('/count', (req, res) => {
  res.send(`<p>${parseInt(req.query.n, 10)} items</p>`);
});

const LANGS = { en: 'English', de: 'Deutsch' };
app.get('/locales/:locale', (req, res) => {
  const locale = req.params.locale.split('.')[0];
  if (Object.prototype.hasOwnProperty.call(LANGS, locale)) {
    res.send(`<p lang="${locale}">${LANGS[locale]}</p>`);
  } else {
    res.status(404).send('Language not available');
  }
});
