const { exec } = require('child_process');
const express = require('express');
const app = express();

// A number made by `-` is no shell word, but a negative one is an option: `kill -1` signals every process the
// user may signal. The number exemption of the HTML, SQL and path rules does not reach a shell command.
app.post('/stop', (req, res) => {
  const pid = req.body.pid - 0;
  // ruleid: code/js-command-injection
  exec('kill ' + pid, () => res.end());
});
