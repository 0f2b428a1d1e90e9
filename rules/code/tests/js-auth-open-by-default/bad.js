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

module.exports = { auth };

const app = require("express")();
app.use(auth);
app.post("/databases/:db/delete", (req, res) => res.sendStatus(204));
