#!/usr/bin/env node
// A command-line program that also serves HTTP: its commands can carry what a client sent.
const http = require('http');
const { exec } = require('child_process');

const port = Number(process.argv[2] || 8080);

function convert(name, done) {
  // ruleid: code/js-command-injection-audit
  exec(`convert uploads/${name} out.png`, done);
}

http.createServer((req, res) => convert(new URL(req.url, 'http://x').searchParams.get('f'), () => res.end())).listen(port);
