import express from 'express';

// An optional integration switched off while its key is unset: the middleware checks no credential of the
// request, so nothing is opened by default.
function payments(req, res, next) {
  if (!process.env.STRIPE_PUBLIC_KEY) return next();
  req.stripe = { key: process.env.STRIPE_PUBLIC_KEY };
  next();
}

const app = express();
app.use(payments);
app.post('/order', (req, res) => res.json({ ok: true }));
