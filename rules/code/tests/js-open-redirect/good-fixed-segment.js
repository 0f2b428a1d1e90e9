const express = require('express');
const config = require('config');
const app = express();

// The configured base URL and a constant path segment settle the host; the id only adds to the path
// (sqlpad's /queries/:_id).
app.get('/queries/:_id', (req, res) => {
  if (req.query.format === 'table') return res.redirect(config.get('baseUrl') + '/query-table/' + req.params._id);
  res.redirect(`${config.get('baseUrl')}/query-chart/${req.params._id}`);
});

app.get('/db/:name', (req, res) => {
  res.redirect(res.locals.baseHref + 'db/' + encodeURIComponent(req.params.name) + '?skip=' + req.query.skip);
});

// A match of an anchored pattern starts with the pattern's own text: `/topic/123/` stays on the site.
app.use((err, req, res, next) => {
  const tidMatch = req.path.match(/^\/topic\/(\d+)\//);
  if (tidMatch) return res.redirect(relativePath + tidMatch[0]);
  next(err);
});
