const { exec, spawn } = require('child_process');
const cp = require('child_process');
const express = require('express');
const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: code/js-command-injection
  exec('ping -c 1 ' + host, (err, out) => res.send(out));
});

app.post('/convert', (req, res) => {
  const { file, format } = req.body;
  const args = `${file} out.${format}`;
  // ruleid: code/js-command-injection
  const child = spawn('convert ' + args, { shell: true });
  child.on('exit', () => res.end());
});

function archive(name) {
  // ruleid: code/js-command-injection
  return cp.execSync(`tar czf /tmp/${name}.tgz /data`);
}

app.post('/archive', (req, res) => {
  archive(req.body.name);
  res.end();
});

app.get('/grep', (req, res) => {
  // ruleid: code/js-command-injection
  const child = spawn('sh', ['-c', `grep -r ${req.query.term} /var/log`]);
  child.stdout.pipe(res);
});
