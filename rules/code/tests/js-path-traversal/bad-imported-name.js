const express = require('express');
const { rename } = require('fs');
const app = express();

// The same call, where the name is fs's own: the request chooses the file moved.
app.post('/files/rename', (req, res) => {
  // ruleid: code/js-path-traversal
  rename(req.body.from, '/srv/archive/latest', () => res.end());
});

// A function of another name in the same file changes nothing.
function archive(name) {
  return `/srv/archive/${encodeURIComponent(name)}`;
}
module.exports = { archive };
