import express from 'express';

export const apiKey = (req, res, next) => {
  // ruleid: code/js-auth-open-by-default
  if (!process.env.API_KEY) return next();
  if (req.get('x-api-key') !== process.env.API_KEY) return res.sendStatus(401);
  next();
};

const app = express();
app.use(apiKey);
app.delete('/notes/:id', (req, res) => res.sendStatus(204));
