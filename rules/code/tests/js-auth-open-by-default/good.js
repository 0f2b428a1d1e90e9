// Refuses to run without credentials, or skips only outside production; other settings are no login.
if (!process.env.API_KEY) throw new Error('API_KEY must be set');

export const apiKey = (req, res, next) => {
  if (req.get('x-api-key') !== process.env.API_KEY) return res.sendStatus(401);
  next();
};

export function devOnly(req, res, next) {
  if (process.env.NODE_ENV !== 'production') return next();
  res.sendStatus(404);
}

export function cache(req, res, next) {
  if (!process.env.CACHE_DIR) return next();
  res.set('Cache-Control', 'max-age=60');
  next();
}

export function requireKey(req, res, next) {
  if (!process.env.API_KEY) return res.status(503).send('not configured');
  if (req.get('x-api-key') === process.env.API_KEY) return next();
  res.sendStatus(401);
}

const app = require('express')();
app.use(apiKey, devOnly, cache, requireKey);
app.post('/notes', (req, res) => res.sendStatus(201));
