const Router = require('@koa/router');
const { sendEmail } = require('./mailer');

const router = new Router();

// An activation link built from Koa's `ctx.origin` (the Host header, or X-Forwarded-Host behind `app.proxy`).
router.post('/signup', async (ctx) => {
  const token = await createActivation(ctx.request.body.email);
  // ruleid: code/js-host-header-injection
  await sendEmail(ctx.request.body.email, `${ctx.origin}/activate?token=${token}`);
  ctx.status = 201;
});

// The OIDC request's redirect_uri from the Host header.
router.get('/auth', async (ctx) => {
  const url = buildAuthorizeUrl({
    client_id: 'app',
    // ruleid: code/js-host-header-injection
    redirect_uri: `https://${ctx.headers.host}/auth/callback`,
  });
  ctx.redirect(url);
});

async function createActivation(email) {
  return Buffer.from(String(email)).toString('hex');
}

function buildAuthorizeUrl(params) {
  return `https://idp.example.com/authorize?${new URLSearchParams(params)}`;
}

module.exports = router;
