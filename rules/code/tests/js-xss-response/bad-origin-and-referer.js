// Only the Origin header itself is exempt: the Referer (the linking page chooses its path and query), another
// header beside the origin, and a query parameter named origin are still written into the page.
const express = require('express');
const app = express();

app.get('/back', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<a href="' + req.headers.referer + '">Back</a>');
});
app.get('/refused', (req, res) => {
  const origin = req.headers.origin;
  // ruleid: code/js-xss-response
  res.status(403).send(`Origin ${origin} refused for ${req.headers['x-forwarded-host']}`);
});
app.get('/cb', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('Return to ' + req.query.origin);
});
app.get('/host', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('Unknown site ' + req.get('X-Origin'));
});
