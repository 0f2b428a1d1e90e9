const express = require('express');
const { marked } = require('marked');
const showdown = require('showdown');
const markdownit = require('markdown-it');

const app = express();
const md = markdownit({ html: true, linkify: true });
const converter = new showdown.Converter();

app.post('/preview', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  res.send(marked.parse(req.body.text));
});

app.get('/page', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  const html = md.render(req.query.src);
  res.send(`<!doctype html><main>${html}</main>`);
});

app.post('/note', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  res.status(200).send('<article>' + converter.makeHtml(req.body.note) + '</article>');
});

function show(el) {
  // ruleid: code/js-markdown-raw-html
  el.innerHTML = marked(decodeURIComponent(location.hash.slice(1)));
}

module.exports = { app, show };
