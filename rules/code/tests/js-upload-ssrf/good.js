// Upload and API clients whose destination the server fixes: request data fills only what is sent.
const express = require('express');
const request = require('request');
const got = require('got');
const axios = require('axios');
const tus = require('tus-js-client');
const { S3 } = require('@aws-sdk/client-s3');
const app = express();
const UPLOAD_ENDPOINT = process.env.UPLOAD_ENDPOINT;
const ALLOWED = new Set(['https://uploads.example.com/files/']);

app.post('/upload/tus', (req, res) => {
  // The request names the file's metadata, not where it goes.
  const upload = new tus.Upload(req.file, {
    endpoint: UPLOAD_ENDPOINT,
    metadata: { filename: req.body.name, filetype: req.body.type },
  });
  upload.start();
  res.json({ started: true });
});

app.post('/upload/allowed', (req, res) => {
  const endpoint = req.body.endpoint;
  if (!ALLOWED.has(endpoint)) return res.status(400).end();
  const upload = new tus.Upload(req.file, { endpoint });
  upload.start();
  res.end();
});

app.post('/upload/s3', async (req, res) => {
  const s3 = new S3({ endpoint: 'https://s3.example.com', region: 'us-east-1' });
  await s3.putObject({ Bucket: 'uploads', Key: req.body.key, Body: req.body.data });
  res.end();
});

app.post('/proxy', async (req, res) => {
  const client = axios.create({ baseURL: 'https://api.example.com/v1/', headers: { 'x-user': req.query.user } });
  const r = await client.get('/status');
  res.json(r.data);
});

app.post('/multipart', (req, res) => {
  const method = req.body.httpMethod === 'put' ? 'put' : 'post';
  request[method](`https://uploads.example.com/files/${req.body.name}`, (err) => res.json({ ok: !err }));
});

app.post('/multipart-named', (req, res) => {
  const send = request.post;
  send('https://uploads.example.com/files/' + req.body.name, (err) => res.json({ ok: !err }));
});

app.post('/relay', (req, res) => {
  req.pipe(got.stream.post(`https://cdn.example.com/assets/${req.query.name}`)).pipe(res);
});
