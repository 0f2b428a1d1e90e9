// An API authenticated by a bearer token in a header: a browser never attaches it on its own.
const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    req.user = jwt.verify(token, process.env.JWT_KEY, { algorithms: ['RS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
});
app.post('/orders', (req, res) => res.status(201).json({ owner: req.user.sub, items: req.body.items }));
