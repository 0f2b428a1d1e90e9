function decodeCredentials(header) {
  return Buffer.from(header.replace(/Basic\s+/i, ''), 'base64').toString().split(':');
}

function auth(req, res, next) {
  const [username, password] = decodeCredentials(req.headers.authorization || '');
  // ruleid: code/js-auth-open-by-default
  if (process.env.GUI_USERNAME == undefined && process.env.GUI_PASSWORD == undefined) {
    return next();
  } else {
    if (username === process.env.GUI_USERNAME && password === process.env.GUI_PASSWORD) {
      return next();
    }
    res.set('WWW-Authenticate', 'Basic realm="app"');
    res.status(401).send('Authentication required!');
  }
}

export const apiKey = (req, res, next) => {
  // ruleid: code/js-auth-open-by-default
  if (!process.env.API_KEY) return next();
  if (req.get('x-api-key') !== process.env.API_KEY) return res.sendStatus(401);
  next();
};

module.exports = { auth };
