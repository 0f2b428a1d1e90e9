// A mail server that stores what it receives (MailDev's shape, CVE-2024-27448): the attachment's Content-ID and
// the file name the parser derives from the sender's headers are the sender's text.
const fs = require('fs');
const path = require('path');
const { MailParser } = require('mailparser-mit');

const mailDir = '/var/lib/mail';

function saveAttachment(id, attachment) {
  // ruleid: code/js-path-traversal
  const output = fs.createWriteStream(path.join(mailDir, id, attachment.contentId));
  attachment.stream.pipe(output);
}

function keepNamed(id, attachment) {
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join(mailDir, id, attachment.generatedFileName), attachment.content);
}

function handleData(stream, id) {
  const parser = new MailParser({ streamAttachments: true });
  parser.on('attachment', saveAttachment.bind(null, id));
  parser.on('attachment', keepNamed.bind(null, id));
  stream.pipe(parser);
}

module.exports = { handleData };
