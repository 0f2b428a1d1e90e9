const express = require('express');
const readTorrent = require('read-torrent');
const getUri = require('get-uri');
const app = express();

// `read-torrent` fetches a URL or reads a local file, whichever it is given.
app.post('/torrents', (req, res) => {
  // ruleid: code/js-ssrf
  readTorrent(req.body.link, (err, torrent) => {
    if (err) return res.status(400).end();
    res.json({ hash: torrent.infoHash });
  });
});

app.get('/proxy', async (req, res) => {
  // ruleid: code/js-ssrf
  const stream = await getUri(req.query.uri);
  stream.pipe(res);
});
