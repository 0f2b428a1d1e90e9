// The same queue without the semver check: the request's version reaches npm through the queue one callback
// fills and another empties, and a version starting with '-' is read as an option.
const { spawn } = require('child_process');
const express = require('express');

module.exports = function (app = express()) {
  const queue = [];
  let running = false;

  function update(version) {
    running = true;
    // ruleid: code/js-argument-injection
    const npm = spawn('npm', ['install', 'app-server', version]);
    npm.on('close', () => {
      running = false;
      const next = queue.shift();
      if (next) update(next.version);
    });
  }

  app.post('/install', (req, res) => {
    const { version } = req.body || {};
    if (running) queue.push({ version });
    else update(version);
    res.json({ queued: true });
  });
  return app;
};
