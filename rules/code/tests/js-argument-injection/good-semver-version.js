// A version checked with semver before it reaches npm: a valid version starts with a digit (or `v`, `=`), never
// with '-', so it cannot be read as an option. Here it reaches npm through a queue that one callback fills and
// another empties.
const { spawn } = require('child_process');
const semver = require('semver');
const express = require('express');

module.exports = function (app = express()) {
  const queue = [];
  let running = false;

  function install(name, version) {
    running = true;
    const npm = spawn('npm', ['install', `${name}@${version}`]);
    npm.on('close', () => {
      running = false;
      const next = queue.shift();
      if (next) update(next.version);
    });
  }

  function update(version) {
    spawn('npm', ['install', 'app-server', version]);
  }

  app.post('/install', (req, res) => {
    const { version } = req.body || {};
    if (typeof version !== 'string' || !semver.valid(version)) {
      res.status(400).json({ error: 'version must be valid semver' });
      return;
    }
    if (running) queue.push({ name: 'app-server', version });
    else update(version);
    res.json({ queued: true });
  });
  return app;
};
