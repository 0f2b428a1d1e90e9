const express = require('express');
const cors = require('cors');
const fs = require('fs/promises');
const path = require('path');

const app = express();
const root = process.cwd();
const port = Number(process.env.PORT || 8081);

app.use(cors({ origin: /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/ }));
app.use(express.json());

app.post('/api/files', async (req, res) => {
  await fs.writeFile(path.join(root, path.basename(req.body.name)), req.body.content);
  res.json({ ok: true });
});

// Bound to the loopback interface unless the operator names another.
app.listen(port, process.env.BIND_HOST || '127.0.0.1', () => console.log(`listening on ${port}`));
