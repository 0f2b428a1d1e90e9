const express = require('express');
const { marked } = require('marked');
const showdown = require('showdown');
const markdownit = require('markdown-it');

const app = express();
const md = markdownit({ html: true, linkify: true });
const converter = new showdown.Converter();
const _ = require('lodash');
const Handlebars = require('handlebars');
const layout = '<main><%= content %></main>';
const pageTemplate = _.template(layout);

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

// Through a template: the rendered HTML is put in a template's context, where it is inserted raw (a
// template that escaped it would show the markup as text).
app.get('/doc', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  res.render('doc', { title: 'Doc', body: marked(req.query.src) });
});

app.post('/draft', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  const html = md.render(req.body.text);
  res.render('draft', { html, title: 'Draft' });
});

app.post('/card', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  const content = converter.makeHtml(req.body.note);
  res.send(pageTemplate({ content }));
});

app.post('/inline', (req, res) => {
  // ruleid: code/js-markdown-raw-html
  res.send(Handlebars.compile('<main>{{{content}}}</main>')({ content: marked.parse(req.body.text) }));
});

module.exports = { app, show };
