// A proxy route that takes the address to fetch from the request target with a built regular expression's
// exec: the group is any text after `url=`, so the caller names the host the server fetches.
const express = require('express');
const app = express();
app.get('/cors', async (req, res) => {
  const match = new RegExp('url=(.+?)$', 'g').exec(req.url);
  if (!match) return res.status(400).send('no url');
  const url = match[1];
  // ruleid: code/js-ssrf
  const response = await fetch(url);
  res.send(await response.text());
});
// The same with a literal pattern held in a name.
const URL_PARAM = /[?&]target=([^&]+)/;
app.get('/proxy', async (req, res) => {
  const found = URL_PARAM.exec(req.originalUrl);
  // ruleid: code/js-ssrf
  const upstream = await fetch(decodeURIComponent(found[1]));
  res.send(await upstream.text());
});
app.listen(8080);
