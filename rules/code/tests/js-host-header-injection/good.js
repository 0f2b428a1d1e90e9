const express = require('express');
const nodemailer = require('nodemailer');
const crypto = require('crypto');

const app = express();
const transporter = nodemailer.createTransport({ sendmail: true });
const PUBLIC_URL = process.env.PUBLIC_URL || 'https://app.example.com';
const ALLOWED_HOSTS = new Set(['app.example.com', 'www.app.example.com']);

// The link built from the configured public URL.
app.post('/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  // ok: code/js-host-header-injection
  await transporter.sendMail({ to: req.body.email, subject: 'Reset', text: `Open ${PUBLIC_URL}/reset/${token}` });
  res.sendStatus(204);
});

// The host checked against a fixed list first.
app.post('/invite', async (req, res) => {
  const host = req.headers.host;
  if (!ALLOWED_HOSTS.has(host)) return res.sendStatus(400);
  // ok: code/js-host-header-injection
  await transporter.sendMail({ to: req.body.email, subject: 'Invite', text: `https://${host}/join` });
  res.sendStatus(204);
});

// The host only logged, or answered to the sender itself.
app.get('/where', (req, res) => {
  res.json({ base: `https://${req.headers.host}`, callbackURL: `${PUBLIC_URL}/cb` });
});

module.exports = app;
