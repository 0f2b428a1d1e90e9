// Session cookies written as headers with both attributes, or holding no secret.
const cookie = require('cookie');

exports.handle = (req, res) => {
  const sid = createSid();
  res.setHeader('Set-Cookie', `sid=${sid}; Path=/; Secure; HttpOnly; SameSite=Lax`);
  res.writeHead(302, { Location: '/', 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly; Secure` });
  // Values written in place: a preference, the expiry of a cookie at logout, a double-submit CSRF token.
  res.setHeader('Set-Cookie', 'theme=dark; Path=/');
  res.setHeader('Set-Cookie', 'sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  res.setHeader('Set-Cookie', `XSRF-TOKEN=${req.csrfToken()}; Path=/; SameSite=Strict`);
  // Not a Set-Cookie header.
  res.setHeader('Content-Type', contentType);
  res.end();
};

function login(req, res, token) {
  res.setHeader('Set-Cookie', cookie.serialize('session', token, { httpOnly: true, secure: true, sameSite: 'lax' }));
  res.append('Set-Cookie', cookie.serialize('lang', 'en'));
}

router.post('/login', async (ctx) => {
  ctx.cookies.set('koa.sid', ctx.state.sessionId, { secure: true, sameSite: 'lax' });
  // Behind a proxy the connection decides: `secure` is named, whatever its value at run time.
  ctx.cookies.set('remember', ctx.state.token, { secure: ctx.secure, maxAge: 86400000 });
  ctx.cookies.set('seen-banner', 'yes');
  // A Map, not Koa's cookie jar.
  cache.set('user', ctx.state.user);
});

// A client's Cookie request header: attributes belong to Set-Cookie only.
function requestCookies(cookies) {
  const header = Object.keys(cookies).map((name) => cookie.serialize(name, cookies[name], { encode: String }));
  return { Cookie: header.join('; ') };
}
