// A closure made after its variable was set to a constant sees the constant: the request's value was
// overwritten before the closure existed.
const express = require('express');
const cp = require('child_process');

const app = express();

app.get('/chrome', async (req, res) => {
  let executablePath = req.query.path;
  if (!executablePath || executablePath.includes(' ')) {
    executablePath = '/usr/bin/chromium';
    const version = await new Promise((resolve) => {
      setTimeout(() => resolve(cp.execSync(executablePath + ' --version').toString()), 10);
    });
    return res.send(version);
  }
  res.sendStatus(400);
});
