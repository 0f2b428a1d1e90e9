const http = require('http');
const { test } = require('node:test');

test('answers', async () => {
  const server = http.createServer((req, res) => res.end('ok')).listen(0);
  server.close();
});
