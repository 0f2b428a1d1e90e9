// Session cookies written as headers by hand: the attributes are only what the text says.
const cookie = require('cookie');

// A helper builds the header; nothing in this file ever says Secure (droppy's shape).
const cookieParams = ['HttpOnly', 'SameSite=strict'];
function cookieString(params) {
  return Object.keys(params)
    .map((k) => k + '=' + params[k])
    .concat(cookieParams)
    .join('; ');
}

exports.handle = (req, res) => {
  const sid = createSid();
  // ruleid: code/js-cookie-insecure
  res.setHeader('Set-Cookie', cookieString({ s: sid, path: '/' }));
  // ruleid: code/js-cookie-insecure
  res.writeHead(302, { Location: '/', 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly` });
  res.end();
};

function login(req, res, token) {
  // ruleid: code/js-cookie-insecure
  res.setHeader('Set-Cookie', 'token=' + token + '; Path=/; Secure');
  // The cookie package writes neither attribute unless asked.
  // ruleid: code/js-cookie-insecure
  res.setHeader('Set-Cookie', cookie.serialize('session', token, { maxAge: 3600, sameSite: 'lax' }));
  // ruleid: code/js-cookie-insecure
  res.append('Set-Cookie', cookie.serialize('remember', req.rememberToken));
}

// Koa: httpOnly by default, but secure only when asked.
router.post('/login', async (ctx) => {
  // ruleid: code/js-cookie-insecure
  ctx.cookies.set('koa.sid', ctx.state.sessionId);
  // ruleid: code/js-cookie-insecure
  ctx.cookies.set('remember', ctx.state.token, { maxAge: 86400000, secure: true, httpOnly: false });
  // ruleid: code/js-cookie-insecure
  ctx.set('Set-Cookie', `auth=${ctx.state.token}; Path=/`);
});
