// A release page served by version: the version must first equal one of the releases the program lists, through
// the program's own predicate named for the check, its comparison case-folded. Folding changes letters only, so
// the version holds a `/` or `..` exactly where a listed release does.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const releases = require('./releases.json');

function versionInWhitelist(version) {
  // Prevent path traversal like v2.3.0%2f..%2f..%2f_header
  return releases.some((release) => version.toLowerCase() === release.version);
}

function isKnownRelease(version) {
  return releases.find((release) => release.version === version);
}

const releaseFile = (version) => path.join(__dirname, 'views', 'releases', `${version}.ejs`);

app.get('/releases/:version', (req, res) => {
  const version = req.params.version;
  if (versionInWhitelist(version) && fs.existsSync(releaseFile(version))) res.render(`releases/${version}`);
  else res.status(404).send('No such release');
});

app.get('/notes/:version', (req, res) => {
  const version = req.params.version;
  if (!isKnownRelease(version)) return res.sendStatus(404);
  res.send(fs.readFileSync(path.join(__dirname, 'notes', `${version}.md`), 'utf8'));
});

// The same comparison written in place.
app.get('/raw/:version', (req, res) => {
  const version = req.params.version;
  if (!releases.some((r) => r.version === version.toUpperCase())) return res.sendStatus(404);
  res.send(fs.readFileSync(path.join(__dirname, 'raw', version), 'utf8'));
});
