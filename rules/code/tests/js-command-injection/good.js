const { execFile, spawn, exec } = require('child_process');
const express = require('express');
const app = express();

app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', '--', req.query.host], (err, out) => res.send(out));
});

app.get('/ls', (req, res) => {
  const child = spawn('ls', ['-l', '--', req.query.dir]);
  child.stdout.pipe(res);
});

app.get('/uptime', (req, res) => {
  exec('uptime', (err, out) => res.send(out));
});

app.get('/match', (req, res) => {
  const re = /^[a-z]+$/;
  res.json(re.exec(req.query.name));
});

// A regular expression written in place, or built, whose `exec` reads text a peer sent: no command runs.
app.post('/greeting', (req, res) => {
  const m = /^AUTH (.+)$/.exec(req.body.line);
  const n = new RegExp('^EHLO (.+)$').exec(req.body.line);
  res.json({ methods: m && m[1].split(/\s+/), host: n && n[1] });
});
