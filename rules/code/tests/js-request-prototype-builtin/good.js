const express = require('express');

const app = express();

// The own-property test that no request key can replace.
app.get('/v1/meta', async (req, res) => {
  // ok: code/js-request-prototype-builtin
  if (Object.hasOwn(req.query, 'extended')) {
    res.json(await loadMeta(true));
    return;
  }
  // ok: code/js-request-prototype-builtin
  res.json(await loadMeta(Object.prototype.hasOwnProperty.call(req.query, 'full')));
});

// A synchronous handler: Express catches the throw and replies 500; the process stays up.
app.get('/v1/flags', (req, res) => {
  // ok: code/js-request-prototype-builtin
  res.json({ dry: req.query.hasOwnProperty('dryrun') });
});

// Koa catches a rejected handler and replies 500.
async function koaHandler(ctx) {
  // ok: code/js-request-prototype-builtin
  ctx.body = { dry: ctx.query.hasOwnProperty('dryrun') };
}

// Fastify catches a rejected handler and replies 500.
async function fastifyHandler(request, reply) {
  // ok: code/js-request-prototype-builtin
  reply.send({ dry: request.body.hasOwnProperty('dryrun') });
}

async function loadMeta(extended) {
  return { extended };
}

module.exports = { app, koaHandler, fastifyHandler };

// A try with a catch in the handler: the throw is caught there, the promise does not reject.
app.get('/v1/plan', async (req, res) => {
  try {
    // ok: code/js-request-prototype-builtin
    const dry = req.query.hasOwnProperty('dryrun');
    res.json(await loadMeta(dry));
  } catch (err) {
    res.status(400).json({ error: String(err) });
  }
});

// A wrapper passes the handler's rejection to next(err) (the rule's own fix).
const asyncHandler = (fn) => (req, res, next) => fn(req, res, next).catch(next);
app.get(
  '/v1/jobs',
  asyncHandler(async (req, res) => {
    // ok: code/js-request-prototype-builtin
    res.json(await loadMeta(req.query.hasOwnProperty('all')));
  }),
);
