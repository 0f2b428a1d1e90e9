// The handlers that start a password reset or an address's verification answer with the fresh token itself:
// whoever asks for a reset of someone else's address receives the link meant for that mailbox.
const crypto = require('crypto');
const express = require('express');
const { v4: uuidv4 } = require('uuid');

const router = express.Router();

router.post('/api/customers/reset-password', async (req, res) => {
  const { email } = req.body;
  const token = crypto.randomBytes(64).toString('hex');
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  await db.insert('reset_password_token', { email, token: hash });
  // ruleid: code/js-reset-token-in-response
  res.status(200).json({ token, email });
});

module.exports.forgotPassword = async function forgotPassword(request, response, next) {
  try {
    const resetToken = crypto.randomUUID();
    await users.update({ email: request.body.email }, { resetToken });
    // ruleid: code/js-reset-token-in-response
    response.$body = { message: 'sent', resetToken };
    next();
  } catch (e) {
    next(e);
  }
};

router.post('/signup', async (ctx) => {
  const verificationToken = uuidv4();
  await accounts.create({ ...ctx.request.body, verificationToken });
  await mailer.send(ctx.request.body.email, `/verify-email?token=${verificationToken}`);
  // ruleid: code/js-reset-token-in-response
  ctx.body = { ok: true, link: `/verify-email?token=${verificationToken}` };
});

module.exports = router;
