const Koa = require('koa');
const fs = require('fs');

const app = new Koa();

app.use(async (ctx) => {
  // ruleid: code/js-response-type-from-request
  ctx.type = ctx.query.type;
  ctx.body = fs.createReadStream(`/var/files/${Number(ctx.query.id)}`);
});

module.exports = app;
