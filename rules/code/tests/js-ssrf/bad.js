const axios = require('axios');
const express = require('express');
const app = express();

app.get('/preview', async (req, res) => {
  const target = req.query.url;
  // ruleid: code/js-ssrf
  const page = await axios.get(target);
  res.send(page.data.length.toString());
});

export async function POST(request) {
  const { webhook } = await request.json();
  // ruleid: code/js-ssrf
  await fetch(webhook, { method: 'POST', body: '{}' });
  return new Response('ok');
}
