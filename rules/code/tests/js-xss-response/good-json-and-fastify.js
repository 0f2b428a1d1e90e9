const fastify = require('fastify')();
const express = require('express');

const app = express();
app.post('/echo', (req, res) => {
  res.send(req.body);
  res.send({ name: req.query.name });
  res.send([req.query.a, req.query.b]);
});

// Fastify serves strings as text/plain unless the reply is typed as HTML.
fastify.get('/hello', (request, reply) => {
  reply.send(`Hello ${request.query.name}`);
});
