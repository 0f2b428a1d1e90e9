const express = require('express');
const cors = require('cors');
const fs = require('fs/promises');
const path = require('path');

const app = express();
const root = process.cwd();
const port = Number(process.env.PORT || 8081);

// Only pages of this machine may call it: a local editor's back end.
app.use(cors({ origin: process.env.ORIGIN || /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/ }));
app.use(express.json());
// Every request carries the token printed at start.
app.use((req, res, next) => (req.get('x-editor-token') === process.env.EDITOR_TOKEN ? next() : res.sendStatus(401)));

app.post('/api/files', async (req, res) => {
  await fs.writeFile(path.join(root, path.basename(req.body.name)), req.body.content);
  res.json({ ok: true });
});

if (process.env.BIND_HOST) {
  app.listen(port, process.env.BIND_HOST);
} else {
  app.listen(port, () => console.log(`listening on ${port}`));
}
