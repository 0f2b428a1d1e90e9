// A cookie plugin: it writes what its caller asked for (the options come from the caller), and its
// tests set fixed headers.
const cookie = require('cookie');

function setCookies(reply) {
  let cookieValue = [];
  for (const c of reply.cookies.values()) {
    cookieValue.push(cookie.serialize(c.name, c.value, c.opts));
  }
  reply.header('Set-Cookie', cookieValue);
}

test('keeps the caller array', (reply) => {
  const defaults = ['a=1'];
  reply
    .header('set-cookie', defaults)
    .header('set-cookie', 'b=2')
    .send({});
  reply
    .cookie('foo', 'foo', { path: '/' })
    .send({});
});

module.exports = { setCookies };
