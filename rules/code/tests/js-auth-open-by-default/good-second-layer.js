import express from 'express';
import jwt from 'jsonwebtoken';

// An optional API key in front of a JWT login: unset, the routes still need the token.
const validateApiKey = (req, res, next) => {
  if (!process.env.API_KEY) {
    return next();
  }
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.status(401).end();
  next();
};

const authenticateToken = (req, res, next) => {
  try {
    req.user = jwt.verify(req.headers.authorization?.split(' ')[1], process.env.JWT_SECRET);
    next();
  } catch {
    res.sendStatus(401);
  }
};

const app = express();
app.use('/api', validateApiKey);
app.post('/api/projects', authenticateToken, (req, res) => res.json(req.user));
