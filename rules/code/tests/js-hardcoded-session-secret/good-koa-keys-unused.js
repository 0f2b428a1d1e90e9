// Koa keys set in a server that signs nothing (no session, no signed cookie): no cookie can be forged with them.
const Koa = require('koa');
const config = require('./config');

const app = new Koa();
app.keys = ['todokey', config.sessionSecret];
app.proxy = true;
app.use(async (ctx) => {
  ctx.body = { ok: true };
});
module.exports = app;
