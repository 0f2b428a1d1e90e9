import express from 'express';
import nodeFetch from 'node-fetch';

const app = express();

app.get('/preview', async (req, res) => {
  const target = req.query.url;
  // ruleid: code/js-ssrf
  const page = await nodeFetch(target);
  res.send(String((await page.text()).length));
});
