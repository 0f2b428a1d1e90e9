const crypto = require('crypto');
const os = require('os');
const path = require('path');

// The digest names the file the data is saved under (content addressing), or is the id Gravatar asks for:
// an identifier, no signature or integrity check rests on it.
function writeImageDataToFile(imageData, dir, callback) {
  let md5sum = crypto.createHash('md5');
  md5sum.update(imageData);
  md5sum = md5sum.digest('hex');
  const tempPath = path.join(dir, md5sum) + '.png';
  require('fs').writeFile(tempPath, imageData, callback);
}

function tempFileOf(data) {
  const md5sum = crypto.createHash('md5').update(data.imageData).digest('hex');
  data.file = { path: path.join(os.tmpdir(), md5sum) };
}

function gravatarUrl(email, size) {
  return [
    '//www.gravatar.com/avatar/',
    crypto.createHash('md5').update(email.toLowerCase().trim()).digest('hex'),
    '?s=' + size,
  ].join('');
}
module.exports = { writeImageDataToFile, tempFileOf, gravatarUrl };
