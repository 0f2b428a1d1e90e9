const express = require('express');
const readTorrent = require('read-torrent');
const app = express();
const KNOWN = new Set(['ubuntu.torrent', 'debian.torrent']);

// A name the file does not bind to the module: a local helper that only looks the link up.
function lookUp(link) {
  return KNOWN.has(link) ? link : null;
}

app.post('/known', (req, res) => {
  const name = lookUp(req.body.link);
  if (!name) return res.status(404).end();
  // The URL is fixed text; only a checked name is appended.
  readTorrent('https://torrents.example.com/' + name, (err, torrent) => {
    if (err) return res.status(400).end();
    res.json({ hash: torrent.infoHash });
  });
});

app.post('/local', (req, res) => {
  // Redeclared in this function: not the module's function.
  const readTorrent = (text) => text.trim();
  res.send(String(readTorrent(req.body.link).length));
});
