const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  const name = req.query.name;
  // ruleid: code/js-xss-response
  res.send('<h1>Hello ' + name + '</h1>');
});

app.get('/search', (req, res) => {
  res.write('<ul>');
  // ruleid: code/js-xss-response
  res.write(`<li>No results for ${req.query.q}</li>`);
  res.end('</ul>');
});

async function show(ctx) {
  // ruleid: code/js-xss-response
  ctx.body = `<p>${ctx.query.message}</p>`;
}
module.exports = { show };

app.get('/greet/:locale', (req, res) => {
  const locale = req.params.locale.split('.')[0];
  // ruleid: code/js-xss-response
  res.send(`<p lang="${locale}">Hello</p>`);
});
