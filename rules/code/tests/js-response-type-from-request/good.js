const express = require('express');
const mime = require('mime-types');
const fs = require('fs');
const path = require('path');

const app = express();
const ALLOWED = ['image/png', 'image/jpeg', 'application/pdf'];

// The type the item was stored with.
app.get('/data/:id', async (req, res) => {
  const meta = await loadMetadata(Number(req.params.id));
  // ok: code/js-response-type-from-request
  res.setHeader('Content-Type', meta.mimeType);
  res.sendFile(meta.path);
});

// An allow-list of types that do not render.
app.get('/file/:id', (req, res) => {
  const type = req.query.type;
  if (!ALLOWED.includes(type)) return res.status(400).end();
  // ok: code/js-response-type-from-request
  res.type(type);
  res.send(fs.readFileSync(`/var/data/${Number(req.params.id)}`));
});

// Sent as a download whatever the type: the browser saves it and never renders it.
app.get('/raw/:id', (req, res) => {
  res.setHeader('Content-Disposition', 'attachment; filename="data"');
  // ok: code/js-response-type-from-request
  res.setHeader('Content-Type', req.query.type);
  res.sendFile(`/var/data/${Number(req.params.id)}`);
});

// A static server: the type follows the extension of the file it sends.
app.get('/static/*', (req, res) => {
  const file = path.join('/srv/www', path.normalize(req.params[0]).replace(/^(\.\.[/\\])+/, ''));
  // ok: code/js-response-type-from-request
  res.setHeader('Content-Type', mime.lookup(file) || 'application/octet-stream');
  fs.createReadStream(file).pipe(res);
});

// Only the charset chosen after a fixed type.
app.get('/text/:id', (req, res) => {
  // ok: code/js-response-type-from-request
  res.setHeader('Content-Type', 'text/plain; charset=' + req.query.charset);
  res.send(fs.readFileSync(`/var/data/${Number(req.params.id)}`));
});

// The request's own Content-Type echoed: no link or form of another site can choose it.
app.post('/echo', (req, res) => {
  // ok: code/js-response-type-from-request
  res.set('Content-Type', req.get('content-type'));
  res.send(req.body);
});

async function loadMetadata(id) {
  return JSON.parse(fs.readFileSync(`/var/meta/${id}.json`, 'utf8'));
}



// The format checked by a predicate named for it (an image library's output formats).
app.get('/size/:id/format/:format', async (req, res) => {
  const { format } = req.params;
  if (!canTransformToFormat(format)) return res.redirect(`/img/${Number(req.params.id)}`);
  // ok: code/js-response-type-from-request
  res.type(format === 'avif' ? 'image/avif' : format);
  res.send(await convert(Number(req.params.id), format));
});

function canTransformToFormat(format) {
  return ['jpeg', 'png', 'webp', 'avif', 'gif'].includes(format);
}

// A service name checked the ES5 way against the server's own list (a git smart-HTTP server's route).
const services = ['upload-pack', 'receive-pack'];
http.createServer((req, res) => {
  const m = req.url.match(/\/(.+)\/git-(.+)/);
  if (!m) return;
  const service = m[2];
  if (services.indexOf(service) < 0) {
    res.statusCode = 405;
    res.end('service not available');
    return;
  }
  // ok: code/js-response-type-from-request
  res.setHeader('content-type', 'application/x-git-' + service + '-result');
  res.end();
});

async function convert(id, format) {
  return Buffer.from(`${id}.${format}`);
}
module.exports = app;
