const fastify = require('fastify')();

fastify.get('/hello', (request, reply) => {
  // ruleid: code/js-xss-response
  reply.type('text/html').send(`<h1>Hello ${request.query.name}</h1>`);
});
