// An upload service that sends what it receives to the destination the client names.
const express = require('express');
const request = require('request');
const got = require('got');
const axios = require('axios');
const tus = require('tus-js-client');
const { S3 } = require('@aws-sdk/client-s3');
const app = express();

app.post('/upload/tus', (req, res) => {
  // ruleid: code/js-upload-ssrf
  const upload = new tus.Upload(req.file, { endpoint: req.body.endpoint, chunkSize: 5 * 1024 * 1024 });
  upload.start();
  res.json({ started: true });
});

app.post('/upload/resume', (req, res) => {
  const { uploadUrl } = req.body;
  // ruleid: code/js-upload-ssrf
  const upload = new tus.Upload(req.file, { uploadUrl, retryDelays: [0, 1000] });
  upload.start();
  res.end();
});

app.post('/upload/s3', async (req, res) => {
  // ruleid: code/js-upload-ssrf
  const s3 = new S3({ endpoint: req.body.storageUrl, region: 'us-east-1' });
  await s3.putObject({ Bucket: 'uploads', Key: 'file', Body: req.body.data });
  res.end();
});

app.post('/proxy', async (req, res) => {
  // ruleid: code/js-upload-ssrf
  const client = axios.create({ baseURL: req.query.api, timeout: 5000 });
  const r = await client.get('/status');
  res.json(r.data);
});

app.post('/multipart', (req, res) => {
  const method = req.body.httpMethod === 'put' ? 'put' : 'post';
  const options = { url: req.body.target, body: 'file contents' };
  // ruleid: code/js-upload-ssrf
  request[method](options, (err) => res.json({ ok: !err }));
});

app.post('/multipart-named', (req, res) => {
  const method = req.body.httpMethod === 'put' ? 'put' : 'post';
  const send = request[method];
  const options = { url: req.body.target, body: 'file contents' };
  // ruleid: code/js-upload-ssrf
  send(options, (err) => res.json({ ok: !err }));
});

app.post('/relay', (req, res) => {
  // ruleid: code/js-upload-ssrf
  req.pipe(got.stream.post(req.query.destination)).pipe(res);
});
