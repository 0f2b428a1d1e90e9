const express = require('express');
const DOMPurify = require('isomorphic-dompurify');
const { marked } = require('marked');
const markdownit = require('markdown-it');
const _ = require('lodash');

const app = express();
// markdown-it's default escapes raw HTML.
const md = markdownit({ linkify: true });

app.post('/preview', (req, res) => {
  // Sanitised after the render.
  res.send(DOMPurify.sanitize(marked.parse(req.body.text)));
});

app.get('/page', (req, res) => {
  const html = md.render(req.query.src);
  res.send(`<main>${html}</main>`);
});

app.post('/clean', (req, res) => {
  const raw = marked(req.body.text);
  const clean = DOMPurify.sanitize(raw);
  res.send(clean);
});

app.post('/store', async (req, res) => {
  // Rendered and stored; where it is shown is not this function.
  const html = marked(req.body.text);
  await req.db.save({ html });
  res.json({ ok: true });
});

app.get('/doc', (req, res) => {
  // Sanitised before it is put in the template's context.
  res.render('doc', { body: DOMPurify.sanitize(marked(req.query.src)) });
});

app.get('/raw', (req, res) => {
  // The Markdown source itself goes to the template, which escapes it.
  res.render('raw', { source: req.query.src, title: _.escape(req.query.title) });
});

app.post('/queue', async (req, res) => {
  // Rendered and handed to a function that is not a template.
  const html = marked(req.body.text);
  await req.queue.push({ html });
  res.render('queued', { id: req.body.id });
});

module.exports = { app };
