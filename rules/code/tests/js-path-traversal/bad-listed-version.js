// Near misses of a release list's predicate: none of them makes the version one the program lists.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const releases = require('./releases.json');

// The callback's own parameter is the compared name: the request's version is never compared.
function isAllowedShadowed(version) {
  return releases.some((version) => version === releases.latest);
}

// `filter` answers with an array, truthy even when empty.
function isAllowedFiltered(version) {
  return releases.filter((release) => version === release.version);
}

// A function whose name does not say it checks is not read as a check.
function inList(version) {
  return releases.some((release) => version === release.version);
}

app.get('/a/:version', (req, res) => {
  const version = req.params.version;
  // ruleid: code/js-path-traversal
  if (isAllowedShadowed(version)) res.send(fs.readFileSync(path.join(__dirname, version), 'utf8'));
});

app.get('/b/:version', (req, res) => {
  const version = req.params.version;
  // ruleid: code/js-path-traversal
  if (isAllowedFiltered(version)) res.send(fs.readFileSync(path.join(__dirname, version), 'utf8'));
});

app.get('/c/:version', (req, res) => {
  const version = req.params.version;
  // ruleid: code/js-path-traversal
  if (inList(version)) res.send(fs.readFileSync(path.join(__dirname, version), 'utf8'));
});

// A case-folded comparison whose answer only logs.
app.get('/d/:version', (req, res) => {
  const version = req.params.version;
  if (!releases.some((r) => r.version === version.toLowerCase())) console.log('unknown release');
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(__dirname, version), 'utf8'));
});
