// Stream events that do not carry the request's body: the response to the program's own request, a file it
// reads, and a listener that keeps the chunk in a variable of its own.
const http = require('http');
const https = require('https');
const fs = require('fs');
const { execSync } = require('child_process');

https.get('https://releases.example.org/latest', (res) => {
  let version = '';
  res.on('data', (chunk) => {
    version += chunk;
  });
  res.on('end', () => {
    execSync('notify-send ' + version.trim());
  });
});

// The client chosen by the URL's scheme: its callback's `res` is still the response, not a request served.
const client = process.env.MIRROR_TLS ? https : http;
client.get({ host: 'mirror.example.org', path: '/index' }, function (res) {
  execSync('logger mirror moved to ' + res.headers.location);
  res.on('data', (chunk) => execSync('logger ' + chunk));
});

http
  .createServer((req, res) => {
    let size = '0';
    req.on('data', (chunk) => {
      let size = '';
      size += chunk;
    });
    req.on('end', () => {
      res.end(execSync('du -sh ' + size));
    });
    const manifest = fs.createReadStream('/etc/app/manifest');
    manifest.on('data', (line) => {
      execSync('logger ' + line);
    });
  })
  .listen(8080);
