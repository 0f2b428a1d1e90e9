const express = require('express');
const app = express();

const timers = {};
const bodies = {};

// A response cache keyed by the raw request target: it starts with '/', never a prototype key.
function remember(key, body, duration) {
  bodies[key] = body;
  timers[key] = setTimeout(() => delete bodies[key], duration);
}

app.use((req, res, next) => {
  const key = req.originalUrl || req.url;
  const send = res.send.bind(res);
  res.send = (body) => {
    remember(key, body, 60000);
    return send(body);
  };
  next();
});
