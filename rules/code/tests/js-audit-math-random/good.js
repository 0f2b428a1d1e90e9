// Random values from the cryptographic generator.
const crypto = require('crypto');

function pick(list) {
  const i = crypto.randomInt(list.length);
  return [list[i], crypto.randomUUID()];
}
module.exports = { pick };
