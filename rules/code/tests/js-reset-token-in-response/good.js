// The token goes only by e-mail and the reply says nothing of it; a login or an API key's creation answers with
// the secret it makes for the caller; the step that completes a reset signs the user in.
const crypto = require('crypto');
const bcrypt = require('bcryptjs');
const express = require('express');

const router = express.Router();

router.post('/api/customers/reset-password', async (req, res) => {
  const { email } = req.body;
  const token = crypto.randomBytes(64).toString('hex');
  await db.insert('reset_password_token', { email, token: crypto.createHash('sha256').update(token).digest('hex') });
  await mailer.send(email, `/reset-password?token=${token}`);
  res.status(200).json({ message: 'If the address is known, a link was sent to it.' });
});

router.post('/login', async (req, res) => {
  const user = await users.findOne({ email: req.body.email });
  if (!user || !(await verifyPassword(user, req.body.password))) return res.sendStatus(401);
  const token = crypto.randomBytes(32).toString('hex');
  await sessions.insert({ token, userId: user.id });
  res.json({ token });
});

router.post('/api-keys', async (req, res) => {
  const key = crypto.randomBytes(24).toString('base64url');
  await apiKeys.insert({ userId: req.user.id, hash: crypto.createHash('sha256').update(key).digest('hex') });
  res.json({ key });
});

router.post('/reset-password/confirm', async (req, res) => {
  const row = await db.findResetToken(crypto.createHash('sha256').update(req.body.token).digest('hex'));
  await users.update(row.userId, { password: await bcrypt.hash(req.body.password, 12) });
  const token = crypto.randomBytes(32).toString('hex');
  await sessions.insert({ token, userId: row.userId });
  res.json({ token });
});

module.exports = router;
