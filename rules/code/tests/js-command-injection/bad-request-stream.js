// A server on Node's `http` alone reads the request body by its stream events: each `data` chunk is what the
// client sent, collected in the handler's variable by one listener and used by another.
const http = require('http');
const { exec, execSync } = require('child_process');

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const job = JSON.parse(body);
      // ruleid: code/js-command-injection
      exec('ffprobe ' + job.source, (err, out) => res.end(out));
    });
  })
  .listen(8080);

http
  .createServer(function (request, response) {
    const chunks = [];
    request.on('data', function (chunk) {
      chunks.push(chunk);
    });
    request.on('end', function () {
      const text = Buffer.concat(chunks).toString();
      // ruleid: code/js-command-injection
      response.end(execSync('convert ' + text));
    });
  })
  .listen(8081);
