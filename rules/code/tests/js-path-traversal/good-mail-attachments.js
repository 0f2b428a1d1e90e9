// Attachments stored under names the server makes, and a sender's Content-ID used only as a lookup key; the
// code that sends mail sets `cid` on its own attachments and reads no Content-ID.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const nodemailer = require('nodemailer');

const mailDir = '/var/lib/mail';
const stored = new Map();

function saveAttachment(id, attachment) {
  const name = crypto.randomUUID();
  stored.set(attachment.contentId, name);
  // ok: code/js-path-traversal
  attachment.stream.pipe(fs.createWriteStream(path.join(mailDir, id, name)));
}

async function sendReport(to) {
  const transport = nodemailer.createTransport({ host: 'smtp.internal', port: 587 });
  const logo = path.join(__dirname, 'assets', 'logo.png');
  // ok: code/js-path-traversal
  await transport.sendMail({ to, html: '<img src="cid:logo">', attachments: [{ path: logo, cid: 'logo' }] });
}

module.exports = { saveAttachment, sendReport };
