const express = require('express');
const posts = require('./posts');
const app = express();

// The file's own function named like an fs call: it looks a record up by id, it opens no path.
function rename(id, body, res) {
  const post = posts.find(id);
  if (!post) return res.status(404).end();
  post.title = String(body.title);
  return res.json(post);
}

app.post('/posts/:id/rename', (req, res) => rename(req.params.id, req.body, res));
