const express = require('express');
const app = express();

// A raw header value cannot hold a line break or a control character: Node's HTTP parser answers 400.
app.get('/media/:id', (req, res) => {
  console.error('requested range:', req.headers.range);
  console.log('agent ' + req.headers['user-agent'] + ' from ' + req.get('X-Forwarded-For'));
  res.end();
});
