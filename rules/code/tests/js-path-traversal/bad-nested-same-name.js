const express = require('express');
const { rename } = require('fs');
const app = express();

// fs's rename, called where the request chooses the file moved.
app.post('/files/rename', (req, res) => {
  // ruleid: code/js-path-traversal
  rename(req.body.from, '/srv/archive/latest', () => res.end());
});

// A helper of the same name inside another function is that function's own: it does not rename fs's.
const titles = {
  tidy(post) {
    function rename(title) {
      return title.trim();
    }
    return rename(post.title);
  },
};
module.exports = { app, titles };
